package com.example.testapi.bench;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.example.testapi.local.lambda.PackagedFunction;

/**
 * One thing the benchmark starts: the same runtime client, JVM flags and JDK for all, only the code differs.
 *
 * @param name   the report's key
 * @param label  the table's column
 * @param code   what is on its class path: a function.zip, or the jars and class folders of the plain handler
 * @param events the GET and POST events it answers (the default app has only GET /hello)
 */
record Contender(String name, String label, Starter starter, List<Path> code, Events events) {

    interface Starter {
        PackagedFunction start(Path work, Path javaHome) throws Exception;
    }

    /** The two events a launch alternates in its warm phase (the same one twice for a GET-only app). */
    record Events(byte[] get, byte[] post) {
    }

    /** Bytes of code it ships: the zip, or the plain handler's class path. */
    long codeBytes() throws IOException {
        long total = 0;
        for (Path path : code) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    total += files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
                }
            } else {
                total += Files.size(path);
            }
        }
        return total;
    }

    /**
     * target/function.zip with the Quarkus handler of template.yaml; {@code -Dbench.functionZip=PATH} measures
     * another build of it (a lever that changes the zip).
     */
    static Contender function(Events events) {
        Path zip = functionZip();
        return new Contender("function", "our function (function.zip)", zipStarter(zip, environment(), List.of()),
                List.of(zip), events);
    }

    /** target/function.zip, or the build {@code -Dbench.functionZip=PATH} names. */
    private static Path functionZip() {
        return Path.of(System.getProperty("bench.functionZip", Path.of("target", "function.zip").toString()));
    }

    /** Our function for the warm-path profile: JFR keeps stacks 512 frames deep (Quarkus's are deeper than 64). */
    static Contender profiled(Events events) {
        Path zip = functionZip();
        return new Contender("profiled", "our function, profiled", zipStarter(zip, environment(),
                List.of("-XX:FlightRecorderOptions:stackdepth=512")), List.of(zip), events);
    }

    /**
     * Our function with one lever applied, when {@code -Dbench.lever.zip=PATH} (another build of the zip),
     * {@code -Dbench.lever.javaToolOptions="..."} and/or {@code -Dbench.lever.jvmFlags="..."} (after the runtime's
     * flags, so they override them) is given: a fourth contender in the same run, so the lever is
     * compared launch by launch with the function as it is, not across runs (this machine drifts between runs).
     */
    static java.util.Optional<Contender> lever(Events events) {
        String zipProperty = System.getProperty("bench.lever.zip", "");
        String options = System.getProperty("bench.lever.javaToolOptions", "");
        String flags = System.getProperty("bench.lever.jvmFlags", "");
        if (zipProperty.isBlank() && options.isBlank() && flags.isBlank()) {
            return java.util.Optional.empty();
        }
        Path zip = zipProperty.isBlank() ? Path.of("target", "function.zip") : Path.of(zipProperty);
        Map<String, String> environment = new java.util.HashMap<>(environment());
        if (!options.isBlank()) {
            environment.merge("JAVA_TOOL_OPTIONS", options, (a, b) -> a + " " + b);
        }
        String label = "our function with the lever" + (zipProperty.isBlank() ? "" : " (" + zip.getFileName() + ")")
                + (options.isBlank() ? "" : " (" + options + ")") + (flags.isBlank() ? "" : " (" + flags + ")");
        List<String> extraFlags = flags.isBlank() ? List.of() : List.of(flags.strip().split("\\s+"));
        return java.util.Optional.of(new Contender("lever", label, zipStarter(zip, environment, extraFlags),
                List.of(zip), events));
    }

    /** {@link BaselineHandler}, the same work without a framework, with only what it uses on its class path. */
    static Contender plain(Events events) {
        List<String> classpath = new ArrayList<>();
        for (Class<?> type : List.of(BaselineHandler.class, com.example.testapi.caller.CallerParser.class,
                com.fasterxml.jackson.databind.ObjectMapper.class, com.fasterxml.jackson.core.JsonFactory.class,
                com.fasterxml.jackson.annotation.JsonProperty.class,
                com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.class,
                com.amazonaws.services.lambda.runtime.RequestHandler.class, com.fasterxml.uuid.Generators.class)) {
            String location = location(type);
            if (!classpath.contains(location)) {
                classpath.add(location);
            }
        }
        return new Contender("plain", "same-work plain handler", (work, javaHome) -> PackagedFunction.start(
                PackagedFunction.Launch.of(null, work).withJavaHome(javaHome)
                        .withHandler(BaselineHandler.class.getName() + "::handleRequest", classpath)
                        .withEnvironment(environment()).withExtraJvmFlags(jvmFlags()).withLog(log(work))),
                classpath.stream().map(Path::of).toList(), events);
    }

    /** The archetype's lambda-http app (src/bench/quarkus-default), built by {@link DefaultQuarkusApp}. */
    static Contender quarkusDefault(Path zip, Events events) {
        return new Contender("quarkusDefault", "default Quarkus lambda-http app",
                zipStarter(zip, environment(), List.of()), List.of(zip), events);
    }

    /**
     * The same app answering GET /page, a JSON page the size of our GET's (src/bench/quarkus-default PageResource):
     * the warm path without the payload difference.
     */
    static Contender quarkusDefaultPage(Path zip, Events events) {
        return new Contender("quarkusDefaultPage", "default app, a page-sized answer",
                zipStarter(zip, environment(), List.of()), List.of(zip), events);
    }

    /**
     * Extra JVM options for every contender (as JAVA_TOOL_OPTIONS, the way Lambda passes them), to measure a lever:
     * {@code -Dbench.javaToolOptions="..."}.
     */
    static Map<String, String> environment() {
        String options = System.getProperty("bench.javaToolOptions", "");
        return options.isBlank() ? Map.of() : Map.of("JAVA_TOOL_OPTIONS", options);
    }

    /** A function.zip started as the runtime starts it, with the given environment and extra JVM flags. */
    private static Starter zipStarter(Path zip, Map<String, String> environment, List<String> extraJvmFlags) {
        List<String> flags = new ArrayList<>(jvmFlags());
        flags.addAll(extraJvmFlags);
        return (work, javaHome) -> PackagedFunction.start(PackagedFunction.Launch.of(zip, work).withJavaHome(javaHome)
                .withEnvironment(environment).withExtraJvmFlags(flags).withLog(log(work)));
    }

    /**
     * JVM flags for every contender, after the runtime's (so they override them): {@code -Dbench.jvmFlags=
     * -XX:TieredStopAtLevel=4} measures the JIT mode the runtime uses with SnapStart (full tiered) instead of the
     * on-demand one (C1 only).
     */
    static List<String> jvmFlags() {
        String flags = System.getProperty("bench.jvmFlags", "");
        return flags.isBlank() ? List.of() : List.of(flags.strip().split("\\s+"));
    }

    private static File log(Path work) throws IOException {
        Files.createDirectories(work);
        return work.resolve("function.log").toFile();
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
