package com.example.testapi.bench.deployed;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.StackResource;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Cold starts of a deployed stack's GET and POST functions and its token trigger, as Lambda reports them:
 * {@code ./mvnw -Pcoldstarts package
 * -Dstack=NAME} (credentials and region from the AWS SDK's default chains). For each function and mode (on demand,
 * SnapStart) it forces {@code -Dcoldstarts.count} (10) cold starts, reads Init / Restore Duration and Duration from
 * the REPORT lines, prints p50/p99 and writes target/bench/deployed-coldstarts.json. GET /test is invoked as an
 * allowed caller (a real query); POST /test with no body (refused with 400 after the whole request path, so the
 * probe stores nothing); the trigger with the documented event of a user outside Admins (answered without a call to
 * Cognito: the start is what is measured, the one function with a hard limit, Cognito's 5 s). Other functions (the
 * administration function, the authenticator watch) are named and left out.
 */
public final class DeployedColdStarts {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DeployedColdStarts() {
    }

    public static void main(String[] args) throws Exception {
        String stack = System.getProperty("stack", "");
        if (stack.isBlank()) {
            throw new IllegalArgumentException("name the stack: -Dstack=NAME");
        }
        int count = Integer.getInteger("coldstarts.count", 10);
        List<String> modes = List.of(System.getProperty("coldstarts.modes", "on-demand,snapstart").split(","));
        List<ColdStartStats> stats = new ArrayList<>();
        try (CloudFormationClient cloudFormation = CloudFormationClient.create(); LambdaClient lambda = LambdaClient.create()) {
            Map<String, String> functions = functions(cloudFormation, stack);
            String role = fullAccessRole(cloudFormation, stack);
            Map<String, byte[]> events = Map.of("GetTestFunction", event(role, "get-full-access.json"),
                    "PostTestFunction", event(role, "post-full-access.json"), "TokenTriggerFunction", triggerEvent());
            for (var function : functions.entrySet()) {
                if (!events.containsKey(function.getKey())) {
                    System.out.println("[coldstarts] " + function.getKey() + ": not measured (no probe event)");
                    continue;
                }
                for (String mode : modes) {
                    List<ReportLine> reports = new ColdStarter(lambda, function.getValue())
                            .force(mode.strip().equals("snapstart"), count, events.get(function.getKey()));
                    stats.add(ColdStartStats.of(function.getKey(), mode.strip(), reports));
                }
            }
        }
        System.out.println(ColdStartStats.header());
        stats.forEach(s -> System.out.println(s.row()));
        Path out = Files.createDirectories(Path.of("target", "bench")).resolve("deployed-coldstarts.json");
        Files.writeString(out, MAPPER.writeValueAsString(stats), StandardCharsets.UTF_8);
        System.out.println("Report: " + out);
    }

    /** Logical id → function name, for every function of the stack. */
    static Map<String, String> functions(CloudFormationClient cloudFormation, String stack) {
        Map<String, String> functions = new LinkedHashMap<>();
        for (StackResource resource : cloudFormation.describeStackResources(r -> r.stackName(stack)).stackResources()) {
            if (resource.resourceType().equals("AWS::Lambda::Function")) {
                functions.put(resource.logicalResourceId(), resource.physicalResourceId());
            }
        }
        if (!functions.keySet().containsAll(List.of("GetTestFunction", "PostTestFunction", "TokenTriggerFunction"))) {
            throw new IllegalStateException(stack + " has not the template's functions: " + functions.keySet());
        }
        return functions;
    }

    /** The FullAccess role's generated name (its physical id): STACK-TestApiFullAccess-SUFFIX. */
    static String fullAccessRole(CloudFormationClient cloudFormation, String stack) {
        return cloudFormation.describeStackResources(r -> r.stackName(stack).logicalResourceId("TestApiFullAccess"))
                .stackResources().stream().findFirst().map(StackResource::physicalResourceId)
                .orElseThrow(() -> new IllegalStateException(stack + " has no TestApiFullAccess role"));
    }

    /** events/pre-token-generation.json for a member of FullAccess alone: the trigger answers it without a lookup. */
    static byte[] triggerEvent() throws Exception {
        ObjectNode event = (ObjectNode) MAPPER.readTree(Path.of("events", "pre-token-generation.json").toFile());
        ((ObjectNode) event.at("/request/groupConfiguration")).putArray("groupsToOverride").add("FullAccess");
        return MAPPER.writeValueAsBytes(event);
    }

    /**
     * An events/ file as this stack's API Gateway would send it: the caller's role is the stack's FullAccess role
     * {@code role} (so the role check passes), and a POST has no body (refused by validation, nothing stored).
     */
    static byte[] event(String role, String file) throws Exception {
        ObjectNode event = (ObjectNode) MAPPER.readTree(Path.of("events", file).toFile());
        ObjectNode iam = (ObjectNode) event.at("/requestContext/authorizer/iam");
        iam.put("userArn", iam.get("userArn").asText().replaceFirst("assumed-role/[^/]+/",
                "assumed-role/" + role + "/"));
        if (event.has("body")) {
            event.remove("body");
            ((ObjectNode) event.get("headers")).remove("content-length");
        }
        return MAPPER.writeValueAsBytes(event);
    }
}
