package com.example.testapi.bench.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Where a warm request's samples go, layer by layer, from collapsed stacks ({@code root;…;leaf COUNT}, as
 * async-profiler's converter writes them): each sample belongs to the innermost frame that names a layer, so a
 * {@code HashMap.get} that Jackson calls counts as JSON. Layers are matched in the order below, first match wins.
 */
public final class Layers {

    /** A layer and the frames (class names, '/' or '.' separated) that make it. */
    public record Layer(String name, Pattern frames) {
    }

    public static final List<Layer> LAYERS = List.of(
            layer("logging (JSON formatter, MDC, access line)",
                    "org.jboss.logmanager|io.quarkus.logging|org.jboss.logging|com.example.testapi.api.AccessLog"),
            layer("security (identity, augmentor, role check)",
                    "io.quarkus.security|io.quarkus.vertx.http.runtime.security|io.quarkus.amazon.lambda.http.LambdaIdentityProvider|com.example.testapi.caller.RolePermissions|io.quarkus.resteasy.reactive.server.runtime.security"),
            layer("our code (caller, validation, resource)", "com.example.testapi.api|com.example.testapi.caller"),
            layer("the item store", "com.example.testapi.items"),
            layer("JSON (Jackson)", "com.fasterxml.jackson"),
            layer("event mapping (lambda-http)",
                    "io.quarkus.amazon.lambda|com.amazonaws.services.lambda.runtime.events|com.amazonaws.services.lambda.runtime.serialization"),
            layer("RESTEasy Reactive dispatch", "org.jboss.resteasy.reactive|io.quarkus.resteasy.reactive"),
            layer("Vert.x / Netty", "io.vertx|io.netty|io.quarkus.vertx"),
            layer("CDI (ArC), Mutiny, config", "io.quarkus.arc|io.smallrye|io.quarkus.runtime"),
            layer("Lambda runtime client (polling, I/O)", "com.amazonaws.services.lambda.runtime"));

    public static final String OTHER = "JDK and other";

    private Layers() {
    }

    private static Layer layer(String name, String prefixes) {
        String alternatives = String.join("|", java.util.Arrays.stream(prefixes.split("\\|"))
                .map(p -> Pattern.quote(p.replace('.', '/')) + "|" + Pattern.quote(p)).toList());
        return new Layer(name, Pattern.compile("^(?:" + alternatives + ")"));
    }

    /** Samples per layer (in {@link #LAYERS} order, then {@link #OTHER}), from collapsed-stack lines. */
    public static Map<String, Long> samples(List<String> collapsed) {
        Map<String, Long> counts = new LinkedHashMap<>();
        LAYERS.forEach(layer -> counts.put(layer.name(), 0L));
        counts.put(OTHER, 0L);
        for (String line : collapsed) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            long count = Long.parseLong(line.substring(space + 1).strip());
            String[] frames = line.substring(0, space).split(";");
            counts.merge(layerOf(frames), count, Long::sum);
        }
        return counts;
    }

    /** The layer of the innermost frame that has one. */
    static String layerOf(String[] frames) {
        for (int i = frames.length - 1; i >= 0; i--) {
            for (Layer layer : LAYERS) {
                if (layer.frames().matcher(frames[i]).find()) {
                    return layer.name();
                }
            }
        }
        return OTHER;
    }

    /** The leaf frames with the most samples (self time), at most {@code limit}. */
    public static Map<String, Long> topLeaves(List<String> collapsed, int limit) {
        Map<String, Long> leaves = new TreeMap<>();
        for (String line : collapsed) {
            int space = line.lastIndexOf(' ');
            if (space > 0) {
                String stack = line.substring(0, space);
                leaves.merge(stack.substring(stack.lastIndexOf(';') + 1), Long.parseLong(line.substring(space + 1)
                        .strip()), Long::sum);
            }
        }
        Map<String, Long> top = new LinkedHashMap<>();
        leaves.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }
}
