package com.example.testapi.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.example.testapi.support.LambdaEvents;
import com.example.testapi.support.LambdaResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A caller that accepts gzip (a browser, an SDK) gets the same plain JSON as curl: the function does not compress
 * (the power-tuning run measured Quarkus's HTTP compression as a no-op on the lambda-http path, and lambda-http picks
 * base64 by Content-Type alone, so a gzipped JSON body would be sent as UTF-8 text and arrive broken). So the answer
 * carries no Content-Encoding and a text body, whatever Accept-Encoding says.
 */
@QuarkusTest
class AcceptEncodingTest {

    @ParameterizedTest
    @ValueSource(strings = {"get-full-access.json", "post-full-access.json", "post-read-access.json"})
    void anAnswerIsPlainJsonWhateverTheCallerAccepts(String file) {
        ObjectNode event = LambdaEvents.load(file);
        ((ObjectNode) event.get("headers")).put("accept-encoding", "gzip, deflate, br");

        JsonNode answer = LambdaResponse.raw(event);

        assertFalse(answer.path("isBase64Encoded").asBoolean(false), answer::toString);
        JsonNode headers = answer.path("headers");
        headers.fieldNames().forEachRemaining(name -> assertFalse(name.equalsIgnoreCase("content-encoding"),
                answer::toString));
        assertNull(answer.path("multiValueHeaders").get("Content-Encoding"), answer::toString);
        assertTrue(new LambdaResponse(answer.get("statusCode").asInt(), java.util.Map.of(),
                answer.path("body").asText()).json().isObject(), answer::toString);
    }
}
