package com.example.testapi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/** GET's {@code message}: what a page that shows only {@code response.message} tells its user. */
class ListResponseTest {

    private static final ItemView ITEM = new ItemView("id", "hello", "2026-11-27T10:00:00.000Z", null);

    @Test
    void saysHowManyItemsWereReadAndWhetherMoreRemain() {
        assertEquals("No items stored yet.", ListResponse.of(null, List.of(), null).message());
        assertEquals("Read 1 item.", ListResponse.of(null, List.of(ITEM), null).message());
        assertEquals("Read 3 items, newest first.", ListResponse.of(null, Collections.nCopies(3, ITEM), null).message());
        assertEquals("Read 1 item. More with nextToken.", ListResponse.of(null, List.of(ITEM), "t").message());
    }
}
