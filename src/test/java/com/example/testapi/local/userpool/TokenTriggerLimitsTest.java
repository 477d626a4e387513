package com.example.testapi.local.userpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.SignedJWT;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;

/**
 * How the local user pool plays Cognito's side of a pre-token-generation trigger, through the AWS SDK: a failure
 * fails the sign-in (UserLambdaValidationException), so does an answer later than Cognito's 5 seconds, whatever the
 * function's own timeout; an override with {@code "preferredRole": null} (what the template's trigger sends for an
 * administrator in no other group) is taken as "no preferred role".
 */
class TokenTriggerLimitsTest extends UserPoolCase {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PASSWORD = "Trigger-Limits-Passw0rd!";

    private AwsServiceException refusedSignIn(String user) {
        return assertThrows(AwsServiceException.class, () -> sdk.initiateAuth(r -> r.clientId(clientId)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", user, "PASSWORD", PASSWORD))));
    }

    @Test
    void aFailingTriggerFailsTheSignIn() {
        newUser("tfail", PASSWORD);
        cloud.cloud.userPool().preTokenGeneration(event -> {
            throw new IllegalStateException("the function crashed");
        });
        AwsServiceException refused = refusedSignIn("tfail");
        assertEquals("UserLambdaValidationException", refused.awsErrorDetails().errorCode());
        assertEquals("PreTokenGeneration failed with error the function crashed.",
                refused.awsErrorDetails().errorMessage());
    }

    @Test
    void aTriggerSlowerThanFiveSecondsFailsTheSignIn() {
        newUser("tslow", PASSWORD);
        cloud.cloud.userPool().preTokenGeneration(event -> {
            Thread.sleep(Duration.ofSeconds(7).toMillis());
            return event;
        });
        long started = System.nanoTime();
        AwsServiceException refused = refusedSignIn("tslow");
        long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertEquals("UserLambdaValidationException", refused.awsErrorDetails().errorCode());
        assertTrue(refused.awsErrorDetails().errorMessage().contains("TimeoutError"),
                refused.awsErrorDetails().errorMessage());
        assertTrue(waited >= 4_900 && waited < 6_900, "answered at the 5 s limit, not the trigger's 7 s: " + waited);
    }

    @Test
    void aNullPreferredRoleMeansNone() throws Exception {
        newUser("tnull", PASSWORD);
        cloud.cloud.userPool().preTokenGeneration(event -> {
            ObjectNode override = event.putObject("response").putObject("claimsOverrideDetails")
                    .putObject("groupOverrideDetails");
            override.putArray("groupsToOverride");
            override.putArray("iamRolesToOverride");
            override.putNull("preferredRole");
            return MAPPER.readTree(MAPPER.writeValueAsBytes(event));
        });
        String idToken = sdk.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "tnull", "PASSWORD", PASSWORD))).authenticationResult().idToken();
        var claims = SignedJWT.parse(idToken).getJWTClaimsSet();
        assertNull(claims.getClaim("cognito:preferred_role"));
        List<String> groups = claims.getStringListClaim("cognito:groups");
        assertTrue(groups == null || groups.isEmpty(), String.valueOf(groups));
    }
}
