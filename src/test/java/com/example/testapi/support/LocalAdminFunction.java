package com.example.testapi.support;

import java.time.Duration;
import java.util.List;

import com.example.testapi.admin.UserPoolDirectory;
import com.example.testapi.local.LocalCloud;
import com.example.testapi.local.iam.IssuedCredentials;

import io.quarkus.test.junit.QuarkusMock;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The administration function as the test's Quarkus application runs it for a local cloud: its user pool directory
 * points at the cloud's user pool with credentials the cloud's STS issued for the template's AdminFunctionRole, so
 * IAM judges the function's Cognito calls as it would the deployed function's. (A packaged function gets the same
 * through its environment: {@code FrontDoorOnPackagedFunctionIT}.)
 */
public final class LocalAdminFunction {

    private LocalAdminFunction() {
    }

    /** Installs the directory for the current test (call from the test or its {@code @BeforeEach}). */
    public static void install(LocalCloud cloud) {
        QuarkusMock.installMockForType(directory(cloud), UserPoolDirectory.class);
    }

    /** Installs {@code directory} (e.g. one that plays a change made elsewhere at the same moment). */
    public static void install(UserPoolDirectory directory) {
        QuarkusMock.installMockForType(directory, UserPoolDirectory.class);
    }

    /** A directory as the function's, for {@code cloud}: its pool, AdminFunctionRole's credentials. */
    public static UserPoolDirectory directory(LocalCloud cloud) {
        return new UserPoolDirectory(functionClient(cloud), cloud.outputs().get("UserPoolId"));
    }

    /** The Cognito client the administration function would have in {@code cloud}. */
    public static software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient functionClient(
            LocalCloud cloud) {
        Object role = cloud.account().resolve(
                com.example.testapi.local.template.SamTemplate.load(java.nio.file.Path.of("template.yaml"))
                        .properties("AdminFunction").get("Role"));
        IssuedCredentials issued = cloud.credentials().issue(String.valueOf(role), null, null, List.of(),
                Duration.ofHours(1)).orElseThrow();
        return CognitoSdk.userPool(cloud, AwsSessionCredentials.create(issued.accessKeyId(), issued.secretKey(),
                issued.sessionToken()));
    }
}
