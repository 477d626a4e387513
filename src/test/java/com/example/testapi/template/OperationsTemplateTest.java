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

/** template.yaml's operations side: what survives a stack change, tracing, and the alarms on what hurts users. */
class OperationsTemplateTest {

    private final SamTemplate template = SamTemplate.load(Path.of("template.yaml"));

    @Test
    void whatCannotBeRebuiltIsRetainedAndProtected() {
        for (String id : List.of("ItemsTable", "UserPool", "IdentityPool")) {
            assertEquals("Retain", template.resource(id).get("DeletionPolicy"), id + " survives a stack deletion");
            assertEquals("Retain", template.resource(id).get("UpdateReplacePolicy"), id + " survives a replacement");
        }
        assertEquals(Map.of("Ref", "UserPoolDeletionProtection"), template.properties("UserPool").get("DeletionProtection"));
        assertEquals("ACTIVE", map(map(template.root(), "Parameters"), "UserPoolDeletionProtection").get("Default"));
    }

    /** A renamed log group is replaced, and a deleted one takes its history: every log group stays behind. */
    @Test
    void everyLogGroupKeepsItsHistory() {
        Map<String, Map<String, Object>> groups = template.resourcesOfType("AWS::Logs::LogGroup");
        assertEquals(Set.of("GetTestFunctionLogs", "PostTestFunctionLogs", "AdminFunctionLogs", "TokenTriggerLogs",
                "ApiAccessLogs", "AuthenticatorWatchLogs"),
                groups.keySet());
        groups.forEach((id, group) -> {
            assertEquals("Retain", group.get("DeletionPolicy"), id + " survives a stack deletion");
            assertEquals("Retain", group.get("UpdateReplacePolicy"), id + " survives a replacement");
            assertEquals(30, map(group, "Properties").get("RetentionInDays"), id + " still expires its lines");
        });
    }

    @Test
    void everyFunctionIsTraced() {
        assertEquals("Active", map(map(template.root(), "Globals"), "Function").get("Tracing"));
    }

    /** Lambda's own lines as JSON beside the functions' JSON lines; both levels are parameters Lambda applies. */
    @Test
    void logsAreJsonWithLevelsAsParameters() {
        Map<String, Object> logging = map(map(map(template.root(), "Globals"), "Function"), "LoggingConfig");
        assertEquals("JSON", logging.get("LogFormat"));
        assertEquals(Map.of("Ref", "ApplicationLogLevel"), logging.get("ApplicationLogLevel"));
        assertEquals(Map.of("Ref", "SystemLogLevel"), logging.get("SystemLogLevel"));
        Map<String, Object> parameters = map(template.root(), "Parameters");
        assertEquals("INFO", map(parameters, "ApplicationLogLevel").get("Default"));
        // Quarkus reads the same value (AWS_LAMBDA_LOG_LEVEL): every level Lambda accepts is a JBoss Logging level.
        assertEquals(List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"),
                map(parameters, "ApplicationLogLevel").get("AllowedValues"));
        assertEquals("INFO", map(parameters, "SystemLogLevel").get("Default"));
    }

    /** Alarm id → the metrics it reads, as namespace/name. */
    private Set<String> metricsOf(String alarm) {
        Map<String, Object> properties = template.properties(alarm);
        if (properties.containsKey("MetricName")) {
            return Set.of("custom/" + properties.get("MetricName"));
        }
        return list(properties.get("Metrics")).stream().map(m -> map(object(m), "MetricStat"))
                .filter(stat -> !stat.isEmpty()).map(stat -> map(stat, "Metric"))
                .map(metric -> metric.get("Namespace") + "/" + metric.get("MetricName")).collect(Collectors.toSet());
    }

    @Test
    void everyAlarmWatchesWhatHurtsUsersAndTellsTheTopic() {
        assertEquals(Set.of("AWS/ApiGateway/5xx", "AWS/ApiGateway/Count"), metricsOf("Api5xxRateAlarm"));
        assertEquals(Map.of("Ref", "Api5xxRatePercent"), template.properties("Api5xxRateAlarm").get("Threshold"));
        assertEquals(Set.of("custom/Refused403"), metricsOf("Refused403Alarm"));
        assertEquals(Map.of("Ref", "Refused403PerFiveMinutes"), template.properties("Refused403Alarm").get("Threshold"));
        assertEquals(Set.of("AWS/Lambda/Errors", "AWS/Lambda/Throttles"), metricsOf("GetFunctionErrorsAlarm"));
        assertEquals(Set.of("AWS/Lambda/Errors", "AWS/Lambda/Throttles"), metricsOf("PostFunctionErrorsAlarm"));
        assertEquals(Set.of("AWS/DynamoDB/ReadThrottleEvents", "AWS/DynamoDB/WriteThrottleEvents",
                "AWS/DynamoDB/SystemErrors"), metricsOf("TableThrottlesAlarm"));
        template.resourcesOfType("AWS::CloudWatch::Alarm").forEach((id, alarm) -> {
            Map<String, Object> properties = map(alarm, "Properties");
            assertEquals(List.of(Map.of("Ref", "AlarmTopic")), properties.get("AlarmActions"), id);
            assertTrue(String.valueOf(properties.get("AlarmName")).contains("${AWS::StackName}-"), id);
            assertEquals("notBreaching", properties.get("TreatMissingData"), id + ": quiet when idle");
        });
        assertEquals(Set.of("{Fn::Sub=${AWS::StackName}/Admins}/AdminAuthenticatorReplaced", "AWS/Lambda/Errors",
                "AWS/Lambda/Throttles", "AWS/Lambda/AsyncEventsDropped"), metricsOf("AdminAuthenticatorAlarm"));
        assertEquals(Set.of("AWS/Lambda/Errors", "AWS/Lambda/Throttles", "AWS/Lambda/Duration",
                "{Fn::Sub=${AWS::StackName}/TokenTrigger}/StartMs"), metricsOf("TokenTriggerAlarm"));
        assertTrue(String.valueOf(object(list(template.properties("TokenTriggerAlarm").get("Metrics")).get(0))
                .get("Expression")).contains("> 4000"), "slow: near Cognito's 5 s");
        assertEquals(7, template.resourcesOfType("AWS::CloudWatch::Alarm").size());
        assertEquals("HasAlarmEmail", template.resource("AlarmEmailSubscription").get("Condition"));
    }

    /**
     * A metric without a figure in a period (Throttles until a throttle, a metric filter's count until a matching
     * line) leaves a sum of metrics without one, and the alarm (missing data: not breaching) silent while another
     * metric of the sum says trouble: every metric of every expression is read through FILL.
     */
    @Test
    void everyMetricOfAnExpressionIsFilled() {
        template.resourcesOfType("AWS::CloudWatch::Alarm").forEach((id, alarm) -> {
            List<Map<String, Object>> metrics = list(map(alarm, "Properties").get("Metrics")).stream()
                    .map(m -> object(m)).toList();
            String expression = metrics.stream().map(m -> m.get("Expression")).filter(java.util.Objects::nonNull)
                    .map(String::valueOf).findFirst().orElse(null);
            if (expression == null) {
                return;
            }
            metrics.stream().filter(m -> m.containsKey("MetricStat")).map(m -> String.valueOf(m.get("Id")))
                    .forEach(metric -> assertTrue(expression.contains("FILL(" + metric + ", 0)"),
                            id + ": " + metric + " unfilled in " + expression));
        });
    }

    @Test
    void theRefusalMetricCountsEvery403TheApiAnswers() {
        Map<String, Object> filter = template.properties("Refused403Metric");
        assertEquals("{ $.status = \"403\" }", filter.get("FilterPattern"));
        assertEquals(Map.of("Ref", "ApiAccessLogs"), filter.get("LogGroupName"));
        String format = String.valueOf(map(template.properties("HttpApi"), "AccessLogSettings").get("Format"));
        assertTrue(format.contains("\"status\":\"$context.status\""), format);
        assertTrue(!format.contains("authorization") && !format.contains("$context.identity.accessKey"),
                "no credentials in the access log");
    }
}
