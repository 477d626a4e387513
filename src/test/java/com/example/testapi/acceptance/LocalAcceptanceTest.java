package com.example.testapi.acceptance;

import java.net.URI;
import java.nio.file.Path;

import com.example.testapi.client.TestApiClient;
import com.example.testapi.local.LocalAccount;
import com.example.testapi.local.gateway.LocalFrontDoor;
import com.example.testapi.local.gateway.LocalUser;
import com.example.testapi.local.gateway.LocalUsers;
import com.example.testapi.local.lambda.MockEventServerBackend;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** The acceptance matrix against the local front door, with the local users' keys standing in for Cognito's. */
@QuarkusTest
class LocalAcceptanceTest extends AcceptanceMatrix {

    @Override
    protected AcceptanceTarget openTarget() throws Exception {
        LocalAccount account = LocalAccount.defaults("us-east-1");
        LocalUsers users = LocalUsers.load(Path.of(LocalUsers.DEFAULT_FILE));
        LocalFrontDoor door = LocalFrontDoor.create(Path.of("template.yaml"), account, users,
                new MockEventServerBackend(URI.create("http://localhost:" + RestAssured.port + "/_lambda_")), 0, line -> {
                });
        URI api = door.baseUri();
        return new AcceptanceTarget() {
            @Override
            public TestApiClient fullAccess() {
                return client(user(users, "alice"));
            }

            @Override
            public TestApiClient readOnly() {
                return client(user(users, "bob"));
            }

            @Override
            public TestApiClient unsigned() {
                return new TestApiClient(api, account.region(), null);
            }

            private TestApiClient client(LocalUser user) {
                AwsCredentialsIdentity keys = user.sessionToken() == null
                        ? AwsCredentialsIdentity.create(user.accessKeyId(), user.secretAccessKey())
                        : AwsSessionCredentialsIdentity.create(user.accessKeyId(), user.secretAccessKey(),
                                user.sessionToken());
                return new TestApiClient(api, account.region(), () -> keys);
            }

            @Override
            public void close() {
                door.close();
            }
        };
    }

    private static LocalUser user(LocalUsers users, String name) {
        return users.all().stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
    }
}
