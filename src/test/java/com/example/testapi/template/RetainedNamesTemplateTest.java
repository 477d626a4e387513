package com.example.testapi.template;

import static com.example.testapi.local.template.SamTemplate.map;
import static com.example.testapi.local.template.SamTemplate.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.example.testapi.local.template.SamTemplate;

/**
 * Delete, then deploy again under the same stack name: a resource the stack retains stays behind in the account, so
 * if it had a fixed physical name of a kind that must be unique, the next create would fail with "already exists".
 * Every retained resource either leaves its name to CloudFormation (which adds a random suffix) or is of a kind
 * whose names may repeat. A retained type this test does not know fails it until classified.
 */
class RetainedNamesTemplateTest {

    /** Types whose names are unique in their scope (account and region, or account), and the property that names them. */
    static final Map<String, String> UNIQUE_NAME = Map.ofEntries(Map.entry("AWS::Logs::LogGroup", "LogGroupName"),
            Map.entry("AWS::DynamoDB::Table", "TableName"), Map.entry("AWS::S3::Bucket", "BucketName"),
            Map.entry("AWS::SNS::Topic", "TopicName"), Map.entry("AWS::SQS::Queue", "QueueName"),
            Map.entry("AWS::Lambda::Function", "FunctionName"), Map.entry("AWS::Lambda::Alias", "Name"),
            Map.entry("AWS::KMS::Alias", "AliasName"), Map.entry("AWS::IAM::Role", "RoleName"),
            Map.entry("AWS::Events::Rule", "Name"), Map.entry("AWS::CloudWatch::Alarm", "AlarmName"),
            Map.entry("AWS::SecretsManager::Secret", "Name"), Map.entry("AWS::SSM::Parameter", "Name"),
            Map.entry("AWS::Cognito::UserPoolDomain", "Domain"));

    /**
     * Types whose names may repeat: Cognito finds user pools and identity pools by generated ids, and two pools of
     * one name live side by side (a redeploy next to a retained pool makes a second one; docs/deploying.md, "Clean
     * up", says how to reuse or remove the old one).
     */
    static final Set<String> NAMES_MAY_REPEAT = Set.of("AWS::Cognito::UserPool", "AWS::Cognito::IdentityPool");

    /** Retained resource id → why it would block a redeploy under the same stack name; empty when none would. */
    static Map<String, String> blockers(SamTemplate template) {
        Map<String, String> blockers = new LinkedHashMap<>();
        template.resources().forEach((id, value) -> {
            Map<String, Object> resource = object(value);
            if (!retained(resource)) {
                return;
            }
            String type = String.valueOf(resource.get("Type"));
            String nameField = UNIQUE_NAME.get(type);
            if (nameField == null && !NAMES_MAY_REPEAT.contains(type)) {
                blockers.put(id, type + " is retained but not classified here: is its name unique?");
            } else if (nameField != null && map(resource, "Properties").containsKey(nameField)) {
                blockers.put(id, type + " is retained with a fixed " + nameField + " = "
                        + map(resource, "Properties").get(nameField));
            }
        });
        return blockers;
    }

    private static boolean retained(Map<String, Object> resource) {
        Set<Object> retain = Set.of("Retain", "RetainExceptOnCreate");
        return retain.contains(String.valueOf(resource.get("DeletionPolicy")))
                || retain.contains(String.valueOf(resource.get("UpdateReplacePolicy")));
    }

    @Test
    void noRetainedResourceKeepsAUniqueFixedName() {
        SamTemplate template = SamTemplate.load(Path.of("template.yaml"));
        assertEquals(Map.of(), blockers(template), "a redeploy under the same stack name would fail on these");
        // What is retained today, so that the test above has walked something real.
        List<String> retained = new ArrayList<>();
        template.resources().forEach((id, r) -> {
            if (retained(object(r))) {
                retained.add(id);
            }
        });
        assertEquals(List.of("GetTestFunctionLogs", "PostTestFunctionLogs", "ItemsTable", "UserPool",
                "AdminFunctionLogs", "TokenTriggerLogs", "IdentityPool", "ApiAccessLogs", "AuthenticatorWatchLogs"),
                retained);
    }

    /** The walk fails on what it guards against: a fixed log group name, and a retained type nobody classified. */
    @Test
    void aFixedNameOrAnUnknownRetainedTypeIsReported() {
        SamTemplate template = SamTemplate.load(Path.of("template.yaml"));
        map(object(template.resources().get("GetTestFunctionLogs")), "Properties").put("LogGroupName",
                Map.of("Fn::Sub", "/aws/lambda/${AWS::StackName}/GetTest"));
        template.resources().put("Archive", new LinkedHashMap<>(Map.of("Type", "AWS::Backup::BackupVault",
                "DeletionPolicy", "Retain")));
        Map<String, String> blockers = blockers(template);
        assertEquals(Set.of("GetTestFunctionLogs", "Archive"), blockers.keySet(), blockers::toString);
        assertTrue(blockers.get("GetTestFunctionLogs").contains("fixed LogGroupName"), blockers::toString);
        assertTrue(blockers.get("Archive").contains("not classified"), blockers::toString);
    }
}
