package com.example.testapi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.testapi.support.LambdaEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The benchmark's plain handler does the function's work, so the ratio compares frameworks, not features. */
class BaselineHandlerTest {

    private final BaselineHandler handler = new BaselineHandler();

    @Test
    void storesOncePerIdempotencyKeyAndPagesWithTokens() throws Exception {
        ObjectNode post = LambdaEvents.withHeader(LambdaEvents.load("post-full-access.json"), "Idempotency-Key", "k1");
        APIGatewayV2HTTPResponse first = call(post);
        APIGatewayV2HTTPResponse replay = call(post);
        assertEquals(201, first.getStatusCode(), first.getBody());
        assertEquals(200, replay.getStatusCode(), "same key, same item");
        assertEquals(body(first).get("id"), body(replay).get("id"));
        call(LambdaEvents.load("post-full-access.json"));

        ObjectNode get = LambdaEvents.load("get-full-access.json");
        get.putObject("queryStringParameters").put("limit", "1");
        JsonNode page = body(call(get));
        assertEquals(1, page.get("items").size());
        assertNotNull(page.get("nextToken").textValue());
        get.putObject("queryStringParameters").put("limit", "1").put("nextToken", page.get("nextToken").textValue());
        JsonNode next = body(call(get));
        assertEquals(1, next.get("items").size());
    }

    @Test
    void refusesAsTheContractSays() throws Exception {
        assertEquals(403, call(LambdaEvents.load("post-read-access.json")).getStatusCode());
        APIGatewayV2HTTPResponse unknownField = call(LambdaEvents.withBody(LambdaEvents.load("post-full-access.json"),
                "{\"message\": \"hi\", \"extra\": 1}"));
        assertEquals(400, unknownField.getStatusCode());
        assertEquals("invalid_field", body(unknownField).get("error").asText());
        ObjectNode badToken = LambdaEvents.load("get-full-access.json");
        badToken.putObject("queryStringParameters").put("nextToken", "not-a-token");
        assertEquals("invalid_next_token", body(call(badToken)).get("error").asText());
        ObjectNode badLimit = LambdaEvents.load("get-full-access.json");
        badLimit.putObject("queryStringParameters").put("limit", "1000");
        assertEquals("invalid_query", body(call(badLimit)).get("error").asText());
        assertEquals(415, call(LambdaEvents.withHeader(LambdaEvents.load("post-full-access.json"), "content-type",
                "text/plain")).getStatusCode());
    }

    private APIGatewayV2HTTPResponse call(ObjectNode event) throws Exception {
        return handler.handleRequest(LambdaEvents.MAPPER.treeToValue(event, APIGatewayV2HTTPEvent.class), null);
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
        return LambdaEvents.MAPPER.readTree(response.getBody());
    }
}
