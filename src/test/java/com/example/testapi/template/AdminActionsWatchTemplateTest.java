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

import com.example.testapi.local.template.LocalAccount;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.event.ruler.Machine;

import com.example.testapi.local.template.SamTemplate;

/**
 * The optional watch on the admin calls IAM cannot narrow (docs/browser-app.md): off by default; when on, an
 * EventBridge rule matches CloudTrail's records of them on this user pool and tells the alarms' topic, which lets
 * EventBridge (and still the alarms) publish.
 */
class AdminActionsWatchTemplateTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

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
    void watchesThisPoolOnly() {
        Map<String, Object> pattern = map(template.properties("AdminActionsRule"), "EventPattern");
        assertEquals(List.of("aws.cognito-idp"), pattern.get("source"));
        assertEquals(List.of("AWS API Call via CloudTrail"), pattern.get("detail-type"));
        Map<String, Object> detail = map(pattern, "detail");
        assertEquals(List.of("cognito-idp.amazonaws.com"), detail.get("eventSource"));
        assertEquals(List.of(Map.of("Ref", "UserPool")), map(detail, "requestParameters").get("userPoolId"),
                "this stack's pool only");
    }

    /**
     * The rule tried by EventBridge's own matching engine (Event Ruler) on CloudTrail records of this pool's calls,
     * shaped as EventBridge delivers them ("AWS API Call via CloudTrail", the record in detail; the username hidden,
     * as CloudTrail hides it): every call that takes over an account, makes or unmakes an administrator or shuts a
     * user out matches, whatever screen it came from; reads, other groups and other pools do not.
     */
    @Test
    void eventBridgeMatchesTheRiskyCallsOnThisPoolAndNothingElse() throws Exception {
        LocalAccount account = LocalAccount.forTemplate("us-east-1", template);
        String pool = account.resolve(Map.of("Ref", "UserPool"));
        Machine rule = new Machine();
        rule.addRule("AdminActionsRule", MAPPER.writeValueAsString(account.resolveAll(
                map(template.properties("AdminActionsRule"), "EventPattern"))));
        for (String call : List.of("AdminSetUserPassword", "AdminCreateUser", "AdminDisableUser",
                "AdminUserGlobalSignOut", "AdminDeleteUser", "AdminSetUserMFAPreference")) {
            assertEquals(List.of("AdminActionsRule"), rule.rulesForJSONEvent(cloudTrail(call, pool, null)), call);
        }
        for (String call : List.of("AdminAddUserToGroup", "AdminRemoveUserFromGroup")) {
            assertEquals(List.of("AdminActionsRule"), rule.rulesForJSONEvent(cloudTrail(call, pool, "Admins")), call);
            assertEquals(List.of(), rule.rulesForJSONEvent(cloudTrail(call, pool, "FullAccess")), call + " elsewhere");
        }
        for (String call : List.of("AdminGetUser", "ListUsers", "AdminEnableUser", "AdminListGroupsForUser")) {
            assertEquals(List.of(), rule.rulesForJSONEvent(cloudTrail(call, pool, null)), call);
        }
        assertEquals(List.of(), rule.rulesForJSONEvent(cloudTrail("AdminDeleteUser", "us-east-1_Another1", null)),
                "another pool");
        // Made outside the API by anyone (an IAM user's key, another role): told. The administration function's own
        // calls, judged by its rules and audited: not told.
        String functionRole = account.resolve(Map.of("Fn::GetAtt", List.of("AdminFunctionRole", "Arn")));
        Map<String, Object> iamUser = Map.of("type", "IAMUser", "arn", "arn:aws:iam::123456789012:user/someone");
        assertEquals(List.of("AdminActionsRule"), rule.rulesForJSONEvent(cloudTrail("AdminSetUserPassword", pool,
                null, iamUser)));
        assertEquals(List.of(), rule.rulesForJSONEvent(cloudTrail("AdminSetUserPassword", pool, null,
                assumedRole(functionRole, "stack-AdminFunctionRole-1A2B/stack-AdminFunction-3C4D"))), "the API's own");
        assertEquals(List.of(), rule.rulesForJSONEvent(cloudTrail("AdminRemoveUserFromGroup", pool, "Admins",
                assumedRole(functionRole, "stack-AdminFunctionRole-1A2B/stack-AdminFunction-3C4D"))), "the API's own");
    }

    /** An assumed role's identity as CloudTrail records it: the session's ARN and the role that issued it. */
    private static Map<String, Object> assumedRole(String roleArn, String session) {
        return Map.of("type", "AssumedRole", "arn", "arn:aws:sts::123456789012:assumed-role/" + session,
                "sessionContext", Map.of("sessionIssuer", Map.of("type", "Role", "arn", roleArn)));
    }

    /** A CloudTrail record of {@code call} as EventBridge delivers it. */
    private static String cloudTrail(String call, String pool, String group) throws Exception {
        return cloudTrail(call, pool, group, assumedRole("arn:aws:iam::123456789012:role/stack-TestApiAdmin-5E6F",
                "stack-TestApiAdmin-5E6F/CognitoIdentityCredentials"));
    }

    /** The same, made by {@code identity}. */
    private static String cloudTrail(String call, String pool, String group, Map<String, Object> identity)
            throws Exception {
        Map<String, Object> parameters = new java.util.LinkedHashMap<>();
        parameters.put("userPoolId", pool);
        parameters.put("username", "HIDDEN_DUE_TO_SECURITY_REASONS");
        if (group != null) {
            parameters.put("groupName", group);
        }
        Map<String, Object> detail = Map.of("eventVersion", "1.08", "eventSource", "cognito-idp.amazonaws.com",
                "eventName", call, "awsRegion", "us-east-1", "userIdentity", identity,
                "requestParameters", parameters, "eventType", "AwsApiCall", "managementEvent", true);
        return MAPPER.writeValueAsString(Map.of("version", "0", "id", "0a1b2c3d", "detail-type",
                "AWS API Call via CloudTrail", "source", "aws.cognito-idp", "account", "123456789012",
                "time", "2026-12-06T10:00:00Z", "region", "us-east-1", "resources", List.of(), "detail", detail));
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

    /**
     * The authenticator watch, on with the rule: EventBridge hands its function every successful AssociateSoftwareToken
     * and VerifySoftwareToken (the user's own calls, made with an access token; CloudTrail names the user by sub and
     * the pool nowhere the pattern could match), not a refused code; its alert lines and its failures reach
     * the alarms' topic; its role reads users and groups of this pool and changes nothing.
     */
    @Test
    void theAuthenticatorWatchSeesEachVerifiedAuthenticatorAndAlarmsOnTheTopic() throws Exception {
        for (String id : List.of("AuthenticatorWatchFunction", "AuthenticatorWatchLogs", "AuthenticatorWatchRole",
                "AuthenticatorWatchAlerts", "AdminAuthenticatorAlarm")) {
            assertEquals("WatchesAdminActions", template.resource(id).get("Condition"), id);
        }
        Map<String, Object> event = object(map(template.properties("AuthenticatorWatchFunction"), "Events")
                .get("Verified"));
        assertEquals("EventBridgeRule", event.get("Type"));
        Machine rule = new Machine();
        rule.addRule("Verified", MAPPER.writeValueAsString(map(map(event, "Properties"), "Pattern")));
        Map<String, Object> anonymous = Map.of("type", "Unknown", "principalId", "Anonymous");
        assertEquals(List.of("Verified"), rule.rulesForJSONEvent(userCall("VerifySoftwareToken", null, anonymous)));
        assertEquals(List.of("Verified"), rule.rulesForJSONEvent(userCall("VerifySoftwareToken", "", anonymous)),
                "a record that carries errorCode empty");
        assertEquals(List.of(), rule.rulesForJSONEvent(userCall("VerifySoftwareToken", "CodeMismatchException",
                anonymous)), "a refused code changes nothing");
        assertEquals(List.of("Verified"), rule.rulesForJSONEvent(userCall("AssociateSoftwareToken", null, anonymous)),
                "an association begun");
        assertEquals(List.of(), rule.rulesForJSONEvent(userCall("SetUserMFAPreference", null, anonymous)));

        // The alarm (on the topic, OperationsTemplateTest) adds the filter's count to the function's errors.
        Map<String, Object> counted = object(list(template.properties("AuthenticatorWatchAlerts")
                .get("MetricTransformations")).get(0));
        Map<String, Object> alerts = map(map(list(template.properties("AdminAuthenticatorAlarm").get("Metrics"))
                .stream().map(m -> object(m)).filter(m -> "alerts".equals(m.get("Id"))).findFirst().orElseThrow(),
                "MetricStat"), "Metric");
        assertEquals(counted.get("MetricName"), alerts.get("MetricName"));
        assertEquals(counted.get("MetricNamespace"), alerts.get("Namespace"));

        Set<String> actions = list(map(object(list(template.properties("AuthenticatorWatchRole").get("Policies"))
                .get(0)), "PolicyDocument").get("Statement")).stream()
                .flatMap(statement -> list(object(statement).get("Action")).stream()).map(String::valueOf)
                .filter(action -> action.startsWith("cognito-idp:")).collect(Collectors.toSet());
        assertEquals(Set.of("cognito-idp:ListUsers", "cognito-idp:AdminListGroupsForUser"), actions);
    }

    /** A user's own call (no IAM caller) as EventBridge delivers CloudTrail's record of it. */
    private static String userCall(String call, String errorCode, Map<String, Object> identity) throws Exception {
        Map<String, Object> detail = new java.util.LinkedHashMap<>(Map.of("eventVersion", "1.08",
                "eventSource", "cognito-idp.amazonaws.com", "eventName", call, "awsRegion", "us-east-1",
                "userIdentity", identity, "additionalEventData", Map.of("sub", "0f8fad5b-d9cb-469f-a165-70867728950e"),
                "eventType", "AwsApiCall", "managementEvent", true));
        if (errorCode != null) {
            detail.put("errorCode", errorCode);
        }
        return MAPPER.writeValueAsString(Map.of("detail-type", "AWS API Call via CloudTrail",
                "source", "aws.cognito-idp", "time", "2026-12-06T10:00:00Z", "detail", detail));
    }
}
