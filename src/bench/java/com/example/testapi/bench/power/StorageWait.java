package com.example.testapi.bench.power;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wait for DynamoDB that a deployed request has and the in-memory run does not: each request's calls (from the
 * code, in src/bench/prices.json's requestUnits) times a wait per call. Lambda bills that wait at the memory price
 * while the CPU idles, so it moves the cheapest size towards smaller ones.
 *
 * <p>The default, 5 ms a call: AWS states DynamoDB's service-side latency as single-digit milliseconds on average
 * (the SuccessfulRequestLatency metric, which leaves out the network and the client), and client-side reports from
 * Lambda and EC2 in the same region show a few to about eight milliseconds for a small item; the run sweeps 0-20 ms
 * around it, and the report gives the cheapest size for each.
 */
record StorageWait(Map<String, Integer> callsPerRequest) {

    static final int DEFAULT_MS = 5;

    static final String SOURCE = "AWS Database Blog, 'Understanding Amazon DynamoDB latency' "
            + "(https://aws.amazon.com/blogs/database/understanding-amazon-dynamodb-latency/): single-digit "
            + "millisecond service-side latency (SuccessfulRequestLatency, without network or client time); "
            + "client-side, from Lambda in the region, a small item's call takes a few to about 8 ms";

    static StorageWait load(Prices prices) {
        Map<String, Integer> calls = new LinkedHashMap<>();
        prices.file().get("requestUnits").fields().forEachRemaining(e -> calls.put(e.getKey(),
                e.getValue().path("storageCalls").asInt(-1)));
        if (calls.values().stream().anyMatch(c -> c < 0)) {
            throw new IllegalStateException("src/bench/prices.json: every requestUnits entry needs storageCalls");
        }
        return new StorageWait(Map.copyOf(calls));
    }

    int calls(String kind) {
        return callsPerRequest.get(kind);
    }

    Map<String, Object> describe(List<Integer> waitsMs, int defaultMs) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("waitsMsPerCall", waitsMs);
        described.put("defaultMsPerCall", defaultMs);
        described.put("defaultSource", SOURCE);
        described.put("callsPerRequest", callsPerRequest);
        described.put("model", "billed ms = each measured in-memory request's duration + calls x wait, rounded up to "
                + "1 ms, averaged: the CPU idles during the wait, which Lambda still bills");
        return described;
    }
}
