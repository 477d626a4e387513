package com.example.testapi.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One contender's measurements, one value per launch each, and the statistics the report shows. */
public final class Figures {

    final List<Double> coldStartMs = new ArrayList<>();
    final List<Double> initMs = new ArrayList<>();
    final List<Double> warmP50Ms = new ArrayList<>();
    final List<Double> warmP99Ms = new ArrayList<>();
    final List<Double> rssMb = new ArrayList<>();
    final List<Double> classesLoaded = new ArrayList<>();
    final List<Double> allocatedKiBPerEvent = new ArrayList<>();

    /** Median, min and max of one measurement over the launches. */
    public static Map<String, Number> spread(List<Double> values, int decimals) {
        Map<String, Number> spread = new LinkedHashMap<>();
        spread.put("median", round(median(values), decimals));
        spread.put("min", round(Collections.min(values), decimals));
        spread.put("max", round(Collections.max(values), decimals));
        return spread;
    }

    public static double median(List<Double> values) {
        return percentile(values, 50);
    }

    /** Nearest-rank percentile, {@code p} in percent; the one every report of src/bench uses. */
    public static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** Whole numbers as integers, so the report and table show 4662, not 4662.0. */
    public static Number round(double value, int decimals) {
        if (decimals == 0) {
            return Math.round(value);
        }
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
