package com.example.testapi.template;

import static com.example.testapi.local.template.SamTemplate.list;
import static com.example.testapi.local.template.SamTemplate.map;
import static com.example.testapi.local.template.SamTemplate.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.example.testapi.local.template.SamTemplate;

/**
 * Every physical name template.yaml sets is unique where its scope is: it carries the stack's name (stack names are
 * unique per account and region) and, for a resource whose names span the account's regions (CloudFront, IAM),
 * the region too, so the same stack name deploys to a second region. A name field this test does not know fails it,
 * so a new named resource has to be classified here.
 */
class PhysicalNamesTemplateTest {

    /** Resource types whose names are unique per account across regions. */
    private static final Set<String> ACCOUNT_WIDE = Set.of("AWS::CloudFront::OriginAccessControl",
            "AWS::CloudFront::ResponseHeadersPolicy", "AWS::CloudFront::CachePolicy", "AWS::IAM::Role",
            "AWS::IAM::ManagedPolicy", "AWS::S3::Bucket");

    /**
     * Name fields that are no physical name of their own: inside one of this stack's resources (a Cognito group in
     * this pool, an inline policy of this stack's role), a metric or dimension, or a value read from elsewhere (a
     * permission's FunctionName names this stack's function).
     */
    private static final Set<String> NOT_PHYSICAL = Set.of("AWS::Cognito::UserPoolGroup/GroupName",
            "AWS::IAM::Policy/PolicyName", "AWS::IAM::Role/Policies/PolicyName",
            "AWS::CloudWatch::Alarm/MetricName", "AWS::CloudWatch::Alarm/Metrics/MetricStat/Metric/MetricName",
            "AWS::CloudWatch::Alarm/Metrics/MetricStat/Metric/Dimensions/Name",
            "AWS::Logs::MetricFilter/MetricTransformations/MetricName", "AWS::Logs::MetricFilter/LogGroupName",
            "AWS::DynamoDB::Table/AttributeDefinitions/AttributeName", "AWS::DynamoDB::Table/KeySchema/AttributeName",
            "AWS::DynamoDB::Table/TimeToLiveSpecification/AttributeName",
            "AWS::Cognito::UserPool/AccountRecoverySetting/RecoveryMechanisms/Name",
            "AWS::Cognito::IdentityPool/CognitoIdentityProviders/ProviderName",
            "AWS::SNS::Topic/DisplayName", "AWS::CloudFront::Distribution/DistributionConfig/Origins/DomainName",
            "AWS::Lambda::Permission/FunctionName");

    /** Subtrees that hold patterns and policies, not properties: their keys name fields of events and requests. */
    private static final Set<String> NOT_PROPERTIES = Set.of("EventPattern", "Pattern", "PolicyDocument",
            "AssumeRolePolicyDocument");

    private final SamTemplate template = SamTemplate.load(Path.of("template.yaml"));

    /** Logical id/path → value of every property named {@code Name} or {@code …Name} not in {@link #NOT_PHYSICAL}. */
    private Map<String, Object> physicalNames() {
        Map<String, Object> names = new TreeMap<>();
        template.resources().forEach((id, resource) -> {
            String type = String.valueOf(object(resource).get("Type"));
            collect(type, "", map(object(resource), "Properties"), id, names);
        });
        return names;
    }

    private static void collect(String type, String path, Object value, String id, Map<String, Object> names) {
        if (value instanceof Map<?, ?> properties) {
            object(properties).forEach((key, inner) -> {
                String at = path + "/" + key;
                boolean nameField = key.equals("Name") || key.endsWith("Name");
                if (nameField && !NOT_PHYSICAL.contains(type + at)) {
                    names.put(id + at, inner);
                } else if (!key.startsWith("Fn::") && !NOT_PROPERTIES.contains(key)) {
                    collect(type, at, inner, id, names);
                }
            });
        } else if (value instanceof List<?> items) {
            list(items).forEach(item -> collect(type, path, item, id, names));
        }
    }

    @Test
    void theTemplateNamesTheResourcesItShouldAndNoOthers() {
        assertEquals(Set.of("WebOriginAccessControl/OriginAccessControlConfig/Name",
                "WebSecurityHeaders/ResponseHeadersPolicyConfig/Name", "UserPool/UserPoolName",
                "UserPoolClient/ClientName", "IdentityPool/IdentityPoolName", "Api5xxRateAlarm/AlarmName",
                "Refused403Alarm/AlarmName", "GetFunctionErrorsAlarm/AlarmName", "PostFunctionErrorsAlarm/AlarmName",
                "TableThrottlesAlarm/AlarmName", "AdminAuthenticatorAlarm/AlarmName",
                "TokenTriggerAlarm/AlarmName"), physicalNames().keySet(),
                "a new physical name: classify it in this test (and make it unique)");
    }

    @Test
    void everyNameCarriesTheStackAndWhereNamesSpanRegionsTheRegion() {
        List<String> clashes = new ArrayList<>();
        physicalNames().forEach((where, value) -> {
            String id = where.substring(0, where.indexOf('/'));
            String type = String.valueOf(template.resource(id).get("Type"));
            Object sub = value instanceof Map<?, ?> m ? object(m).get("Fn::Sub") : null;
            String text = sub instanceof String s ? s : String.valueOf(value);
            boolean unique = text.contains("${AWS::StackName}")
                    && (!ACCOUNT_WIDE.contains(type) || text.contains("${AWS::Region}"));
            if (!unique) {
                clashes.add(where + " = " + value);
            }
        });
        assertTrue(clashes.isEmpty(), "names that may clash with another stack or region: " + clashes);
    }

    /** The names IAM and CloudFront would refuse twice in one account: none is set, or they carry the region. */
    @Test
    void accountWideResourcesLeaveTheirNamesToCloudFormationOrCarryTheRegion() {
        for (String id : List.of("TestApiFullAccess", "TestApiReadAccess", "TestApiAdmin", "AuthenticatedDefaultRole",
                "AdminFunctionRole", "TokenTriggerRole")) {
            assertTrue(!template.properties(id).containsKey("RoleName"), id + " is named by CloudFormation");
        }
        assertEquals(Map.of("Fn::Sub", "${AWS::StackName}-${AWS::Region}-web"),
                map(template.properties("WebOriginAccessControl"), "OriginAccessControlConfig").get("Name"));
    }
}
