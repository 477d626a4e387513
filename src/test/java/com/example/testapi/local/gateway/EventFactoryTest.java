package com.example.testapi.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.example.testapi.caller.Caller;
import com.example.testapi.caller.CallerParser;
import com.example.testapi.local.template.LocalAccount;
import com.example.testapi.local.iam.IssuedCredentials;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The event the front door builds has API Gateway's payload-2.0 shape, down to what the function parses. */
class EventFactoryTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-26T06:00:00.123Z");
    private final EventFactory factory = new EventFactory(MAPPER, LocalAccount.defaults("eu-central-1"),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private static final String PROVIDER = "cognito-idp.eu-central-1.amazonaws.com/eu-central-1_LocalPool";
    private final IssuedCredentials alice = new IssuedCredentials("ASIAALICE", "secret", "token",
            NOW.plusSeconds(3600), "arn:aws:iam::123456789012:role/local-TestApiFullAccess",
            "eu-central-1:alice-identity", "eu-central-1:pool",
            List.of("authenticated", PROVIDER, PROVIDER + ":CognitoSignIn:alice-sub"));

    private ObjectNode build(Map<String, List<String>> headers, String query, byte[] body) {
        return factory.build(new EventFactory.Incoming("GET", "/test", query, headers, body, "127.0.0.1"), alice);
    }

    @Test
    void headersQueryAndCookiesAreShapedAsApiGatewayShapesThem() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("host", List.of("127.0.0.1:3000"));
        headers.put("x-multi", List.of("a", "b"));
        headers.put("cookie", List.of("one=1; two=2"));
        ObjectNode event = build(headers, "limit=5&tag=x&tag=y&next=a%2Fb", new byte[0]);

        assertEquals("2.0", event.get("version").asText());
        assertEquals("GET /test", event.get("routeKey").asText());
        assertEquals("limit=5&tag=x&tag=y&next=a%2Fb", event.get("rawQueryString").asText());
        assertEquals("a,b", event.at("/headers/x-multi").asText());
        assertTrue(event.at("/headers/cookie").isMissingNode(), "cookies move to their own array");
        assertEquals("[\"one=1\",\"two=2\"]", event.get("cookies").toString());
        assertEquals("x,y", event.at("/queryStringParameters/tag").asText());
        assertEquals("a/b", event.at("/queryStringParameters/next").asText());
        assertEquals("$default", event.at("/requestContext/stage").asText());
        assertEquals(NOW.toEpochMilli(), event.at("/requestContext/timeEpoch").asLong());
        assertEquals("26/Nov/2026:06:00:00 +0000", event.at("/requestContext/time").asText());
        assertEquals("GET", event.at("/requestContext/http/method").asText());
        assertFalse(event.get("isBase64Encoded").asBoolean());
    }

    @Test
    void theIamAuthorizerParsesIntoTheCallerTheFunctionExpects() throws Exception {
        ObjectNode event = build(Map.of("host", List.of("h")), null, new byte[0]);
        APIGatewayV2HTTPEvent typed = MAPPER.treeToValue(event, APIGatewayV2HTTPEvent.class);

        Caller caller = CallerParser.parse(typed.getRequestContext().getAuthorizer().getIam()).orElseThrow();
        assertEquals("local-TestApiFullAccess", caller.roleName());
        assertEquals("123456789012", caller.accountId());
        assertEquals("eu-central-1:alice-identity", caller.identityId());
        assertEquals("alice-sub", caller.userSub());
        assertTrue(caller.authenticated());
        assertEquals(PROVIDER, caller.userPoolProvider());
        assertEquals("eu-central-1:pool", caller.identityPoolId());
    }

    @Test
    void textBodiesStayTextAndOthersAreBase64() {
        byte[] json = "{\"message\":\"grüße\"}".getBytes(StandardCharsets.UTF_8);
        ObjectNode text = build(Map.of("content-type", List.of("application/json")), null, json);
        assertEquals("{\"message\":\"grüße\"}", text.get("body").asText());
        assertFalse(text.get("isBase64Encoded").asBoolean());

        byte[] binary = { (byte) 0xff, 0x00, 0x10 };
        ObjectNode encoded = build(Map.of("content-type", List.of("application/octet-stream")), null, binary);
        assertTrue(encoded.get("isBase64Encoded").asBoolean());
        assertEquals(Base64.getEncoder().encodeToString(binary), encoded.get("body").asText());

        ObjectNode invalidUtf8 = build(Map.of("content-type", List.of("application/json")), null, binary);
        assertTrue(invalidUtf8.get("isBase64Encoded").asBoolean());
    }
}
