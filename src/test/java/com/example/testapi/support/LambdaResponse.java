package com.example.testapi.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;

/**
 * What the function answered to one event, read from the APIGatewayV2HTTPResponse the mock event server returns for
 * {@code POST /_lambda_}: the real Lambda path, authorizer included.
 */
public record LambdaResponse(int status, Map<String, String> headers, String body) {

    public static LambdaResponse invoke(ObjectNode event) {
        JsonNode response = raw(event);
        String body = response.path("body").asText("");
        if (response.path("isBase64Encoded").asBoolean(false)) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        Map<String, String> headers = LambdaEvents.MAPPER.convertValue(response.path("headers"),
                LambdaEvents.MAPPER.getTypeFactory().constructMapType(Map.class, String.class, String.class));
        return new LambdaResponse(response.get("statusCode").asInt(), headers == null ? Map.of() : headers, body);
    }

    /** The APIGatewayV2HTTPResponse as the function returned it: body encoding and headers untouched. */
    public static JsonNode raw(ObjectNode event) {
        // Bounded like every HTTP call of the tests: a request lost in the function fails fast, naming itself.
        RestAssuredConfig bounded = RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.connection.timeout", 5_000).setParam("http.socket.timeout", 30_000));
        String raw;
        try {
            raw = RestAssured.given().config(bounded).contentType(ContentType.JSON).body(event.toString())
                    .post("/_lambda_").then().statusCode(200).extract().asString();
        } catch (Exception e) { // rest-assured throws the socket's timeout as it is, though it is checked
            if (e instanceof java.net.SocketTimeoutException || e.getCause() instanceof java.net.SocketTimeoutException) {
                throw new AssertionError("the function did not answer within 30 s: " + event.path("routeKey")
                        .asText() + " " + event.path("rawPath").asText(), e);
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
        try {
            return LambdaEvents.MAPPER.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new AssertionError("the mock event server answered no APIGatewayV2HTTPResponse: " + raw, e);
        }
    }

    public JsonNode json() {
        try {
            return LambdaEvents.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("body is not JSON: " + body, e);
        }
    }

    /** Header value by case-insensitive name, or null. */
    public String header(String name) {
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
