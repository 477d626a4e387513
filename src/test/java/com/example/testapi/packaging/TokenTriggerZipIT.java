package com.example.testapi.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

import com.example.testapi.local.LocalCloud;
import com.example.testapi.support.CognitoSdk;
import com.example.testapi.support.TestCloud;
import com.example.testapi.support.TotpCodes;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;

/**
 * Runs after {@code package}: target/token-trigger.zip holds the trigger and only what it calls, and it works as
 * Lambda runs it: the local cloud starts it on the runtime interface client, from template.yaml's handler, with
 * the credentials of its role, and it decides over the tokens of a real sign-in.
 */
class TokenTriggerZipIT {

    private static final Path ZIP = Path.of("target", "token-trigger.zip");

    @Test
    void holdsTheTriggerAndWhatItCallsOnly() throws IOException {
        assertTrue(Files.isRegularFile(ZIP), "run ./mvnw package first: " + ZIP.toAbsolutePath());
        Set<String> entries;
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            entries = zip.stream().map(ZipEntry::getName).filter(e -> !e.endsWith("/")).collect(Collectors.toSet());
        }
        Set<String> classes = entries.stream().filter(e -> e.endsWith(".class")).collect(Collectors.toSet());
        assertTrue(classes.stream().allMatch(c -> c.startsWith("com/example/testapi/trigger/")), classes::toString);
        assertTrue(classes.contains("com/example/testapi/trigger/AdminMfaGate.class"));
        assertTrue(classes.contains("com/example/testapi/trigger/AuthenticatorWatch.class"), "the watch shares the zip");
        List<String> forbidden = List.of("quarkus", "aws-lambda-java-events", "aws-lambda-java-serialization", "dynamodb", "cognitoidentity-2", "apache-client", "netty",
                "junit", "nimbus", "snakeyaml", "runtime-interface-client", "java-otp", "selenium");
        List<String> shipped = entries.stream().filter(e -> forbidden.stream().anyMatch(e::contains)).toList();
        assertEquals(List.of(), shipped);
        assertTrue(entries.stream().anyMatch(e -> e.startsWith("lib/cognitoidentityprovider-")));
        assertTrue(entries.stream().anyMatch(e -> e.startsWith("lib/slf4j-simple-")), "an SLF4J provider");
    }

    @Test
    void runsAsLambdaRunsItAndWithholdsAdminsWithoutTotp() throws Exception {
        try (TestCloud cloud = TestCloud.start(LocalCloud.Settings.of(Path.of("template.yaml"), TestCloud.REGION)
                .withPackagedTriggers(true), TestCloud.NO_FUNCTION);
                CognitoIdentityProviderClient cognito = CognitoSdk.userPool(cloud.cloud)) {
            assertTrue(cloud.cloud.triggerDescription().contains("token-trigger.zip on the AWS runtime interface"),
                    cloud.cloud.triggerDescription());
            String client = cloud.cloud.outputs().get("UserPoolClientId");
            cloud.cloud.userPool().createUser("grace", "Grace-Str0ng-Passw0rd!", List.of("Admins", "FullAccess"),
                    null);
            JWTClaimsSet grace = SignedJWT.parse(cognito.initiateAuth(r -> r.clientId(client)
                    .authFlow(AuthFlowType.USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", "grace",
                            "PASSWORD", "Grace-Str0ng-Passw0rd!"))).authenticationResult().idToken()).getJWTClaimsSet();
            assertEquals(List.of("FullAccess"), grace.getStringListClaim("cognito:groups"));
            assertEquals("totp_not_enabled", grace.getStringClaim("admin_withheld"));
            // ...and she left Admins, through the trigger's own role (AdminRemoveUserFromGroup, IAM-checked).
            assertEquals(List.of("FullAccess"), cognito.adminListGroupsForUser(r -> r
                    .userPoolId(cloud.cloud.outputs().get("UserPoolId")).username("grace")).groups().stream()
                    .map(g -> g.groupName()).toList());

            // ada of the local users has her authenticator set up (src/local/resources/local-users.json).
            String secret = TestCloud.ADA_TOTP_SECRET;
            InitiateAuthResponse challenge = cognito.initiateAuth(r -> r.clientId(client)
                    .authFlow(AuthFlowType.USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", "ada",
                            "PASSWORD", "Ada-Str0ng-Passw0rd!")));
            assertEquals(ChallengeNameType.SOFTWARE_TOKEN_MFA, challenge.challengeName());
            JWTClaimsSet ada = SignedJWT.parse(cognito.respondToAuthChallenge(r -> r.clientId(client)
                    .challengeName(ChallengeNameType.SOFTWARE_TOKEN_MFA).session(challenge.session())
                    .challengeResponses(Map.of("USERNAME", "ada", "SOFTWARE_TOKEN_MFA_CODE",
                            TotpCodes.at(secret, cloud.clock.instant())))).authenticationResult().idToken())
                    .getJWTClaimsSet();
            assertEquals(List.of("Admins"), ada.getStringListClaim("cognito:groups"));
            assertNull(ada.getClaim("admin_withheld"));
        }
    }
}
