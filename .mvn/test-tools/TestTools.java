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
 * {@code -Dtest-tools.skip=true}) as a single-file program: {@code java .mvn/test-tools/TestTools.java [FILE]}. It
 * looks the tools up on PATH, and the browser as {@link Browsers} says; it writes what it found of the browser to
 * FILE (target/test-tools/browser.properties), where the browser tests read it. Exit status 1 when anything is
 * missing.
 */
public class TestTools {

    /** One tool the tests need: whether it is usable here, and how to get it when not. */
    record Finding(String tool, boolean ok, String found, String install) {
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        Optional<Path> chromium = Browsers.chromium();
        Optional<Path> chromedriver = Browsers.chromedriver();
        List<Finding> findings = List.of(moto(), Browsers.chromiumFinding(chromium),
                Browsers.chromedriverFinding(chromedriver), awsCli(), jq(), curl(), node());
        if (args.length > 0) { // where the browser tests read what was found (pom.xml: target/test-tools)
            Path found = Path.of(args[0]);
            Files.createDirectories(found.toAbsolutePath().getParent());
            Files.writeString(found, "chromium=" + chromium.map(Browsers::escaped).orElse("") + "\nchromedriver="
                    + chromedriver.map(Browsers::escaped).orElse("") + "\n");
        }
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
        message.append("Install them and run the build again (README.md, Platforms and Prerequisites).\n")
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
                forThisSystem("pipx install 'moto[server]'", "pipx install 'moto[server]'", "pip install 'moto[server]'")
                        + "   (or set AWS_ENDPOINT_URL_DYNAMODB to a running moto)");
    }

    /** 1.29 (v1) and 2.13 (v2) are the first to honour AWS_ENDPOINT_URL_<SERVICE>: older ones ignore it. */
    static Finding awsCli() throws InterruptedException {
        String install = forThisSystem("pipx install 'awscli>=1.29'", "brew install awscli",
                "winget install Amazon.AWSCLI") + "   (v1 ≥ 1.29 or v2 ≥ 2.13)";
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
        return new Finding("jq", out.isPresent(), out.map(String::strip).orElse("not on PATH"),
                forThisSystem("apt-get install jq", "brew install jq", "winget install jqlang.jq"));
    }

    /** 7.75 added --aws-sigv4, which the manual's curl lines use. */
    static Finding curl() throws InterruptedException {
        Optional<String> out = run("curl", "--version");
        Optional<int[]> version = out.flatMap(o -> version(o, "curl (\\d+)\\.(\\d+)\\.(\\d+)"));
        boolean ok = version.map(v -> atLeast(v, 7, 75, 0)).orElse(false);
        String found = version.map(TestTools::shown).orElse(out.isEmpty() ? "not on PATH" : "unreadable version");
        return new Finding("curl", ok, ok ? found : found + " (the manual's --aws-sigv4 needs 7.75 or newer)",
                forThisSystem("apt-get install curl", "brew install curl", "curl.exe ships with Windows 10 and 11"));
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

    /** The install line for this system: Linux's, macOS's (Homebrew) or Windows' (winget). */
    static String forThisSystem(String linux, String mac, String windows) {
        String os = System.getProperty("os.name", "");
        return os.startsWith("Mac") ? mac : os.startsWith("Windows") ? windows : linux;
    }

    /** {@code name} on PATH; on Windows with each of PATHEXT's endings (.EXE, .CMD…) as the shell tries them. */
    static Optional<Path> onPath(String name) {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        List<String> endings = windows ? List.of(System.getenv().getOrDefault("PATHEXT", ".EXE;.CMD;.BAT")
                .toLowerCase(java.util.Locale.ROOT).split(";")) : List.of("");
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String ending : endings) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, name + ending);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
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

    /**
     * Where the browser tests find Chromium (or Chrome) and its chromedriver: {@code -Dchromium=…} /
     * {@code -Dchromedriver=…} when given (then only there), else {@code CHROME_BIN} / {@code CHROMEDRIVER}, else on
     * PATH, else the usual install places of Linux, macOS and Windows. A chromedriver found nowhere is left to
     * Selenium Manager, Selenium's own driver discovery (which may download one).
     */
    static final class Browsers {

        private static final String OS = System.getProperty("os.name", "");

        static Optional<Path> chromium() {
            return find("chromium", "CHROME_BIN", List.of("chromium", "chromium-browser", "google-chrome",
                    "google-chrome-stable", "chrome"), List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
                    "/snap/bin/chromium", "/Applications/Chromium.app/Contents/MacOS/Chromium",
                    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
                    windows("ProgramFiles", "Google\\Chrome\\Application\\chrome.exe"),
                    windows("ProgramFiles(x86)", "Google\\Chrome\\Application\\chrome.exe"),
                    windows("LOCALAPPDATA", "Google\\Chrome\\Application\\chrome.exe")));
        }

        static Optional<Path> chromedriver() {
            return find("chromedriver", "CHROMEDRIVER", List.of("chromedriver"), List.of("/usr/bin/chromedriver",
                    "/usr/lib/chromium/chromedriver", "/opt/homebrew/bin/chromedriver", "/usr/local/bin/chromedriver"));
        }

        private static Optional<Path> find(String property, String variable, List<String> names, List<String> places) {
            String given = System.getProperty(property, "");
            if (!given.isBlank()) {
                return executable(given);
            }
            String fromEnv = System.getenv(variable);
            if (fromEnv != null && !fromEnv.isBlank()) {
                return executable(fromEnv);
            }
            for (String name : names) {
                Optional<Path> found = onPath(name);
                if (found.isPresent()) {
                    return found;
                }
            }
            return places.stream().filter(p -> !p.isEmpty()).map(Browsers::executable).flatMap(Optional::stream)
                    .findFirst();
        }

        private static Optional<Path> executable(String where) {
            Path path = Path.of(where);
            return Files.isRegularFile(path) && Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }

        /** {@code %VARIABLE%\\rest} on Windows, nothing elsewhere. */
        private static String windows(String variable, String rest) {
            String base = System.getenv(variable);
            return OS.startsWith("Windows") && base != null ? base + "\\" + rest : "";
        }

        static Finding chromiumFinding(Optional<Path> found) {
            String where = named("chromium");
            return new Finding("Chromium", found.isPresent(), found.map(Path::toString).orElse(where != null
                    ? "no executable at " + where : "not in CHROME_BIN, on PATH or in the usual places"),
                    OS.startsWith("Mac") ? "brew install --cask chromium   (or Google Chrome; or set CHROME_BIN)"
                    : OS.startsWith("Windows") ? "winget install Google.Chrome   (or set CHROME_BIN)"
                    : "apt-get install chromium   (Fedora: dnf install chromium; or set CHROME_BIN)");
        }

        /** A missing chromedriver fails only when it was named: otherwise Selenium Manager looks for one. */
        static Finding chromedriverFinding(Optional<Path> found) {
            String where = named("chromedriver");
            boolean named = where != null || System.getenv("CHROMEDRIVER") != null;
            return new Finding("chromedriver", found.isPresent() || !named, found.map(Path::toString)
                    .orElse(named ? "no executable at " + (where != null ? where : System.getenv("CHROMEDRIVER"))
                            : "left to Selenium Manager (not on PATH or in the usual places; it may download one)"),
                    OS.startsWith("Mac") ? "brew install --cask chromedriver"
                    : OS.startsWith("Windows") ? "winget install Chromium.ChromeDriver"
                    : "apt-get install chromium-driver   (Fedora: dnf install chromedriver)");
        }

        /** The {@code -D} value given for {@code property}; null when none or empty (Maven passes it empty). */
        private static String named(String property) {
            String given = System.getProperty(property, "");
            return given.isBlank() ? null : given;
        }

        /** A path as a properties value (a Windows path's backslashes kept). */
        static String escaped(Path path) {
            return path.toAbsolutePath().toString().replace("\\", "\\\\");
        }
    }
}
