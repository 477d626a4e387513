package com.example.testapi.acceptance.fidelity;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one probe of a {@link Row} saw: its facts, or why it could not be observed ({@code missing}, e.g. a stack
 * without a hosted-UI domain).
 */
public record Observation(Row row, Map<String, String> facts, String missing) {

    public static Observation of(Row row, Map<String, String> facts) {
        return new Observation(row, new TreeMap<>(facts), null);
    }

    public static Observation notObserved(Row row, String why) {
        return new Observation(row, Map.of(), why);
    }

    public boolean observed() {
        return missing == null;
    }

    /** The facts that differ from the local cloud's, by name: "local → observed". */
    public Map<String, String> differences() {
        Map<String, String> out = new TreeMap<>();
        if (!observed()) {
            return out;
        }
        row.local.forEach((name, local) -> {
            String seen = facts.getOrDefault(name, "(not seen)");
            if (!seen.equals(local)) {
                out.put(name, local + " → " + seen);
            }
        });
        return out;
    }
}
