package com.example.testapi.acceptance;

/**
 * The acceptance matrix against a deployed stack: {@code ./mvnw verify -Dstack=NAME -Dregion=REGION} with AWS
 * credentials in the environment. Runs only when a stack is named (the {@code acceptance} profile); it needs AWS.
 */
class DeployedStackAcceptanceIT extends AcceptanceMatrix {

    @Override
    protected AcceptanceTarget openTarget() {
        String stack = System.getProperty("stack");
        String region = System.getProperty("region", System.getenv().getOrDefault("AWS_REGION", "us-east-1"));
        if (stack == null || stack.isBlank()) {
            throw new IllegalStateException("name the stack: -Dstack=NAME -Dregion=REGION");
        }
        return DeployedStackTarget.open(stack, region);
    }
}
