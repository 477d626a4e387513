package com.example.testapi.local.iam;

import java.time.Instant;
import java.util.List;

/**
 * Temporary AWS credentials the identity pool handed out, and what STS would know about them: the assumed role and
 * the Cognito identity they were issued to. The local gateway accepts exactly these, until {@code expiration}.
 *
 * @param amr the identity's authentication methods: {@code authenticated}, the provider, and
 *            {@code PROVIDER:CognitoSignIn:SUB}
 */
public record IssuedCredentials(String accessKeyId, String secretKey, String sessionToken, Instant expiration,
        String roleArn, String identityId, String identityPoolId, List<String> amr) {

    /** The role's name: the last part of {@code arn:aws:iam::ACCOUNT:role/NAME}. */
    public String roleName() {
        return roleArn.substring(roleArn.lastIndexOf('/') + 1);
    }

    /** The user pool user's {@code sub}, from the {@code …:CognitoSignIn:SUB} entry of {@code amr}. */
    public String userSub() {
        return amr.stream().filter(a -> a.contains(":CognitoSignIn:"))
                .map(a -> a.substring(a.indexOf(":CognitoSignIn:") + ":CognitoSignIn:".length())).findFirst()
                .orElse(null);
    }
}
