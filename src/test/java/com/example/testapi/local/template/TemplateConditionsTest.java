package com.example.testapi.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.testapi.local.template.LocalAccount;

/** Conditions and {@code !If} as CloudFormation evaluates them from the parameters. */
class TemplateConditionsTest {

    @TempDir
    Path dir;

    private SamTemplate template() throws Exception {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, """
                Parameters:
                  Prefix: {Type: String, Default: ""}
                  Mode: {Type: String, Default: jvm}
                Conditions:
                  HasPrefix: !Not [!Equals [!Ref Prefix, ""]]
                  IsNative: !Equals [!Ref Mode, native]
                  Both: !And [!Condition HasPrefix, !Condition IsNative]
                  Either: !Or [!Condition HasPrefix, !Condition IsNative]
                Resources:
                  Thing:
                    Type: AWS::S3::Bucket
                    Properties:
                      Name: !If [HasPrefix, !Sub "${Prefix}-x", !Ref AWS::NoValue]
                      Kept: 1
                      List: [a, !If [IsNative, b, !Ref AWS::NoValue]]
                """);
        return SamTemplate.load(file);
    }

    @Test
    void conditionsFollowTheParameters() throws Exception {
        Map<String, Boolean> defaults = LocalAccount.forTemplate("us-east-1", template()).conditions();
        assertEquals(Map.of("HasPrefix", false, "IsNative", false, "Both", false, "Either", false), defaults);
        Map<String, Boolean> set = LocalAccount.forTemplate("us-east-1", template(),
                Map.of("Prefix", "p", "Mode", "native")).conditions();
        assertEquals(Map.of("HasPrefix", true, "IsNative", true, "Both", true, "Either", true), set);
    }

    @Test
    void ifPicksItsBranchAndNoValueRemovesTheProperty() throws Exception {
        SamTemplate template = template();
        Object properties = template.properties("Thing");
        assertEquals(Map.of("Kept", 1, "List", List.of("a")),
                LocalAccount.forTemplate("us-east-1", template).resolveAll(properties));
        assertEquals(Map.of("Name", "p-x", "Kept", 1, "List", List.of("a", "b")), LocalAccount.forTemplate(
                "us-east-1", template, Map.of("Prefix", "p", "Mode", "native")).resolveAll(properties));
    }

    @Test
    void anUnknownConditionIsATemplateError() throws Exception {
        TemplateConditions conditions = new TemplateConditions(Map.of("A", Map.of("Condition", "Missing")),
                String::valueOf);
        assertThrows(IllegalArgumentException.class, () -> conditions.isTrue("A"));
        assertFalse(new TemplateConditions(Map.of("B", Map.of("Fn::Equals", List.of("x", "y"))), String::valueOf)
                .isTrue("B"));
        assertTrue(new TemplateConditions(Map.of("C", Map.of("Fn::Equals", List.of("x", "x"))), String::valueOf)
                .isTrue("C"));
    }
}
