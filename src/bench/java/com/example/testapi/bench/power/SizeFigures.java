package com.example.testapi.bench.power;

import java.util.ArrayList;
import java.util.List;

/** One memory size's measurements, one value per launch each (warm figures per launch over its warm events). */
final class SizeFigures {

    final List<Double> coldStartMs = new ArrayList<>();
    final List<Double> initMs = new ArrayList<>();
    final List<Double> getP50Ms = new ArrayList<>();
    final List<Double> getP99Ms = new ArrayList<>();
    final List<Double> postP50Ms = new ArrayList<>();
    final List<Double> postP99Ms = new ArrayList<>();
    /** Mean billed milliseconds of a warm request: each event's duration rounded up to 1 ms, as Lambda bills. */
    final List<Double> getBilledMs = new ArrayList<>();
    final List<Double> postBilledMs = new ArrayList<>();
    final List<Double> rssMiB = new ArrayList<>();
    final List<Double> throttledMs = new ArrayList<>();
    /** Characters of the GET answer's body as the function returns it (base64 when compressed). */
    final List<Double> getResponseBytes = new ArrayList<>();
    boolean getBodyBase64;
    /** Launches that did not start or answer, with why (a size that cannot hold the function). */
    final List<String> failures = new ArrayList<>();

    boolean measured() {
        return !coldStartMs.isEmpty();
    }
}
