package com.example.testapi.bench;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.example.testapi.local.lambda.PackagedFunction;


/** How each contender is started: the same runtime client, JVM flags and JDK, only the code on the class path differs. */
final class Launches {

    private Launches() {
    }

    /**
     * Extra JVM options for both contenders (as JAVA_TOOL_OPTIONS, the way template.yaml passes them), to measure a
     * lever: {@code -Dbench.javaToolOptions="..."}.
     */
    static Map<String, String> environment() {
        String options = System.getProperty("bench.javaToolOptions", "");
        return options.isBlank() ? Map.of() : Map.of("JAVA_TOOL_OPTIONS", options);
    }

    /** target/function.zip with the Quarkus handler of template.yaml. */
    static PackagedFunction quarkus(Path work, Path javaHome) throws Exception {
        return PackagedFunction.start(PackagedFunction.Launch.of(Path.of("target", "function.zip"), work)
                .withJavaHome(javaHome).withEnvironment(environment()).withLog(log(work)));
    }

    /** {@link BaselineHandler} with only what it uses: our classes, Jackson, the Lambda events, the UUID library. */
    static PackagedFunction baseline(Path work, Path javaHome) throws Exception {
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
        return PackagedFunction.start(new PackagedFunction.Launch(null, work, javaHome,
                BaselineHandler.class.getName() + "::handleRequest", classpath, environment(), log(work)));
    }

    static Instant awaitReady(PackagedFunction function) throws Exception {
        return function.awaitReady(Duration.ofSeconds(120));
    }

    private static File log(Path work) throws java.io.IOException {
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
