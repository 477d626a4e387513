package com.example.testapi.items;

/** Who wrote an item: kept with the item as its audit trail. */
public record Author(String role, String identityId, String userSub, String accountId) {
}
