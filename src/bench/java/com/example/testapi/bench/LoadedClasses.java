package com.example.testapi.bench;

import java.io.IOException;
import java.nio.file.Path;

/**
 * How many classes a running function's JVM has loaded, read from its performance counters with the JDK's jcmd
 * ({@code java.cls.loadedClasses}): no extra JVM flag, so the cold start being measured is not slowed by logging.
 */
final class LoadedClasses {

    private static final String COUNTER = "java.cls.loadedClasses=";

    private LoadedClasses() {
    }

    static long of(long pid, Path javaHome) throws IOException, InterruptedException {
        return parse(JdkTool.jcmd(javaHome, pid, "PerfCounter.print"));
    }

    /** The counter's value in jcmd's {@code name=value} lines. */
    static long parse(String perfCounters) {
        return perfCounters.lines().map(String::strip).filter(line -> line.startsWith(COUNTER))
                .mapToLong(line -> Long.parseLong(line.substring(COUNTER.length()))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + COUNTER + " counter"));
    }
}
