package com.example.testapi.acceptance;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.example.testapi.acceptance.fidelity.FidelityProbe;
import com.example.testapi.acceptance.fidelity.FidelityReport;
import com.example.testapi.acceptance.fidelity.SavedKeys;

/**
 * The acceptance matrix against a deployed stack: {@code ./mvnw verify -Dstack=NAME -Dregion=REGION} with AWS
 * credentials in the environment. Runs only when a stack is named (the {@code acceptance} profile); it needs AWS.
 * Also the fidelity report: each row of the manual's ledger observed on AWS beside what the local cloud does.
 */
class DeployedStackAcceptanceIT extends AcceptanceMatrix {

    private static final Path REPORTS = Path.of("target", "acceptance");

    private DeployedStackTarget target;

    @Override
    protected AcceptanceTarget openTarget() {
        String stack = System.getProperty("stack");
        String region = System.getProperty("region", System.getenv().getOrDefault("AWS_REGION", "us-east-1"));
        if (stack == null || stack.isBlank()) {
            throw new IllegalStateException("name the stack: -Dstack=NAME -Dregion=REGION");
        }
        target = DeployedStackTarget.open(stack, region);
        return target;
    }

    /**
     * Report mode: differences are findings for the ledger, not failures (a probe that cannot run is a failure). The
     * FullAccess user's credentials are kept in target/acceptance/keys.json: run again with
     * {@code -Dfidelity.expired-keys=target/acceptance/keys.json} an hour later to observe expired credentials.
     */
    @Test
    void fidelityReport() {
        FidelityReport report = new FidelityReport("stack " + System.getProperty("stack"),
                new FidelityProbe(target).observeAll());
        report.write(REPORTS);
        System.out.println(report.text());
        if (System.getProperty("fidelity.expired-keys") == null) {
            SavedKeys.write(REPORTS.resolve("keys.json"), target.keys("FullAccess"));
        }
    }
}
