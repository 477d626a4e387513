package com.example.testapi.api;

import static com.example.testapi.support.Answers.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.example.testapi.support.LambdaEvents;
import com.example.testapi.support.LambdaResponse;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/** GET /test: newest first, paged with an opaque token, bad query values refused. */
@QuarkusTest
class ListItemsTest {

    private static String create(String message) {
        LambdaResponse response = LambdaResponse.invoke(LambdaEvents.withBody(LambdaEvents.load("post-full-access.json"),
                LambdaEvents.MAPPER.createObjectNode().put("message", message).toString()));
        assertEquals(201, response.status(), response::toString);
        return response.json().get("id").asText();
    }

    private static LambdaResponse list(String rawQuery) {
        return LambdaResponse.invoke(LambdaEvents.withQuery(LambdaEvents.load("get-read-access.json"), rawQuery));
    }

    @Test
    void pagesWalkEveryItemOnceNewestFirst() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(create("page item " + i));
        }

        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            LambdaResponse page = list("limit=3" + (token == null ? "" : "&nextToken=" + token));
            assertEquals(200, page.status(), page::toString);
            JsonNode items = page.json().get("items");
            assertTrue(items.size() <= 3);
            items.forEach(item -> seen.add(item.get("id").asText()));
            token = page.json().get("nextToken").isNull() ? null : page.json().get("nextToken").asText();
            pages++;
        } while (token != null && pages < 1000);

        assertEquals(new HashSet<>(seen).size(), seen.size(), "no item twice");
        List<String> sorted = new ArrayList<>(seen);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, seen, "newest first");
        List<String> newestFirst = new ArrayList<>(created);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, seen.stream().filter(Set.copyOf(created)::contains).toList());
    }

    @Test
    void defaultLimitIs20AndTheLastPageHasNoToken() {
        for (int i = 0; i < 21; i++) {
            create("default limit " + i);
        }
        LambdaResponse first = list("");
        assertEquals(20, first.json().get("items").size());
        assertTrue(first.json().get("nextToken").isTextual());
        // A page that shows response.message (the Amplify write-up's) has a sentence to show.
        assertEquals("Read 20 items, newest first. More with nextToken.", first.json().get("message").asText());

        // Walk to the end in pages of 100, however many items other tests left: every full page carries a token,
        // and the walk ends on a page without one.
        String token = null;
        int pages = 0;
        do {
            LambdaResponse page = list("limit=100" + (token == null ? "" : "&nextToken=" + token));
            int size = page.json().get("items").size();
            token = page.json().get("nextToken").isNull() ? null : page.json().get("nextToken").asText();
            assertTrue(token == null || size == 100, "a page with a token is full: " + size);
            pages++;
        } while (token != null && pages < 1000);
        assertEquals(null, token, "the last page has no token");
    }

    @ParameterizedTest
    @ValueSource(strings = { "limit=0", "limit=101", "limit=-1", "limit=abc", "limit=1.5", "limit=5,6",
            "limit=0005" })
    void badLimitsAre400(String query) {
        assertError(list(query), 400, "invalid_query");
    }

    @ParameterizedTest
    @ValueSource(strings = { "garbage", "!!!", "aTE6", "aTE6bm90LWEtdXVpZA", // i1:not-a-uuid
            "eDE6MDE5MzFhYjItMDAwMC03MDAwLTgwMDAtMDAwMDAwMDAwMDAw", // wrong prefix x1:
            "aTE6MDE5MzFhYjItMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAw" }) // a UUIDv4, never handed out
    void malformedTokensAre400(String token) {
        assertError(list("nextToken=" + token), 400, "invalid_next_token");
    }

    @Test
    void anEmptyLimitMeansTheDefault() {
        for (int i = 0; i < 21; i++) {
            create("empty limit " + i);
        }
        LambdaResponse empty = list("limit=");
        assertEquals(200, empty.status());
        assertEquals(20, empty.json().get("items").size());
        assertEquals(list("").json().get("items"), empty.json().get("items"), "the same page as no limit at all");
        assertTrue(empty.json().get("nextToken").isTextual());
    }

    @Test
    void aTamperedTokenIs400() {
        create("tamper 1");
        create("tamper 2");
        String token = list("limit=1").json().get("nextToken").asText();
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertError(list("nextToken=" + tampered), 400, "invalid_next_token");
        assertEquals(200, list("nextToken=" + token).status());
    }
}
