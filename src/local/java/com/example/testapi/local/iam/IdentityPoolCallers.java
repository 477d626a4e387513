package com.example.testapi.local.iam;

import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.testapi.local.LocalAccount;
import com.example.testapi.local.awsjson.AwsError;
import com.example.testapi.local.awsjson.AwsJsonEndpoint;
import com.example.testapi.local.gateway.PolicyEvaluator;
import com.example.testapi.local.gateway.SigV4Verifier;
import com.example.testapi.local.gateway.TemplateAccess;
import com.example.testapi.local.identitypool.CredentialsStore;
import com.example.testapi.local.identitypool.IssuedCredentials;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * IAM for the user pool's admin API, as AWS applies it to a browser that calls Cognito with identity-pool
 * credentials: the signature is verified against the credentials the identity pool issued, and the role's policies
 * from template.yaml must allow {@code cognito-idp:OPERATION} on the pool the request names; otherwise
 * {@code AccessDeniedException} in IAM's words. A key the identity pool never issued is the developer's own account
 * administrator (the README's placeholder keys), which locally may do anything, as before.
 */
public final class IdentityPoolCallers implements AwsJsonEndpoint.CallerCheck {

    private static final Pattern ACCESS_KEY = Pattern.compile("Credential=([^/\\s]+)/");

    private final CredentialsStore credentials;
    private final SigV4Verifier verifier;
    private final TemplateAccess access;
    private final LocalAccount account;

    public IdentityPoolCallers(CredentialsStore credentials, TemplateAccess access, Clock clock) {
        this.credentials = credentials;
        this.access = access;
        this.account = access.account();
        this.verifier = new SigV4Verifier(credentials, account.region(), "cognito-idp", clock);
    }

    @Override
    public void check(String operation, AwsJsonEndpoint.SignedRequest request, ObjectNode input) {
        Matcher key = ACCESS_KEY.matcher(String.join(",", request.headers().getOrDefault("authorization",
                java.util.List.of())));
        if (!key.find() || credentials.byAccessKey(key.group(1)).isEmpty()) {
            return; // not identity-pool credentials: the account administrator of README's placeholder keys
        }
        SigV4Verifier.Outcome outcome = verifier.verify(new SigV4Verifier.Request(request.method(), request.rawPath(),
                request.rawQuery(), request.headers(), request.body()));
        if (outcome.refusal() != null) {
            throw new AwsError(signatureErrorType(outcome.refusal()), outcome.refusal());
        }
        IssuedCredentials caller = outcome.credentials();
        String action = "cognito-idp:" + operation;
        String resource = "arn:aws:cognito-idp:" + account.region() + ":" + account.accountId() + ":userpool/"
                + input.path("UserPoolId").asText("");
        PolicyEvaluator.Decision decision = access.mayCall(caller.roleName(), action, resource);
        if (decision != PolicyEvaluator.Decision.ALLOW) {
            // IAM's message (docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html).
            throw new AwsError("AccessDeniedException", "User: arn:aws:sts::" + account.accountId() + ":assumed-role/"
                    + caller.roleName() + "/CognitoIdentityCredentials is not authorized to perform: " + action
                    + " on resource: " + resource + (decision == PolicyEvaluator.Decision.EXPLICIT_DENY
                            ? " with an explicit deny in an identity-based policy"
                            : " because no identity-based policy allows the " + action + " action"));
        }
    }

    /** The AWS JSON protocol's error type for a signature the check refused (status 400, as those services send). */
    private static String signatureErrorType(String refusal) {
        if (refusal.startsWith("The security token included in the request is expired")) {
            return "ExpiredTokenException";
        }
        if (refusal.startsWith("The security token included in the request is invalid")) {
            return "UnrecognizedClientException";
        }
        return "InvalidSignatureException";
    }
}
