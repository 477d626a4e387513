package com.example.testapi.acceptance.fidelity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Per row of the ledger, where the observed stack and the local cloud agree, differ (and in which facts), or what
 * could not be observed: printed, and written as {@code fidelity.txt} and {@code fidelity.json}.
 */
public record FidelityReport(String target, List<Observation> observations) {

    public enum Verdict {
        AGREES, DIFFERS, NOT_OBSERVED
    }

    public static Verdict verdict(Observation observation) {
        if (!observation.observed()) {
            return Verdict.NOT_OBSERVED;
        }
        return observation.differences().isEmpty() ? Verdict.AGREES : Verdict.DIFFERS;
    }

    public List<Observation> differing() {
        return observations.stream().filter(o -> verdict(o) == Verdict.DIFFERS).toList();
    }

    public String text() {
        StringBuilder out = new StringBuilder("Fidelity of the local cloud against ").append(target).append('\n');
        for (Observation o : observations) {
            Row row = o.row();
            out.append('\n').append(verdict(o)).append("  ").append(row.id).append(" (").append(row.evidence)
                    .append(": ").append(row.source).append(")\n    ").append(row.question).append('\n');
            switch (verdict(o)) {
                case AGREES -> out.append("    same as local: ").append(o.facts()).append('\n');
                case DIFFERS -> o.differences().forEach((fact, change) -> out.append("    ").append(fact)
                        .append(": local ").append(change).append('\n'));
                case NOT_OBSERVED -> out.append("    ").append(o.missing()).append('\n');
            }
            extras(o).forEach((fact, value) -> out.append("    also seen, ").append(fact).append(": ").append(value)
                    .append('\n'));
        }
        long agree = observations.stream().filter(o -> verdict(o) == Verdict.AGREES).count();
        return out.append("\n").append(agree).append(" agree, ").append(differing().size()).append(" differ, ")
                .append(observations.size() - agree - differing().size()).append(" not observed\n").toString();
    }

    /** Facts the local cloud has no row value for (e.g. an x-amzn-ErrorType header): reported, not compared. */
    private static Map<String, String> extras(Observation o) {
        return o.facts().entrySet().stream().filter(e -> !o.row().local.containsKey(e.getKey()))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                        java.util.TreeMap::new));
    }

    public String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        ObjectNode root = mapper.createObjectNode().put("target", target);
        ArrayNode rows = root.putArray("rows");
        for (Observation o : observations) {
            ObjectNode row = rows.addObject().put("id", o.row().id).put("evidence", String.valueOf(o.row().evidence))
                    .put("source", o.row().source).put("verdict", verdict(o).name());
            row.set("local", mapper.valueToTree(new java.util.TreeMap<>(o.row().local)));
            row.set("observed", mapper.valueToTree(o.facts()));
            if (!o.observed()) {
                row.put("missing", o.missing());
            }
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes fidelity.txt and fidelity.json into {@code dir}. */
    public void write(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("fidelity.txt"), text());
            Files.writeString(dir.resolve("fidelity.json"), json());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fidelity report into " + dir, e);
        }
    }
}
