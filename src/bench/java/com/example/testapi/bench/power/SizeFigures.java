package com.example.testapi.bench.power;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One memory size's measurements, one value per launch each (warm figures per launch over its warm events). */
final class SizeFigures {

    final List<Double> coldStartMs = new ArrayList<>();
    final List<Double> initMs = new ArrayList<>();
    final List<Double> getP50Ms = new ArrayList<>();
    final List<Double> getP99Ms = new ArrayList<>();
    final List<Double> postP50Ms = new ArrayList<>();
    final List<Double> postP99Ms = new ArrayList<>();
    /**
     * Mean billed milliseconds of a warm request (each event's duration rounded up to 1 ms, as Lambda bills) with a
     * storage wait of {@code key} ms added to each of the request's DynamoDB calls; key 0 is the request as measured.
     */
    final Map<Integer, List<Double>> getBilledMsByWait = new TreeMap<>();
    final Map<Integer, List<Double>> postBilledMsByWait = new TreeMap<>();
    /** CPU time per request, every thread of the JVM counted (the cgroup's own accounting). */
    final List<Double> getCpuMs = new ArrayList<>();
    final List<Double> postCpuMs = new ArrayList<>();
    /** Per launch: the median of each warm-up window, up to the one where the medians stopped moving. */
    final List<List<Double>> warmupWindowsP50Ms = new ArrayList<>();
    final List<Boolean> steady = new ArrayList<>();
    /** Warm p99 at the second, shorter scheduling period (its own launches). */
    final List<Double> getP99ShortPeriodMs = new ArrayList<>();
    final List<Double> postP99ShortPeriodMs = new ArrayList<>();
    /** The last launch's measured request durations: the in-memory run the storage-wait model adds waits to. */
    List<Double> getWallsSample = List.of();
    List<Double> postWallsSample = List.of();
    final List<Double> rssMiB = new ArrayList<>();
    final List<Double> throttledMs = new ArrayList<>();
    /** Characters of the GET answer's body as the function returns it (base64 when compressed). */
    final List<Double> getResponseBytes = new ArrayList<>();
    boolean getBodyBase64;
    /** Launches that did not start or answer, with why (a size that cannot hold the function). */
    final List<String> failures = new ArrayList<>();

    /** Per launch, a warm GET's mean billed ms at {@code waitMs} a storage call. */
    List<Double> getBilledMs(int waitMs) {
        return getBilledMsByWait.getOrDefault(waitMs, List.of());
    }

    List<Double> postBilledMs(int waitMs) {
        return postBilledMsByWait.getOrDefault(waitMs, List.of());
    }

    boolean measured() {
        return !coldStartMs.isEmpty();
    }
}
