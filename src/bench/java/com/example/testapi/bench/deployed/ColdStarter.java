package com.example.testapi.bench.deployed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

/**
 * Forces cold starts of one deployed function and collects their REPORT lines. A configuration change (a new value
 * of {@code COLD_START_PROBE}) retires every warm environment of {@code $LATEST}; on demand, the next invocation of
 * {@code $LATEST} initialises a new one. For SnapStart, each change is published as a version (Lambda snapshots it)
 * and that version is invoked: a restore. Afterwards the function's variables are put back and the probe's versions
 * deleted.
 */
final class ColdStarter {

    static final String PROBE_VARIABLE = "COLD_START_PROBE";

    private final LambdaClient lambda;
    private final String function;

    ColdStarter(LambdaClient lambda, String function) {
        this.lambda = lambda;
        this.function = function;
    }

    List<ReportLine> force(boolean snapStart, int count, byte[] event) {
        Map<String, String> original = lambda.getFunctionConfiguration(r -> r.functionName(function)).environment()
                .variables();
        List<String> versions = new ArrayList<>();
        List<ReportLine> reports = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                Map<String, String> variables = new HashMap<>(original);
                variables.put(PROBE_VARIABLE, UUID.randomUUID().toString());
                update(variables);
                String qualifier = "$LATEST";
                if (snapStart) {
                    qualifier = lambda.publishVersion(r -> r.functionName(function)).version();
                    versions.add(qualifier);
                    String version = qualifier;
                    lambda.waiter().waitUntilPublishedVersionActive(r -> r.functionName(function).qualifier(version));
                }
                reports.add(invoke(qualifier, event));
                System.out.printf("%s %s #%d: %s%n", function, snapStart ? "snapstart" : "on-demand", i + 1,
                        reports.get(reports.size() - 1));
            }
        } finally {
            update(original);
            versions.forEach(v -> lambda.deleteFunction(r -> r.functionName(function).qualifier(v)));
        }
        return reports;
    }

    private void update(Map<String, String> variables) {
        lambda.updateFunctionConfiguration(r -> r.functionName(function).environment(e -> e.variables(variables)));
        lambda.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName(function));
    }

    private ReportLine invoke(String qualifier, byte[] event) {
        InvokeResponse response = lambda.invoke(r -> r.functionName(function).qualifier(qualifier)
                .logType(LogType.TAIL).payload(SdkBytes.fromByteArray(event)));
        String tail = new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
        return ReportLine.lastIn(tail).orElseThrow(() -> new IllegalStateException(
                "no REPORT in the log tail of " + function + ":" + qualifier + ":\n" + tail));
    }
}
