package com.example.testapi.acceptance.fidelity;

import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.example.testapi.client.StackOutputs;
import com.example.testapi.support.TotpCodes;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/**
 * The probes of what a leaked password or session may still give (docs/mfa.md): each makes a user of its own
 * (deleted when the target closes), an Admins member without TOTP or one made an administrator after enrolling, and
 * reads what the user pool, the trigger and the identity pool answer. Nothing here changes the stack but that user.
 */
final class LeakProbes {

    private final ProbeTarget target;
    private final StackOutputs stack;

    LeakProbes(ProbeTarget target) {
        this.target = target;
        this.stack = target.stack();
    }

    Observation observe(Row row) {
        // The refresh probe's user is made an administrator the documented way: TOTP first, then Admins.
        String[] user = target.newUser(row == Row.REFRESH_BEFORE_ENROLMENT ? "ReadOnlyAccess" : "Admins");
        AuthenticationResultType tokens;
        try {
            tokens = signIn(user);
        } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
            return Observation.of(row, Map.of("signIn", e.awsErrorDetails().errorCode()));
        }
        return switch (row) {
            case ADMIN_WITHOUT_TOTP -> Observation.of(row, Map.of("signIn", "tokens",
                    "idTokenGroups", groups(tokens.idToken()), "accessTokenGroups", groups(tokens.accessToken()),
                    "withheld", claim(tokens.idToken(), "admin_withheld"),
                    "credentials", SignInProbes.errorOf(() -> credentials(tokens.idToken(), null)).get("error"),
                    "groupsAfter", poolGroups(user[0])));
            case CUSTOM_ROLE_ARN -> {
                String adminRole = target.userPool().listGroups(r -> r.userPoolId(stack.userPoolId())).groups()
                        .stream().filter(g -> g.groupName().equals("Admins")).findFirst().orElseThrow().roleArn();
                yield Observation.of(row, Map.of("error", SignInProbes.errorOf(() -> credentials(tokens.idToken(),
                        adminRole)).get("error")));
            }
            case BASIC_FLOW -> Observation.of(row, Map.of("error", SignInProbes.errorOf(() -> target.identityPool()
                    .getOpenIdToken(r -> r.identityId(identityId(tokens.idToken())).logins(logins(tokens.idToken()))))
                    .get("error")));
            case REFRESH_BEFORE_ENROLMENT -> refreshAfterEnrolment(row, user[0], tokens);
            default -> throw new IllegalArgumentException(row + " is not a leak probe");
        };
    }

    /** TOTP turned on with the sign-in's own access token, then that sign-in's refresh token used. */
    private Observation refreshAfterEnrolment(Row row, String username, AuthenticationResultType early) {
        var pool = target.userPool();
        String secret = pool.associateSoftwareToken(r -> r.accessToken(early.accessToken())).secretCode();
        pool.verifySoftwareToken(r -> r.accessToken(early.accessToken()).userCode(TotpCodes.at(secret,
                Instant.now())));
        pool.setUserMFAPreference(r -> r.accessToken(early.accessToken())
                .softwareTokenMfaSettings(t -> t.enabled(true).preferredMfa(true)));
        pool.adminAddUserToGroup(r -> r.userPoolId(stack.userPoolId()).username(username).groupName("Admins"));
        String refreshed = pool.initiateAuth(r -> r.clientId(stack.userPoolClientId())
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH).authParameters(Map.of("REFRESH_TOKEN",
                        early.refreshToken()))).authenticationResult().idToken();
        return Observation.of(row, Map.of("idTokenGroups", groups(refreshed),
                "withheld", claim(refreshed, "admin_withheld")));
    }

    /** The user's groups in the pool now, as the admin API lists them. */
    private String poolGroups(String username) {
        List<String> names = target.userPool().adminListGroupsForUser(r -> r.userPoolId(stack.userPoolId())
                .username(username)).groups().stream().map(g -> g.groupName()).toList();
        return names.isEmpty() ? "none" : String.join(",", names);
    }

    private AuthenticationResultType signIn(String[] user) {
        return target.userPool().initiateAuth(r -> r.clientId(stack.userPoolClientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", user[0],
                        "PASSWORD", user[1]))).authenticationResult();
    }

    private void credentials(String idToken, String customRoleArn) {
        target.identityPool().getCredentialsForIdentity(r -> r.identityId(identityId(idToken))
                .logins(logins(idToken)).customRoleArn(customRoleArn));
    }

    private String identityId(String idToken) {
        return target.identityPool().getId(r -> r.identityPoolId(stack.identityPoolId()).logins(logins(idToken)))
                .identityId();
    }

    private Map<String, String> logins(String idToken) {
        return Map.of(stack.loginsProvider(), idToken);
    }

    private static String groups(String token) {
        Object groups = claims(token).getClaim("cognito:groups");
        return groups instanceof List<?> list && !list.isEmpty() ? String.join(",", list.stream()
                .map(String::valueOf).toList()) : "none";
    }

    private static String claim(String token, String name) {
        Object value = claims(token).getClaim(name);
        return value == null ? "none" : String.valueOf(value);
    }

    private static JWTClaimsSet claims(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new IllegalStateException("not a JWT from the user pool", e);
        }
    }
}
