import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A build step, not a test: before a build that runs tests compiles anything, it checks that every outside tool the
 * tests drive is here, and lists in one message each one that is missing or too old, with the line that installs it.
 * Without it, a missing tool shows up minutes later as a failure deep inside one test.
 *
 * <p>Run by pom.xml (exec-maven-plugin, phase validate, skipped with the tests: {@code -DskipTests}, or alone with
 * {@code -Dtest-tools.skip=true}) as a single-file program: {@code java .mvn/test-tools/TestTools.java}. It looks the
 * tools up on PATH, and the browser where the browser tests look for it ({@code -Dchromium=…}, {@code -Dchromedriver=…}
 * move both for this check's own test). Exit status 1 when anything is missing.
 */
public class TestTools {

    /** One tool the tests need: whether it is usable here, and how to get it when not. */
    record Finding(String tool, boolean ok, String found, String install) {
    }

    public static void main(String[] args) throws InterruptedException {
        List<Finding> findings = List.of(moto(), file("Chromium", System.getProperty("chromium", "/usr/bin/chromium"),
                "apt-get install chromium"), file("chromedriver", System.getProperty("chromedriver",
                        "/usr/bin/chromedriver"), "apt-get install chromium-driver"),
                awsCli(), jq(), curl(), node());
        List<Finding> missing = findings.stream().filter(f -> !f.ok()).toList();
        if (missing.isEmpty()) {
            System.out.println("[test-tools] all here: "
                    + String.join(", ", findings.stream().map(f -> f.tool() + " " + f.found()).toList()));
            return;
        }
        StringBuilder message = new StringBuilder("[test-tools] The tests need tools this machine lacks:\n");
        for (Finding f : missing) {
            message.append("  - ").append(f.tool()).append(": ").append(f.found()).append("\n      install: ")
                    .append(f.install()).append('\n');
        }
        message.append("Install them and run the build again (docs/testing.md, Prerequisites).\n")
                .append("To build target/function.zip without tests: ./mvnw package -DskipTests\n");
        System.err.print(message);
        System.exit(1);
    }

    /** moto stands in for DynamoDB: a running one named by AWS_ENDPOINT_URL_DYNAMODB, or moto_server to start. */
    static Finding moto() throws InterruptedException {
        String given = System.getenv("AWS_ENDPOINT_URL_DYNAMODB");
        if (given != null && !given.isBlank()) {
            return new Finding("moto_server", true, "at " + given, "");
        }
        Optional<Path> server = onPath("moto_server");
        return new Finding("moto_server", server.isPresent(), server.map(Path::toString).orElse("not on PATH"),
                "pip install 'moto[server]'   (or set AWS_ENDPOINT_URL_DYNAMODB to a running moto)");
    }

    static Finding file(String tool, String where, String install) {
        boolean ok = Files.isExecutable(Path.of(where));
        return new Finding(tool, ok, ok ? where : "no executable at " + where + " (the browser tests use this path)",
                install);
    }

    /** 1.29 (v1) and 2.13 (v2) are the first to honour AWS_ENDPOINT_URL_<SERVICE>: older ones ignore it. */
    static Finding awsCli() throws InterruptedException {
        String install = "pip install 'awscli>=1.29'   (or AWS CLI v2 ≥ 2.13)";
        Optional<String> out = run("aws", "--version");
        if (out.isEmpty()) {
            return new Finding("AWS CLI", false, "not on PATH", install);
        }
        Optional<int[]> version = version(out.get(), "aws-cli/(\\d+)\\.(\\d+)\\.(\\d+)");
        boolean ok = version.map(v -> v[0] == 1 ? atLeast(v, 1, 29, 0) : atLeast(v, 2, 13, 0)).orElse(false);
        return new Finding("AWS CLI", ok, ok ? shown(version.get()) : "too old or unreadable (" + out.get().strip()
                + "): it would ignore AWS_ENDPOINT_URL_<SERVICE> and send the local key to AWS", install);
    }

    static Finding jq() throws InterruptedException {
        Optional<String> out = run("jq", "--version");
        return new Finding("jq", out.isPresent(), out.map(String::strip).orElse("not on PATH"), "apt-get install jq");
    }

    /** 7.75 added --aws-sigv4, which the manual's curl lines use. */
    static Finding curl() throws InterruptedException {
        Optional<String> out = run("curl", "--version");
        Optional<int[]> version = out.flatMap(o -> version(o, "curl (\\d+)\\.(\\d+)\\.(\\d+)"));
        boolean ok = version.map(v -> atLeast(v, 7, 75, 0)).orElse(false);
        String found = version.map(TestTools::shown).orElse(out.isEmpty() ? "not on PATH" : "unreadable version");
        return new Finding("curl", ok, ok ? found : found + " (the manual's --aws-sigv4 needs 7.75 or newer)",
                "apt-get install curl");
    }

    /** Vite's own engines field (src/web, src/test/amplify): ^20.19.0 || >=22.12.0. */
    static Finding node() throws InterruptedException {
        String install = "Node.js 20.19+ or 22.12+ with npm (https://nodejs.org, or your package manager)";
        Optional<int[]> version = run("node", "--version").flatMap(o -> version(o, "v(\\d+)\\.(\\d+)\\.(\\d+)"));
        boolean npm = run("npm", "--version").isPresent();
        boolean ok = npm && version.map(v -> v[0] == 20 ? atLeast(v, 20, 19, 0) : atLeast(v, 22, 12, 0))
                .orElse(false);
        String found = version.map(TestTools::shown).orElse("node not on PATH") + (npm ? "" : ", npm not on PATH");
        return new Finding("Node.js", ok, ok ? found : found + " (Vite needs ^20.19.0 || >=22.12.0)", install);
    }

    static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The tool's output (stdout and stderr: old AWS CLIs print their version on stderr), or empty if it cannot run. */
    static Optional<String> run(String name, String... args) throws InterruptedException {
        Optional<Path> tool = onPath(name);
        if (tool.isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>(List.of(tool.get().toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Optional<int[]> version(String text, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        return m.find() ? Optional.of(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))}) : Optional.empty();
    }

    static boolean atLeast(int[] v, int major, int minor, int patch) {
        return v[0] != major ? v[0] > major : v[1] != minor ? v[1] > minor : v[2] >= patch;
    }

    static String shown(int[] v) {
        return v[0] + "." + v[1] + "." + v[2];
    }
}
