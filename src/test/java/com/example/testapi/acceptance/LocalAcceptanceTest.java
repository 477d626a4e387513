package com.example.testapi.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.example.testapi.acceptance.fidelity.FidelityProbe;
import com.example.testapi.acceptance.fidelity.FidelityReport;
import com.example.testapi.client.CognitoClients;
import com.example.testapi.client.CognitoCredentials;
import com.example.testapi.local.LocalCloud;
import com.example.testapi.local.LocalUsers;
import com.example.testapi.local.lambda.MockEventServerBackend;
import com.example.testapi.support.LocalAdminFunction;
import com.example.testapi.support.TestCloud;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;

/**
 * The acceptance matrix against the local cloud, through the same deployed-stack target code as against AWS: it
 * reads the stack's Outputs (the describe-stacks file the local cloud writes), creates a user per group with the
 * admin API, signs them in through the user pool and the identity pool, and deletes them afterwards. The fidelity
 * probes run here too: every row of the manual's ledger must be observed, and the same as the ledger says.
 */
@QuarkusTest
class LocalAcceptanceTest extends AcceptanceMatrix {

    private static final String CALLBACK = "http://localhost:8080/";

    private TestCloud cloud;
    private DeployedStackTarget target;

    @Override
    protected AcceptanceTarget openTarget() throws Exception {
        cloud = TestCloud.start(LocalCloud.Settings.of(Path.of("template.yaml"), TestCloud.REGION)
                .withParameters(Map.of("HostedUiDomainPrefix", "local", "CallbackUrls", CALLBACK, "LogoutUrls",
                        CALLBACK)),
                new MockEventServerBackend(URI.create("http://localhost:" + RestAssured.port + "/_lambda_")),
                new LocalUsers(List.of()));
        Path stack = Files.createTempDirectory("local-stack").resolve("stack.json");
        cloud.cloud.writeDescribeStacks(stack);
        target = DeployedStackTarget.local(stack).withProbe(new DeployedStackTarget.ProbeSettings(
                "http://localhost:8080", cloud.cloud.userPool().hostedUi().orElseThrow(), CALLBACK,
                this::expiredKeys)).thenClose(cloud::close);
        return target;
    }

    @Override
    protected void beforeEachTest() {
        LocalAdminFunction.install(cloud.cloud);
    }

    /** A fresh user's credentials, ended now in the local identity pool's store (the gateway's view of them). */
    private Optional<AwsSessionCredentialsIdentity> expiredKeys() {
        String[] user = target.newUser("FullAccess");
        try (CognitoIdentityClient identityPool = CognitoClients.identityPool(target.stack())) {
            AwsSessionCredentialsIdentity keys = (AwsSessionCredentialsIdentity) new CognitoCredentials(
                    target.stack(), target.userPool(), identityPool, java.time.Clock.systemUTC())
                    .signIn(user[0], user[1]).current();
            cloud.cloud.credentials().expire(keys.accessKeyId(), Instant.now().minusSeconds(1));
            return Optional.of(keys);
        }
    }

    /** docs/fidelity-ledger.md, row by row, is what the local cloud does (the report is in target/acceptance). */
    @Test
    void theLocalCloudPlaysEveryRowAsTheLedgerSays() {
        FidelityReport report = new FidelityReport("the local cloud itself", new FidelityProbe(target).observeAll());
        report.write(Path.of("target", "acceptance", "local"));
        assertEquals(List.of(), report.observations().stream()
                .filter(o -> FidelityReport.verdict(o) != FidelityReport.Verdict.AGREES)
                .map(o -> o.row().id + ": " + (o.observed() ? o.differences() : o.missing())).toList(),
                report::text);
    }
}
