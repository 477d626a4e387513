package com.example.testapi.local.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.example.testapi.local.iam.IssuedCredentials;
import com.example.testapi.support.CognitoSdk;
import com.example.testapi.support.TestCloud;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * The user pool's admin API called with identity-pool credentials, through the AWS SDK as the app's Users screen
 * calls it: IAM (the role's policies in template.yaml) decides, with AccessDeniedException in IAM's words
 * (docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html) for what it does not allow.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CognitoAdminIamTest {

    private TestCloud cloud;
    private String pool;

    @BeforeAll
    void start() throws Exception {
        cloud = TestCloud.start(Path.of("template.yaml"), TestCloud.NO_FUNCTION);
        pool = cloud.cloud.outputs().get("UserPoolId");
    }

    @AfterAll
    void stop() {
        cloud.close();
    }

    private void as(String user, Consumer<CognitoIdentityProviderClient> calls) {
        IssuedCredentials keys = cloud.credentials(user);
        try (CognitoIdentityProviderClient sdk = CognitoSdk.userPool(cloud.cloud, AwsSessionCredentials.create(
                keys.accessKeyId(), keys.secretKey(), keys.sessionToken()))) {
            calls.accept(sdk);
        }
    }

    private static String refusal(Runnable call) {
        AwsServiceException e = assertThrows(AwsServiceException.class, call::run);
        return e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
    }

    private String denied(String role, String action, String poolId) {
        return "AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/" + role
                + "/CognitoIdentityCredentials is not authorized to perform: cognito-idp:" + action
                + " on resource: arn:aws:cognito-idp:us-east-1:123456789012:userpool/" + poolId
                + " because no identity-based policy allows the cognito-idp:" + action + " action";
    }

    /** The Admins role administers through the API only (docs/administration.md): Cognito refuses it directly. */
    @Test
    void theAdminsRoleMayNotCallCognitosAdminApi() {
        as("ada", sdk -> {
            assertEquals(denied("local-TestApiAdmin", "ListUsers", pool), refusal(() -> sdk.listUsers(r -> r.userPoolId(pool))));
            assertEquals(denied("local-TestApiAdmin", "AdminDisableUser", pool),
                    refusal(() -> sdk.adminDisableUser(r -> r.userPoolId(pool).username("alice"))));
        });
    }

    /** The administration function's role (credentials the local STS issues for it) manages this pool, nothing more. */
    @Test
    void theAdministrationFunctionsRoleManagesThisPoolsUsersAndNothingMore() {
        String role = cloud.cloud.account().resolve(com.example.testapi.local.template.SamTemplate
                .load(Path.of("template.yaml")).properties("AdminFunction").get("Role"));
        IssuedCredentials issued = cloud.cloud.credentials().issue(role, null, null, List.of(),
                java.time.Duration.ofMinutes(10)).orElseThrow();
        try (CognitoIdentityProviderClient sdk = CognitoSdk.userPool(cloud.cloud, AwsSessionCredentials.create(
                issued.accessKeyId(), issued.secretKey(), issued.sessionToken()))) {
            List<String> names = sdk.listUsers(r -> r.userPoolId(pool)).users().stream().map(UserType::username)
                    .toList();
            assertTrue(names.containsAll(List.of("ada", "alice", "bob")), names::toString);
            sdk.adminCreateUser(r -> r.userPoolId(pool).username("erin").temporaryPassword("Erin-Temp-Passw0rd!")
                    .messageAction("SUPPRESS"));
            sdk.adminAddUserToGroup(r -> r.userPoolId(pool).username("erin").groupName("ReadOnlyAccess"));
            assertEquals(List.of("erin"), sdk.listUsersInGroup(r -> r.userPoolId(pool).groupName("ReadOnlyAccess"))
                    .users().stream().map(UserType::username).filter(n -> n.equals("erin")).toList());
            sdk.adminDisableUser(r -> r.userPoolId(pool).username("erin"));
            sdk.adminEnableUser(r -> r.userPoolId(pool).username("erin"));
            sdk.adminUserGlobalSignOut(r -> r.userPoolId(pool).username("erin"));
            // Not in the role's policy: deleting users, the pool's settings, and any other pool.
            assertTrue(refusal(() -> sdk.adminDeleteUser(r -> r.userPoolId(pool).username("erin")))
                    .startsWith("AccessDeniedException"));
            assertTrue(refusal(() -> sdk.listUsers(r -> r.userPoolId("us-east-1_OtherPool")))
                    .startsWith("AccessDeniedException"));
        }
    }

    @Test
    void aFullAccessUsersCredentialsMayNotListUsers() {
        as("alice", sdk -> assertEquals(denied("local-TestApiFullAccess", "ListUsers", pool),
                refusal(() -> sdk.listUsers(r -> r.userPoolId(pool)))));
        as("bob", sdk -> assertEquals(denied("local-TestApiReadAccess", "AdminAddUserToGroup", pool),
                refusal(() -> sdk.adminAddUserToGroup(r -> r.userPoolId(pool).username("bob").groupName("Admins")))));
    }

    @Test
    void identityPoolKeysMustBeSignedRightAndTheAdministratorKeyIsTheOneOtherKey() {
        IssuedCredentials ada = cloud.credentials("ada");
        try (CognitoIdentityProviderClient forged = CognitoSdk.userPool(cloud.cloud, AwsSessionCredentials.create(
                ada.accessKeyId(), "not-the-secret", ada.sessionToken()))) {
            assertTrue(refusal(() -> forged.listUsers(r -> r.userPoolId(pool)))
                    .startsWith("InvalidSignatureException: The request signature we calculated does not match"));
        }
        try (CognitoIdentityProviderClient administrator = CognitoSdk.userPool(cloud.cloud)) {
            assertTrue(administrator.listUsers(r -> r.userPoolId(pool)).users().size() >= 3);
        }
    }
}
