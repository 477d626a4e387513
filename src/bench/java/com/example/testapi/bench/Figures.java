package com.example.testapi.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One contender's measurements, and the statistics the report shows. */
final class Figures {

    final List<Double> coldStartMs = new ArrayList<>();
    final List<Double> initMs = new ArrayList<>();
    final List<Double> warmMs = new ArrayList<>();
    double rssMb;

    static double median(List<Double> values) {
        return percentile(values, 50);
    }

    /** Nearest-rank percentile. */
    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
