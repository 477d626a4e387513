package com.example.testapi.template;

import static com.example.testapi.local.template.SamTemplate.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.example.testapi.local.template.SamTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * events/sam-local-env.json, the {@code --env-vars} file of docs/deploying.md's {@code sam local invoke}: sam local
 * passes a function only the variables the template declares for it (Globals or its own Environment) and drops
 * the rest, so every variable the file sets must be declared, or the in-memory store it asks for never arrives.
 */
class SamLocalEnvTest {

    @Test
    void everyVariableTheFileSetsIsOneTheTemplateDeclares() throws IOException {
        SamTemplate template = SamTemplate.load(Path.of("template.yaml"));
        JsonNode file = new ObjectMapper().readTree(Path.of("events", "sam-local-env.json").toFile());
        Set<String> global = map(map(map(map(template.root(), "Globals"), "Function"), "Environment"), "Variables")
                .keySet();
        List<String> dropped = new ArrayList<>();
        file.fieldNames().forEachRemaining(function -> {
            Set<String> declared = new HashSet<>(global);
            declared.addAll(map(map(template.properties(function), "Environment"), "Variables").keySet());
            file.get(function).fieldNames().forEachRemaining(variable -> {
                if (!declared.contains(variable)) {
                    dropped.add(function + "." + variable);
                }
            });
        });
        assertEquals(List.of(), dropped, "sam local would drop these");
        assertTrue(file.has("AdminFunction") && file.has("GetTestFunction") && file.has("PostTestFunction"));
        assertEquals("true", file.at("/GetTestFunction/ITEMS_IN_MEMORY").asText(), "the in-memory store, asked");
        assertEquals("false", map(map(map(map(template.root(), "Globals"), "Function"), "Environment"), "Variables")
                .get("ITEMS_IN_MEMORY"), "never asked when deployed");
    }
}
