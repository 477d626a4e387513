package com.example.testapi.api;

import static com.example.testapi.support.Answers.allItems;
import static com.example.testapi.support.Answers.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.example.testapi.items.ItemStore;
import com.example.testapi.support.LambdaEvents;
import com.example.testapi.support.LambdaResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

/** POST /test: what is stored, what is refused (and then nothing is stored), and idempotent retries. */
@QuarkusTest
class CreateItemTest {

    @Inject
    ItemStore store;

    private static ObjectNode post(String body) {
        return LambdaEvents.withBody(LambdaEvents.load("post-full-access.json"), body);
    }

    private static String messageBody(String message) {
        return LambdaEvents.MAPPER.createObjectNode().put("message", message).toString();
    }

    @Test
    void storesTheItemWithItsAuthor() {
        Instant before = Instant.now().minusMillis(1);
        LambdaResponse response = LambdaResponse.invoke(post(messageBody("first note")));

        assertEquals(201, response.status(), response::toString);
        JsonNode item = response.json();
        assertEquals(7, UUID.fromString(item.get("id").asText()).version());
        assertEquals("first note", item.get("message").asText());
        Instant createdAt = Instant.parse(item.get("createdAt").asText());
        assertTrue(item.get("createdAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        assertTrue(!createdAt.isBefore(before) && !createdAt.isAfter(Instant.now()), createdAt::toString);
        assertEquals("local-TestApiFullAccess", item.at("/createdBy/role").asText());
        assertEquals("us-east-1:0f1e2d3c-4b5a-4697-8877-665544332211", item.at("/createdBy/identityId").asText());
        assertEquals("11111111-aaaa-4bbb-8ccc-000000000001", item.at("/createdBy/userSub").asText());
        assertEquals(item.get("id").asText(), allItems(store).get(0).id(), "stored, and newest");
    }

    @ParameterizedTest
    @ValueSource(strings = { "Grüße, 你好, שלום 🚀👩‍💻", "line\nbreak \"quoted\" \\ back\tslash", "\u00e9\u0301 combining" })
    void unicodeRoundTripsUnchanged(String message) {
        LambdaResponse created = LambdaResponse.invoke(post(messageBody(message)));
        assertEquals(201, created.status(), created::toString);
        assertEquals(message, created.json().get("message").asText());

        LambdaResponse listed = LambdaResponse.invoke(LambdaEvents.load("get-full-access.json"));
        assertEquals(message, listed.json().at("/items/0/message").asText());
    }

    @Test
    void emojiLeaveAsUtf8NotAsEscapedSurrogates() {
        LambdaResponse created = LambdaResponse.invoke(post(messageBody("rocket 🚀")));
        assertTrue(created.body().contains("\"rocket 🚀\""), created::body);
    }

    /** Escapes that spell half a surrogate pair are not Unicode text: refused, never stored as something else. */
    @ParameterizedTest
    @ValueSource(strings = { "{\"message\": \"\\ud800\"}", "{\"message\": \"a\\udc00b\"}",
            "{\"message\": \"\\ud83d\\ud83d\"}", "{\"message\": \"\\ude80 reversed \\ud83d\"}" })
    void anUnpairedSurrogateIsRefusedAndStoresNothing(String body) {
        int before = allItems(store).size();
        LambdaResponse refused = LambdaResponse.invoke(post(body));
        assertError(refused, 400, "invalid_field");
        assertTrue(refused.json().get("message").asText().contains("unpaired surrogate"), refused::body);
        assertEquals(before, allItems(store).size());
        // A correct pair in escapes is fine: it is the rocket.
        assertEquals("🚀", LambdaResponse.invoke(post("{\"message\": \"\\ud83d\\ude80\"}")).json().get("message")
                .asText());
    }

    @Test
    void aBase64EncodedBodyIsDecoded() {
        LambdaResponse response = LambdaResponse.invoke(LambdaEvents.load("post-base64-body.json"));

        assertEquals(201, response.status(), response::toString);
        assertEquals("Grüße aus Base64 🚀", response.json().get("message").asText());
    }

    /** quarkus #21576: a base64 body whose JSON contains CRLF line breaks. */
    @Test
    void aBase64BodyWithCrlfIsDecoded() {
        byte[] body = "{\r\n  \"message\": \"crlf\"\r\n}\r\n".getBytes(StandardCharsets.UTF_8);
        LambdaResponse response = LambdaResponse.invoke(
                LambdaEvents.withBase64Body(LambdaEvents.load("post-full-access.json"), body));

        assertEquals(201, response.status(), response::toString);
        assertEquals("crlf", response.json().get("message").asText());
    }

    @Test
    void aThousandCharactersIsTheLimitCountedInCharactersNotBytes() {
        String emoji = "🚀".repeat(1000); // 2000 UTF-16 units, 4000 bytes, 1000 characters
        assertEquals(201, LambdaResponse.invoke(post(messageBody(emoji))).status());
        assertEquals(201, LambdaResponse.invoke(post(messageBody("x"))).status());
    }

    @Test
    void theMalformedBodyEventIsRefusedAndStoresNothing() {
        int before = allItems(store).size();

        assertError(LambdaResponse.invoke(LambdaEvents.load("post-malformed-body.json")), 400, "malformed_json");
        assertEquals(before, allItems(store).size());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"message\": |malformed_json",
            "{\"message\": \"a\"} trailing|malformed_json",
            "{\"message\": \"a\", \"message\": \"b\"}|malformed_json",
            "not json at all|malformed_json",
            "[\"message\"]|invalid_body",
            "\"just a string\"|invalid_body",
            "42|invalid_body",
            "null|invalid_body",
            "{}|invalid_field",
            "{\"message\": null}|invalid_field",
            "{\"message\": 42}|invalid_field",
            "{\"message\": {\"text\": \"a\"}}|invalid_field",
            "{\"message\": \"\"}|invalid_field",
            "{\"message\": \"   \"}|invalid_field",
            "{\"message\": \"a\", \"extra\": 1}|invalid_field" })
    void invalidBodiesAreRefusedAndStoreNothing(String body, String code) {
        int before = allItems(store).size();

        assertError(LambdaResponse.invoke(post(body)), 400, code);
        assertEquals(before, allItems(store).size());
    }

    @Test
    void anEmptyBodyIsRefused() {
        assertError(LambdaResponse.invoke(post("")), 400, "invalid_body");
    }

    @Test
    void theRefusalNamesTheField() {
        JsonNode missing = assertError(LambdaResponse.invoke(post("{}")), 400, "invalid_field");
        assertTrue(missing.get("message").asText().contains("'message'"), missing::toString);

        JsonNode tooLong = assertError(LambdaResponse.invoke(post(messageBody("x".repeat(1001)))), 400, "invalid_field");
        assertTrue(tooLong.get("message").asText().contains("1001"), tooLong::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = { "application/xml", "text/json", "multipart/form-data; boundary=x", "text/html" })
    void aTypeThatSaysTheBodyIsNotJsonIs415(String contentType) {
        ObjectNode event = LambdaEvents.withHeader(post(messageBody("typed")), "content-type", contentType);
        assertError(LambdaResponse.invoke(event), 415, "unsupported_media_type");
    }

    /** Quarkus parses Content-Type before the resource: an unparseable one is a malformed request. */
    @Test
    void anUnparseableContentTypeIs400() {
        ObjectNode event = LambdaEvents.withHeader(post(messageBody("typed")), "content-type", "nonsense");
        assertError(LambdaResponse.invoke(event), 400, "bad_request");
    }

    /**
     * What a browser's fetch or axios labels a string body sent without a type of its own (the Amplify page of the
     * original write-up posts {@code JSON.stringify(payload)} so): the JSON object is read and stored as sent.
     */
    @ParameterizedTest
    @ValueSource(strings = { "", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded",
            "application/x-www-form-urlencoded; charset=utf-8", "TEXT/PLAIN" })
    void aStringBodyLabelIsReadAsJson(String contentType) {
        String message = "label '" + contentType + "' \u00e9 & a=b";
        ObjectNode event = LambdaEvents.withHeader(post(messageBody(message)), "content-type",
                contentType.isEmpty() ? null : contentType);
        LambdaResponse response = LambdaResponse.invoke(event);
        assertEquals(201, response.status(), response::toString);
        assertEquals(message, response.json().get("message").asText());
    }

    @Test
    void aFormEncodedBodyIsNotJsonAndStoresNothing() {
        int before = allItems(store).size();
        ObjectNode event = LambdaEvents.withHeader(post("message=hello"), "content-type",
                "application/x-www-form-urlencoded");
        assertError(LambdaResponse.invoke(event), 400, "malformed_json");
        assertEquals(before, allItems(store).size());
    }

    @ParameterizedTest
    @ValueSource(strings = { "application/json; charset=utf-8", "application/vnd.api+json", "APPLICATION/JSON" })
    void jsonContentTypesAreAccepted(String contentType) {
        ObjectNode event = LambdaEvents.withHeader(post(messageBody("typed")), "content-type", contentType);
        assertEquals(201, LambdaResponse.invoke(event).status());
    }

    @Test
    void aBodyOver64KiBIs413AndStoresNothing() {
        int before = allItems(store).size();
        String body = "{\"message\": \"x\", \"pad\": \"" + "p".repeat(64 * 1024) + "\"}";

        assertError(LambdaResponse.invoke(post(body)), 413, "payload_too_large");
        assertEquals(before, allItems(store).size());
    }

    @Test
    void theSameKeyAndBodyReturnTheFirstItemAndStoreNothingNew() {
        String key = "retry-" + UUID.randomUUID();
        LambdaResponse first = LambdaResponse.invoke(
                LambdaEvents.withHeader(post(messageBody("once")), "idempotency-key", key));
        int after = allItems(store).size();

        LambdaResponse again = LambdaResponse.invoke(
                LambdaEvents.withHeader(post("{ \"message\" : \"once\" }"), "idempotency-key", key));

        assertEquals(201, first.status(), first::toString);
        assertNull(first.header("idempotent-replayed"));
        assertEquals(200, again.status(), again::toString);
        assertEquals("true", again.header("idempotent-replayed"));
        assertEquals(first.json(), again.json());
        assertEquals(after, allItems(store).size());
    }

    @Test
    void theSameKeyWithAnotherBodyIs409() {
        String key = "conflict-" + UUID.randomUUID();
        assertEquals(201, LambdaResponse.invoke(
                LambdaEvents.withHeader(post(messageBody("original")), "idempotency-key", key)).status());
        int after = allItems(store).size();

        assertError(LambdaResponse.invoke(
                LambdaEvents.withHeader(post(messageBody("changed")), "idempotency-key", key)), 409,
                "idempotency_conflict");
        assertEquals(after, allItems(store).size());
    }

    @Test
    void keysAreScopedToTheCaller() {
        String key = "shared-" + UUID.randomUUID();
        LambdaResponse alice = LambdaResponse.invoke(
                LambdaEvents.withHeader(post(messageBody("same")), "idempotency-key", key));
        ObjectNode otherUser = LambdaEvents.withHeader(post(messageBody("same")), "idempotency-key", key);
        ((ObjectNode) LambdaEvents.iam(otherUser).get("cognitoIdentity")).put("identityId", "us-east-1:someone-else");
        LambdaResponse other = LambdaResponse.invoke(otherUser);

        assertEquals(201, alice.status());
        assertEquals(201, other.status());
        assertNotEquals(alice.json().get("id"), other.json().get("id"));
    }

    @ParameterizedTest
    @ValueSource(strings = { " ", "é-not-ascii", "tab\tinside" }) // an empty header arrives as no header at all
    void anInvalidKeyIs400(String key) {
        ObjectNode event = LambdaEvents.withHeader(post(messageBody("keyed")), "idempotency-key", key);
        assertError(LambdaResponse.invoke(event), 400, "invalid_header");
    }

    @Test
    void aKeyOver128CharactersIs400AndOf128IsAccepted() {
        ObjectNode tooLong = LambdaEvents.withHeader(post(messageBody("keyed")), "idempotency-key", "k".repeat(129));
        assertError(LambdaResponse.invoke(tooLong), 400, "invalid_header");

        String longest = UUID.randomUUID() + "k".repeat(128 - 36);
        ObjectNode ok = LambdaEvents.withHeader(post(messageBody("keyed")), "idempotency-key", longest);
        assertEquals(201, LambdaResponse.invoke(ok).status());
    }
}
