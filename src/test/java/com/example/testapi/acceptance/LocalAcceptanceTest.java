package com.example.testapi.acceptance;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.example.testapi.client.TestApiClient;
import com.example.testapi.local.LocalUsers;
import com.example.testapi.local.lambda.MockEventServerBackend;
import com.example.testapi.support.TestCloud;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The acceptance matrix against the local cloud, through the same deployed-stack target code as against AWS: it
 * reads the stack's Outputs (the describe-stacks file the local cloud writes), creates a user per group with the
 * admin API, signs them in through the user pool and the identity pool, and deletes them afterwards.
 */
@QuarkusTest
class LocalAcceptanceTest extends AcceptanceMatrix {

    @Override
    protected AcceptanceTarget openTarget() throws Exception {
        TestCloud cloud = TestCloud.start(Path.of("template.yaml"),
                new MockEventServerBackend(URI.create("http://localhost:" + RestAssured.port + "/_lambda_")),
                new LocalUsers(List.of()));
        Path stack = Files.createTempDirectory("local-stack").resolve("stack.json");
        cloud.cloud.writeDescribeStacks(stack);
        DeployedStackTarget target = DeployedStackTarget.local(stack);
        return new AcceptanceTarget() {
            @Override
            public TestApiClient fullAccess() {
                return target.fullAccess();
            }

            @Override
            public TestApiClient readOnly() {
                return target.readOnly();
            }

            @Override
            public TestApiClient unsigned() {
                return target.unsigned();
            }

            @Override
            public HttpResponse<String> getAsFullAccess(String pathAndQuery) {
                return target.getAsFullAccess(pathAndQuery);
            }

            @Override
            public void close() {
                try {
                    target.close();
                } finally {
                    cloud.close();
                }
            }
        };
    }
}
