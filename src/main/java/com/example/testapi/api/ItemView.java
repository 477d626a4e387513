package com.example.testapi.api;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.example.testapi.caller.CallerIdentity;
import com.example.testapi.items.Item;

/** An item as the API shows it: {@code createdAt} always ISO-8601 UTC with milliseconds. */
public record ItemView(String id, String message, String createdAt, CallerIdentity createdBy) {

    static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    public static ItemView of(Item item) {
        return new ItemView(item.id(), item.message(), ISO_MILLIS.format(item.createdAt()), item.createdBy());
    }
}
