package com.example.testapi.api;

import java.util.List;

import com.example.testapi.caller.Caller;

/** GET /test: who asked, one page of items newest first, and the token for the next page (null at the end). */
public record ListResponse(CallerView caller, List<ItemView> items, String nextToken) {

    public record CallerView(String role, String identityId, String userSub, String accountId) {
        static CallerView of(Caller caller) {
            return new CallerView(caller.roleName(), caller.identityId(), caller.userSub(), caller.accountId());
        }
    }
}
