package com.example.testapi.template;

import static com.example.testapi.local.template.SamTemplate.list;
import static com.example.testapi.local.template.SamTemplate.map;
import static com.example.testapi.local.template.SamTemplate.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.example.testapi.local.template.SamTemplate;

/**
 * The optional watch on the admin calls IAM cannot narrow (docs/browser-app.md): off by default; when on, an
 * EventBridge rule matches CloudTrail's records of them on this user pool and tells the alarms' topic, which lets
 * EventBridge (and still the alarms) publish.
 */
class AdminActionsWatchTemplateTest {

    private final SamTemplate template = SamTemplate.load(Path.of("template.yaml"));

    @Test
    void isOffByDefault() {
        Map<String, Object> parameter = map(map(template.root(), "Parameters"), "WatchAdminActions");
        assertEquals("false", parameter.get("Default"));
        assertEquals(List.of("true", "false"), parameter.get("AllowedValues"));
        assertTrue(String.valueOf(parameter.get("Description")).contains("CloudTrail trail"), "says what it needs");
        assertEquals(Map.of("Fn::Equals", List.of(Map.of("Ref", "WatchAdminActions"), "true")),
                map(map(template.root(), "Conditions"), "WatchesAdminActions"));
        for (String id : List.of("AdminActionsRule", "AlarmTopicPolicy")) {
            assertEquals("WatchesAdminActions", template.resource(id).get("Condition"), id);
        }
    }

    @Test
    void matchesPasswordSetsUserCreationsAndAdditionsToAdminsOnThisPool() {
        Map<String, Object> pattern = map(template.properties("AdminActionsRule"), "EventPattern");
        assertEquals(List.of("aws.cognito-idp"), pattern.get("source"));
        assertEquals(List.of("AWS API Call via CloudTrail"), pattern.get("detail-type"));
        Map<String, Object> detail = map(pattern, "detail");
        assertEquals(List.of("cognito-idp.amazonaws.com"), detail.get("eventSource"));
        assertEquals(List.of(Map.of("Ref", "UserPool")), map(detail, "requestParameters").get("userPoolId"),
                "this stack's pool only");
        List<Map<String, Object>> alternatives = list(detail.get("$or")).stream().map(o -> object(o)).toList();
        assertEquals(List.of("AdminSetUserPassword", "AdminCreateUser"), alternatives.get(0).get("eventName"));
        assertEquals(Set.of("eventName"), alternatives.get(0).keySet(), "any password set, any new user");
        assertEquals(List.of("AdminAddUserToGroup"), alternatives.get(1).get("eventName"));
        assertEquals(List.of("Admins"), map(alternatives.get(1), "requestParameters").get("groupName"),
                "group additions only into Admins");
        assertEquals(2, alternatives.size());
    }

    @Test
    void tellsTheAlarmTopicWhichLetsEventBridgeAndTheAlarmsPublish() {
        Map<String, Object> target = object(list(template.properties("AdminActionsRule").get("Targets")).get(0));
        assertEquals(Map.of("Ref", "AlarmTopic"), target.get("Arn"));
        String message = String.valueOf(map(target, "InputTransformer").get("InputTemplate"));
        assertTrue(message.contains("<event>") && message.contains("<caller>"), "says what and who: " + message);

        Map<String, Object> policy = template.properties("AlarmTopicPolicy");
        assertEquals(List.of(Map.of("Ref", "AlarmTopic")), policy.get("Topics"));
        Map<String, Map<String, Object>> statements = list(map(policy, "PolicyDocument").get("Statement")).stream()
                .map(o -> object(o)).collect(Collectors.toMap(s -> String.valueOf(s.get("Sid")), s -> s));
        Map<String, Object> events = statements.get("AdminActionsRule");
        assertEquals(Map.of("Service", "events.amazonaws.com"), events.get("Principal"));
        assertEquals("sns:Publish", events.get("Action"));
        assertEquals(Map.of("Fn::GetAtt", List.of("AdminActionsRule", "Arn")),
                map(map(events, "Condition"), "ArnEquals").get("aws:SourceArn"), "only this rule");
        // SNS's default policy, which a topic policy replaces: the account's own callers (the alarms) keep Publish.
        Map<String, Object> owner = statements.get("AccountOwner");
        assertTrue(list(owner.get("Action")).contains("sns:Publish"));
        assertEquals(Map.of("Ref", "AWS::AccountId"), map(map(owner, "Condition"), "StringEquals").get("AWS:SourceOwner"));
    }
}
