package com.example.testapi.acceptance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.example.testapi.local.LocalCloud;
import com.example.testapi.local.LocalUsers;
import com.example.testapi.local.lambda.FunctionRuntime;
import com.example.testapi.local.lambda.PackagedFunction;
import com.example.testapi.support.TestCloud;

/**
 * Runs after {@code package}: the acceptance matrix on the path a Mac or Windows takes, forced here on Linux. The
 * /test functions, the administration function and the token trigger all run from their zips on the portable
 * runtime (docs/local-cloud.md, "On macOS and Windows"), not on the runtime interface client, whose native library
 * loads only on Linux; an administrator's sign-in goes through the trigger on it.
 */
class PortableRuntimeIT extends AcceptanceMatrix {

    @Override
    protected AcceptanceTarget openTarget() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "it-portable-runtime"));
        System.setProperty(FunctionRuntime.PROPERTY, "portable");
        PackagedFunction function;
        TestCloud cloud;
        try {
            function = PackagedFunction.start(PackagedFunction.Launch.of(Path.of("target", "function.zip"), work)
                    .withLog(new File(work.toFile(), "function.log")));
            function.awaitReady(Duration.ofSeconds(60));
            cloud = TestCloud.start(LocalCloud.Settings.of(Path.of("template.yaml"), TestCloud.REGION)
                    .withPackagedTriggers(true), function, new LocalUsers(List.of()));
        } finally {
            System.clearProperty(FunctionRuntime.PROPERTY); // chosen at each start: the others keep their own
        }
        assertTrue(function.describe().contains("on the portable runtime"), function.describe());
        assertTrue(cloud.cloud.triggerDescription().contains("on the portable runtime"),
                cloud.cloud.triggerDescription());
        assertTrue(cloud.cloud.apiFunctionDescriptions().stream().allMatch(d -> d.contains("on the portable runtime")),
                cloud.cloud.apiFunctionDescriptions()::toString);
        Path stack = Files.createTempDirectory("portable-stack").resolve("stack.json");
        cloud.cloud.writeDescribeStacks(stack);
        return DeployedStackTarget.local(stack).thenClose(() -> {
            cloud.close();
            function.close();
        });
    }
}
