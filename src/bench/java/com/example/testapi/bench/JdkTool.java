package com.example.testapi.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A tool of the contenders' JDK ({@code jcmd}, {@code jfr}, {@code java}) run to completion: its output, or why not. */
final class JdkTool {

    private JdkTool() {
    }

    static String run(Path javaHome, String tool, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve(Path.of("bin", tool)).toString());
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    static String jcmd(Path javaHome, long pid, String... command) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of(String.valueOf(pid)));
        arguments.addAll(List.of(command));
        return run(javaHome, "jcmd", arguments);
    }
}
