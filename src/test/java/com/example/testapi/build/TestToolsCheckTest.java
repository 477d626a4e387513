package com.example.testapi.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's first step in a run with tests ({@code .mvn/test-tools/TestTools.java}), run as pom.xml runs it, on a
 * PATH of stand-in tools that print the versions chosen here: it names every missing or too old tool in one message,
 * with the line that installs it (this system's), and passes when all are there. The stand-ins are shell scripts:
 * not run on Windows, where a tool is an .exe or .cmd (CI runs them on Linux).
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the stand-in tools are POSIX shell scripts")
class TestToolsCheckTest {

    private static final String OS_NAME = System.getProperty("os.name", "");
    /** The install lines the check gives on this system for Chromium and chromedriver. */
    private static final List<String> BROWSER_INSTALLS = OS_NAME.startsWith("Mac")
            ? List.of("install: brew install --cask chromium", "install: brew install --cask chromedriver")
            : List.of("install: apt-get install chromium", "install: apt-get install chromium-driver");
    /** The install lines of moto, the AWS CLI and jq on this system. */
    private static final List<String> TOOL_INSTALLS = OS_NAME.startsWith("Mac")
            ? List.of("install: pipx install 'moto[server]'", "install: brew install awscli", "install: brew install jq")
            : List.of("install: pipx install 'moto[server]'", "install: pipx install 'awscli>=1.29'",
                    "install: apt-get install jq");

    @TempDir
    Path bin;

    private record Run(int exit, String out) {
    }

    /** A stand-in executable that prints {@code output} and succeeds. */
    private Path tool(String name, String output) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\necho '" + output + "'\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private Run check(Map<String, String> env, String chromium, String chromedriver) throws Exception {
        return check(env, List.of("-Dchromium=" + chromium, "-Dchromedriver=" + chromedriver,
                ".mvn/test-tools/TestTools.java"));
    }

    private Run check(Map<String, String> env, List<String> arguments) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("AWS_ENDPOINT_URL_DYNAMODB");
        builder.environment().remove("CHROME_BIN"); // the developer's own would come before the stand-ins
        builder.environment().remove("CHROMEDRIVER");
        builder.environment().put("PATH", bin.toString());
        builder.environment().putAll(env);
        Path out = bin.resolve("out.txt");
        Process process = builder.redirectOutput(out.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the check finished");
        return new Run(process.exitValue(), Files.readString(out));
    }

    @Test
    void everyMissingOrOldToolIsNamedOnceWithItsInstallLine() throws Exception {
        tool("aws", "aws-cli/1.27.0 Python/3.11.7 Linux/6.1 botocore/1.29.0");
        tool("curl", "curl 7.74.0 (x86_64-pc-linux-gnu) libcurl/7.74.0");
        tool("node", "v20.18.1");
        tool("npm", "10.8.2");
        Run run = check(Map.of(), "/nonexistent/chromium", "/nonexistent/chromedriver");

        assertEquals(1, run.exit(), run.out());
        for (String line : List.of("moto_server: not on PATH", TOOL_INSTALLS.get(0),
                "Chromium: no executable at /nonexistent/chromium", BROWSER_INSTALLS.get(0),
                "chromedriver: no executable at /nonexistent/chromedriver", BROWSER_INSTALLS.get(1),
                "AWS CLI: too old or unreadable (aws-cli/1.27.0", TOOL_INSTALLS.get(1),
                "jq: not on PATH", TOOL_INSTALLS.get(2),
                "curl: 7.74.0 (the manual's --aws-sigv4 needs 7.75 or newer)",
                "Node.js: 20.18.1 (Vite needs ^20.19.0 || >=22.12.0)",
                "To build target/function.zip without tests: ./mvnw package -DskipTests")) {
            assertTrue(run.out().contains(line), () -> "missing \"" + line + "\" in:\n" + run.out());
        }
        assertEquals(7, run.out().lines().filter(l -> l.startsWith("      install: ")).count(), run.out());
    }

    /** Stand-ins for every tool, each of a version the check takes, the browser and its driver included. */
    private void everyToolRecentEnough() throws IOException {
        tool("aws", "aws-cli/2.13.0 Python/3.11.4 Linux/6.1 exe/x86_64");
        tool("curl", "curl 7.75.0 (x86_64-pc-linux-gnu)");
        tool("node", "v22.12.0");
        tool("npm", "10.9.0");
        tool("jq", "jq-1.6");
        tool("chromium", "Chromium 140");
        tool("chromedriver", "ChromeDriver 140");
    }

    @Test
    void allToolsHerePassesAndSaysWhatItFound() throws Exception {
        everyToolRecentEnough();
        Path chromium = bin.resolve("chromium");
        Path chromedriver = bin.resolve("chromedriver");
        Run run = check(Map.of("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:5000"), chromium.toString(),
                chromedriver.toString());

        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().startsWith("[test-tools] all here: moto_server at http://127.0.0.1:5000"), run.out());
        assertTrue(run.out().contains("AWS CLI 2.13.0") && run.out().contains("Node.js 22.12.0"), run.out());
    }

    /**
     * Not named (pom.xml passes the -D values empty): the browser is looked for in CHROME_BIN, then on PATH (before
     * the usual places), and what was found is written where the browser tests read it. So a Chromium installed
     * anywhere on PATH, as on macOS or Windows, is the one the tests drive.
     */
    @Test
    void theBrowserOnPathIsFoundAndWrittenForTheBrowserTests() throws Exception {
        everyToolRecentEnough();
        Path chromium = bin.resolve("chromium");
        Path chromedriver = bin.resolve("chromedriver");
        Path found = bin.resolve("found").resolve("browser.properties");
        Run run = check(Map.of("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:5000"),
                List.of("-Dchromium=", "-Dchromedriver=", ".mvn/test-tools/TestTools.java",
                found.toString()));

        assertEquals(0, run.exit(), run.out());
        java.util.Properties written = new java.util.Properties();
        try (var in = Files.newBufferedReader(found)) {
            written.load(in);
        }
        assertEquals(chromium.toAbsolutePath().toString(), written.getProperty("chromium"));
        assertEquals(chromedriver.toAbsolutePath().toString(), written.getProperty("chromedriver"));

        Path elsewhere = Files.createDirectories(bin.resolve("elsewhere")).resolve("chrome-for-testing");
        Files.copy(chromium, elsewhere, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        Run named = check(Map.of("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:5000", "CHROME_BIN",
                elsewhere.toString()), List.of("-Dchromium=", "-Dchromedriver=", ".mvn/test-tools/TestTools.java",
                found.toString()));
        assertEquals(0, named.exit(), named.out());
        assertTrue(Files.readString(found).contains("chromium=" + elsewhere.toAbsolutePath()), "CHROME_BIN first");
    }
}
