package com.example.testapi.api;

import static com.example.testapi.support.Answers.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.example.testapi.support.LambdaEvents;
import com.example.testapi.support.LambdaResponse;

import io.quarkus.test.junit.QuarkusTest;

/** Paths and methods outside the contract still answer in the contract's JSON error shape. */
@QuarkusTest
class HttpErrorsTest {

    @ParameterizedTest
    @ValueSource(strings = { "/", "/nope", "/test/extra", "/tests" })
    void unknownPathsAre404(String path) {
        assertError(LambdaResponse.invoke(LambdaEvents.withRoute(LambdaEvents.load("get-full-access.json"), "GET", path)),
                404, "not_found");
    }

    @ParameterizedTest
    @ValueSource(strings = { "PUT", "DELETE", "PATCH" })
    void otherMethodsOnTestAre405(String method) {
        LambdaResponse response = LambdaResponse.invoke(
                LambdaEvents.withRoute(LambdaEvents.load("get-full-access.json"), method, "/test"));
        assertError(response, 405, "method_not_allowed");
        assertTrue(response.header("allow").contains("GET") && response.header("allow").contains("POST"),
                () -> "Allow names the methods: " + response.headers());
    }

    /**
     * Requests Vert.x cannot parse are refused by it before any handler runs, with a bare 400 (quarkus #17341 for '|').
     * API Gateway answers such paths 404 itself, so they never reach the function; this pins that they are still no 500.
     */
    @ParameterizedTest
    @ValueSource(strings = { "/test|pipe", "/test?nextToken=%%%" })
    void unparseableRequestsAre400NotServerErrors(String target) {
        int query = target.indexOf('?');
        var event = LambdaEvents.withRoute(LambdaEvents.load("get-full-access.json"), "GET",
                query < 0 ? target : target.substring(0, query));
        if (query >= 0) {
            LambdaEvents.withQuery(event, target.substring(query + 1));
        }
        LambdaResponse response = LambdaResponse.invoke(event);
        assertEquals(400, response.status(), response::toString);
        assertFalse(response.body().contains("Exception"), response::toString);
    }
}
