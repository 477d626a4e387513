package com.example.testapi.api;

import java.util.regex.Pattern;

/** The {@code limit} query parameter of GET /test. */
public final class QueryLimit {

    static final int DEFAULT = 20;
    static final int MAX = 100;
    private static final Pattern DIGITS = Pattern.compile("\\d{1,3}");

    private QueryLimit() {
    }

    public static int parse(String value) {
        if (value == null) {
            return DEFAULT;
        }
        int limit = DIGITS.matcher(value).matches() ? Integer.parseInt(value) : -1;
        if (limit < 1 || limit > MAX) {
            throw ContractViolationException.badRequest("invalid_query",
                    "Query parameter 'limit' must be a whole number from 1 to " + MAX + ".");
        }
        return limit;
    }
}
