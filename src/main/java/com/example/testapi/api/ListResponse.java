package com.example.testapi.api;

import java.util.List;

import com.example.testapi.caller.CallerIdentity;

/**
 * GET /test: a sentence saying what was read (so a page that shows {@code response.message} shows something), who
 * asked, one page of items newest first, and the token for the next page (null at the end).
 */
public record ListResponse(String message, CallerIdentity caller, List<ItemView> items, String nextToken) {

    public static ListResponse of(CallerIdentity caller, List<ItemView> items, String nextToken) {
        String read = items.isEmpty() ? "No items stored yet."
                : items.size() == 1 ? "Read 1 item." : "Read " + items.size() + " items, newest first.";
        return new ListResponse(nextToken == null ? read : read + " More with nextToken.", caller, items, nextToken);
    }
}
