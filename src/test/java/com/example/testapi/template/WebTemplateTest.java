package com.example.testapi.template;

import static com.example.testapi.local.template.SamTemplate.list;
import static com.example.testapi.local.template.SamTemplate.map;
import static com.example.testapi.local.template.SamTemplate.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.testapi.local.template.SamTemplate;

/** template.yaml's side of the browser app: the API's CORS, and the optional private, HTTPS-only hosting. */
class WebTemplateTest {

    private final SamTemplate template = SamTemplate.load(Path.of("template.yaml"));

    @Test
    void theApiAllowsTheAppsOriginWithTheHeadersSigV4Needs() {
        Map<String, Object> cors = map(template.properties("HttpApi"), "CorsConfiguration");
        assertEquals(Map.of("Ref", "AllowedOrigins"), cors.get("AllowOrigins"));
        assertEquals(List.of("GET", "POST", "PUT"), cors.get("AllowMethods"));
        assertTrue(list(cors.get("AllowHeaders")).containsAll(List.of("authorization", "content-type", "x-amz-date",
                "x-amz-security-token", "x-amz-content-sha256", "idempotency-key")), cors::toString);
        assertEquals(List.of("idempotent-replayed", "retry-after", "date"), cors.get("ExposeHeaders"));
        assertEquals(false, cors.get("AllowCredentials"));
    }

    @Test
    void theHostedAppIsOptionalPrivateAndHttpsOnly() {
        for (String id : List.of("WebBucket", "WebOriginAccessControl", "WebDistribution", "WebBucketPolicy")) {
            assertEquals("HostsWebApp", template.resource(id).get("Condition"), id + " exists only when asked for");
        }
        Map<String, Object> block = map(template.properties("WebBucket"), "PublicAccessBlockConfiguration");
        assertEquals(Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true,
                "RestrictPublicBuckets", true), block);
        assertEquals("always", map(template.properties("WebOriginAccessControl"), "OriginAccessControlConfig")
                .get("SigningBehavior"));
        Map<String, Object> distribution = map(template.properties("WebDistribution"), "DistributionConfig");
        assertEquals("redirect-to-https", map(distribution, "DefaultCacheBehavior").get("ViewerProtocolPolicy"));
        Map<String, Object> origin = object(list(distribution.get("Origins")).get(0));
        assertEquals(Map.of("Fn::GetAtt", List.of("WebOriginAccessControl", "Id")), origin.get("OriginAccessControlId"));

        Map<String, Object> statement = object(list(map(template.properties("WebBucketPolicy"), "PolicyDocument")
                .get("Statement")).get(0));
        assertEquals(Map.of("Service", "cloudfront.amazonaws.com"), statement.get("Principal"),
                "only CloudFront reads the bucket");
        assertEquals("s3:GetObject", statement.get("Action"));
        assertTrue(map(map(statement, "Condition"), "StringEquals").containsKey("AWS:SourceArn"),
                "and only this distribution");
    }

    /** The hosted app's headers: its own scripts only, this stack's endpoints only, never framed, HTTPS remembered. */
    @Test
    void theHostedAppIsServedWithStrictSecurityHeaders() {
        Map<String, Object> behavior = map(map(template.properties("WebDistribution"), "DistributionConfig"),
                "DefaultCacheBehavior");
        assertEquals(Map.of("Ref", "WebSecurityHeaders"), behavior.get("ResponseHeadersPolicyId"));
        Map<String, Object> headers = map(map(template.properties("WebSecurityHeaders"), "ResponseHeadersPolicyConfig"),
                "SecurityHeadersConfig");
        Object policy = map(map(headers, "ContentSecurityPolicy"), "ContentSecurityPolicy").get("Fn::Sub");
        String csp = String.valueOf(list(policy).get(0));
        for (String directive : List.of("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'",
                "object-src 'none'", "https://cognito-idp.${AWS::Region}.${AWS::URLSuffix}",
                "https://cognito-identity.${AWS::Region}.${AWS::URLSuffix}",
                "https://${HttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}")) {
            assertTrue(csp.contains(directive), directive + " in " + csp);
        }
        assertTrue(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval") && !csp.contains(" * "), csp);
        assertEquals(63072000, map(headers, "StrictTransportSecurity").get("AccessControlMaxAgeSec"));
        assertEquals("DENY", map(headers, "FrameOptions").get("FrameOption"));
        assertEquals("no-referrer", map(headers, "ReferrerPolicy").get("ReferrerPolicy"));
        assertEquals(true, map(headers, "ContentTypeOptions").get("Override"));
    }
}
