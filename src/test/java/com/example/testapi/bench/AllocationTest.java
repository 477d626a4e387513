package com.example.testapi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Bytes allocated over a recording, from {@code jfr print --json} of jdk.ThreadAllocationStatistics. */
class AllocationTest {

    private static String event(String thread, long id, long allocated) {
        return "{\"type\": \"jdk.ThreadAllocationStatistics\", \"values\": {\"allocated\": " + allocated
                + ", \"thread\": {\"javaName\": \"" + thread + "\", \"javaThreadId\": " + id + "}}}";
    }

    @Test
    void eachThreadCountsItsLastMinusItsFirstFigureAndJfrsOwnThreadsNone() throws Exception {
        String json = "{\"recording\": {\"events\": [" + String.join(",",
                event("main", 1, 1_000), event("executor-thread-1", 40, 50_000), event("JFR Periodic Tasks", 30, 0),
                event("main", 1, 301_000), event("executor-thread-1", 40, 150_000),
                event("JFR Periodic Tasks", 30, 9_999_999), event("Attach Listener", 9, 77)) + "]}}";
        assertEquals(300_000 + 100_000, Allocation.allocated(json));
    }
}
