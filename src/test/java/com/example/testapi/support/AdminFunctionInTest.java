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
public final class AdminFunctionInTest {

    private AdminFunctionInTest() {
    }

    /** Installs the directory for the current test (call from the test or its {@code @BeforeEach}). */
    public static void install(LocalCloud cloud) {
        Object role = cloud.account().resolve(
                com.example.testapi.local.template.SamTemplate.load(java.nio.file.Path.of("template.yaml"))
                        .properties("AdminFunction").get("Role"));
        IssuedCredentials issued = cloud.credentials().issue(String.valueOf(role), null, null, List.of(),
                Duration.ofHours(1)).orElseThrow();
        var client = CognitoSdk.userPool(cloud, AwsSessionCredentials.create(issued.accessKeyId(), issued.secretKey(),
                issued.sessionToken()));
        QuarkusMock.installMockForType(new UserPoolDirectory(client, cloud.outputs().get("UserPoolId")),
                UserPoolDirectory.class);
    }
}
