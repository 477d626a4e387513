package com.example.testapi.admin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Creation keys in memory, per function instance: where the items are kept in memory too (the local cloud, tests).
 * Bounded: past {@value #MAX_KEYS} keys, the oldest goes.
 */
final class InMemoryCreateKeys implements CreateKeys {

    static final int MAX_KEYS = 10_000;

    private final Map<String, String> keys = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_KEYS;
        }
    };

    @Override
    public synchronized Claim claim(String scopedKey, String request) {
        String old = keys.putIfAbsent(scopedKey, request);
        return old == null ? Claim.NEW : old.equals(request) ? Claim.SAME_REQUEST : Claim.OTHER_REQUEST;
    }

    @Override
    public synchronized void release(String scopedKey) {
        keys.remove(scopedKey);
    }
}
