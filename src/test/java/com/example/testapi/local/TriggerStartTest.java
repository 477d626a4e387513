package com.example.testapi.local;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.testapi.local.template.SamTemplate;
import com.example.testapi.support.TemplateCopy;
import com.example.testapi.support.TestCloud;

/**
 * A trigger the template names but the local cloud cannot run stops it at start with the reason, never a silent
 * skip: another trigger than pre-token generation, another event version, a function without a written-out role,
 * and a packaged trigger whose zip is missing.
 */
class TriggerStartTest {

    @TempDir
    Path dir;

    private static Map<String, Object> properties(Map<String, Object> template, String logicalId) {
        return SamTemplate.object(SamTemplate.object(SamTemplate.object(template.get("Resources")).get(logicalId))
                .get("Properties"));
    }

    private static Map<String, Object> lambdaConfig(Map<String, Object> template) {
        return SamTemplate.object(properties(template, "UserPool").get("LambdaConfig"));
    }

    private String refusal(Consumer<Map<String, Object>> edit, boolean packaged) throws Exception {
        Path template = TemplateCopy.of(dir, edit);
        Exception refused = assertThrows(RuntimeException.class, () -> TestCloud.start(LocalCloud.Settings.of(
                template, TestCloud.REGION).withPackagedTriggers(packaged), TestCloud.NO_FUNCTION).close());
        return refused.getMessage();
    }

    @Test
    void anotherTriggerIsRefusedByName() throws Exception {
        String why = refusal(t -> lambdaConfig(t).put("PreSignUp", Map.of("Fn::GetAtt", java.util.List.of(
                "TokenTriggerFunction", "Arn"))), false);
        assertTrue(why.contains("PreSignUp trigger") && why.contains("runs only PreTokenGenerationConfig"), why);
    }

    @Test
    void anotherEventVersionIsRefused() throws Exception {
        String why = refusal(t -> SamTemplate.object(lambdaConfig(t).get("PreTokenGenerationConfig"))
                .put("LambdaVersion", "V2_0"), false);
        assertTrue(why.contains("V1_0 only, not V2_0"), why);
    }

    @Test
    void aFunctionWithoutAWrittenOutRoleIsRefused() throws Exception {
        String why = refusal(t -> properties(t, "TokenTriggerFunction").remove("Role"), false);
        assertTrue(why.contains("TokenTriggerFunction") && why.contains("Role written out"), why);
    }

    @Test
    void aPackagedTriggerWithoutItsZipIsRefused() throws Exception {
        Path missing = dir.resolve("no-such-trigger.zip");
        String why = refusal(t -> properties(t, "TokenTriggerFunction").put("CodeUri", missing.toString()), true);
        assertTrue(why.contains("is missing: build it with ./mvnw package") && !Files.exists(missing), why);
    }
}
