package com.example.testapi.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.testapi.support.CognitoSdk;
import com.example.testapi.support.TestCloud;
import com.example.testapi.support.TotpCodes;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;

/**
 * The manual's AWS CLI recipes for TOTP, run by bash as written against the local cloud (after docs/local-cloud.md's
 * exports). docs/mfa.md's runbook for the only administrator who lost her authenticator: ada leaves Admins, her TOTP
 * is off and her sessions end; the promotion does nothing until she has set up a new authenticator, then makes her an
 * administrator. docs/troubleshooting.md's answer to the code challenge: an ID token with Admins.
 */
class MfaRecipesTest {

    @TempDir
    Path work;

    @Test
    void theOnlyAdministratorGetsBackInWithTheRunbooksCommands() throws Exception {
        String exports = ReadmeCommandsTest.blocks("Point the AWS CLI at the local cloud").get(0);
        List<String> runbook = ReadmeCommandsTest.blocks("Lost authenticator");
        String takeOut = runbook.get(runbook.size() - 2);
        String promote = runbook.get(runbook.size() - 1);
        assertTrue(takeOut.contains("admin-user-global-sign-out") && promote.contains("admin-add-user-to-group"),
                "the runbook's last two blocks: " + runbook);
        try (TestCloud cloud = localCloud(); CognitoIdentityProviderClient pool = CognitoSdk.userPool(cloud.cloud)) {
            String poolId = cloud.cloud.outputs().get("UserPoolId");
            String client = cloud.cloud.outputs().get("UserPoolClientId");
            String password = TestCloud.USERS.users().stream().filter(u -> u.name().equals("ada")).findFirst()
                    .orElseThrow().password();
            var challenge = pool.initiateAuth(r -> r.clientId(client).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", "ada", "PASSWORD", password)));
            String refreshToken = pool.respondToAuthChallenge(r -> r.clientId(client).session(challenge.session())
                    .challengeName(ChallengeNameType.SOFTWARE_TOKEN_MFA).challengeResponses(Map.of("USERNAME", "ada",
                            "SOFTWARE_TOKEN_MFA_CODE", TotpCodes.unused(TestCloud.ADA_TOTP_SECRET))))
                    .authenticationResult().refreshToken();

            ReadmeCommandsTest.bash(work, exports + "\n" + takeOut, Map.of());
            assertEquals(List.of("ReadOnlyAccess"), groups(pool, poolId), "out of Admins, in a group the app serves");
            assertFalse(pool.adminGetUser(r -> r.userPoolId(poolId).username("ada")).userMFASettingList()
                    .contains("SOFTWARE_TOKEN_MFA"));
            AwsServiceException refused = assertThrows(AwsServiceException.class, () -> pool.initiateAuth(r -> r
                    .clientId(client).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                    .authParameters(Map.of("REFRESH_TOKEN", refreshToken))));
            assertEquals("NotAuthorizedException", refused.awsErrorDetails().errorCode());

            // Before her new authenticator, the promotion does nothing.
            ReadmeCommandsTest.bash(work, exports + "\n" + promote + "\necho checked", Map.of());
            assertEquals(List.of("ReadOnlyAccess"), groups(pool, poolId));

            // She signs in with her password alone and sets up a new authenticator, as the app's set-up does.
            String access = pool.initiateAuth(r -> r.clientId(client).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", "ada", "PASSWORD", password))).authenticationResult()
                    .accessToken();
            String secret = pool.associateSoftwareToken(r -> r.accessToken(access)).secretCode();
            // A code of the next step: her old authenticator's code spent this one (a code counts once per user).
            pool.verifySoftwareToken(r -> r.accessToken(access).userCode(TotpCodes.at(secret,
                    java.time.Instant.now().plusSeconds(30))));
            pool.setUserMFAPreference(r -> r.accessToken(access).softwareTokenMfaSettings(s -> s.enabled(true)
                    .preferredMfa(true)));

            ReadmeCommandsTest.bash(work, exports + "\n" + promote, Map.of());
            assertEquals(List.of("ReadOnlyAccess", "Admins"), groups(pool, poolId));
        }
    }

    @Test
    void theCodeChallengeIsAnsweredAsTroubleshootingSays() throws Exception {
        String exports = ReadmeCommandsTest.blocks("Point the AWS CLI at the local cloud").get(0);
        String recipe = ReadmeCommandsTest.blocks("Answering the code challenge").get(0);
        try (TestCloud cloud = localCloud()) {
            String password = TestCloud.USERS.users().stream().filter(u -> u.name().equals("ada")).findFirst()
                    .orElseThrow().password();
            String printed = ReadmeCommandsTest.bash(work, exports + "\n" + recipe + "\necho \"$ID_TOKEN\"",
                    Map.of("PASSWORD", password, "CODE", TotpCodes.unused(TestCloud.ADA_TOTP_SECRET)));
            var claims = com.nimbusds.jwt.SignedJWT.parse(printed.strip()).getJWTClaimsSet();
            assertEquals("ada", claims.getStringClaim("cognito:username"));
            assertEquals(List.of("Admins"), claims.getStringListClaim("cognito:groups"));
        }
    }

    /** docs/mfa.md's upgrade listing names the members of Admins without TOTP, and no one else. */
    @Test
    void theUpgradeListingNamesAdministratorsWithoutTotp() throws Exception {
        String exports = ReadmeCommandsTest.blocks("Point the AWS CLI at the local cloud").get(0);
        String listing = ReadmeCommandsTest.blocks("Upgrading: members of Admins without TOTP").get(0);
        try (TestCloud cloud = localCloud()) {
            cloud.cloud.userPool().createUser("olga", "Olga-Str0ng-Passw0rd!", List.of("Admins"), null);
            String printed = ReadmeCommandsTest.bash(work, exports + "\n" + listing, Map.of());
            assertEquals("olga", printed.strip(), "ada, with her TOTP on, is not listed");
        }
    }

    /** A local cloud whose target/local/stack.json sits in the work folder, as ./mvnw -Plocal leaves it. */
    private TestCloud localCloud() throws Exception {
        TestCloud cloud = TestCloud.start(Path.of("template.yaml"), TestCloud.NO_FUNCTION);
        Files.createDirectories(work.resolve("target/local"));
        cloud.cloud.writeDescribeStacks(work.resolve("target/local/stack.json"));
        return cloud;
    }

    private static List<String> groups(CognitoIdentityProviderClient pool, String poolId) {
        return pool.adminListGroupsForUser(r -> r.userPoolId(poolId).username("ada")).groups().stream()
                .map(GroupType::groupName).toList();
    }
}
