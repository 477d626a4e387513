package com.example.testapi.api;

import java.util.List;

import com.example.testapi.caller.CallerIdentity;

/** GET /test: who asked, one page of items newest first, and the token for the next page (null at the end). */
public record ListResponse(CallerIdentity caller, List<ItemView> items, String nextToken) {
}
