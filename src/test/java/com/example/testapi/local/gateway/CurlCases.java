package com.example.testapi.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** curl --aws-sigv4, as docs/calling-the-api.md shows it, through the front door. */
interface CurlCases {

    FrontDoor door();

    /** The manual's curl advice, which signs the query as typed: names in order, values percent-encoded. */
    @Test
    default void curlSignsAQueryWrittenInCanonicalForm() throws Exception {
        assertEquals("200", door().curl(door().alice, "/test?a=%3D&limit=5"));
        assertEquals("400", door().curl(door().alice, "/test?limit=%3D5"));
    }

    /** The manual's promise: curl --aws-sigv4 as alice can POST, as bob cannot. */
    @Test
    default void curlSignsAsTheReadmeShows() throws Exception {
        String[] post = { "-H", "content-type: application/json", "-d", "{\"message\":\"curl\"}" };
        assertEquals("201", door().curl(door().alice, "/test", post));
        assertEquals("200", door().curl(door().bob, "/test"));
        assertEquals("403", door().curl(door().bob, "/test", post));
    }
}
