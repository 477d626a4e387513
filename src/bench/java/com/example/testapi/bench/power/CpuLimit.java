package com.example.testapi.bench.power;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A CPU-limited cgroup the function's JVM is started in, playing Lambda's memory-proportional CPU share. cgroup v1's
 * cpu controller ({@code cpu.cfs_quota_us} / {@code cpu.cfs_period_us}) where it is mounted, else cgroup v2's
 * {@code cpu.max}; creating either needs root. The JVM joins it by a shell that writes its own pid to
 * {@code cgroup.procs} and then execs java, so not one instruction of the start runs unthrottled.
 */
final class CpuLimit implements AutoCloseable {

    private static final Path V1 = Path.of("/sys/fs/cgroup/cpu");
    /** cgroup v1's CPU accounting: its own hierarchy on some machines, the cpu one's on others (cpu,cpuacct). */
    private static final Path V1_ACCOUNTING = Path.of("/sys/fs/cgroup/cpuacct");
    private static final Path V2 = Path.of("/sys/fs/cgroup");

    private final Path group;
    private final String version;
    /** v1 only: the cpuacct group the process also joins, when cpuacct is a hierarchy of its own. */
    private final Optional<Path> accounting;

    private CpuLimit(Path group, String version, Optional<Path> accounting) {
        this.group = group;
        this.version = version;
        this.accounting = accounting;
    }

    /**
     * A cgroup named {@code name} limited to {@code cores} of CPU per {@code periodUs}; empty, with the reason, when
     * this machine offers none (no cpu controller, not root): the caller then stops, as unthrottled figures would be
     * reported as a memory size's.
     */
    static Result create(String name, double cores, long periodUs) {
        long quotaUs = Math.max(1000, Math.round(cores * periodUs)); // the kernel refuses quotas under 1 ms
        try {
            if (Files.isRegularFile(V1.resolve("cpu.cfs_quota_us"))) {
                Path group = Files.createDirectories(V1.resolve(name));
                Files.writeString(group.resolve("cpu.cfs_period_us"), Long.toString(periodUs));
                Files.writeString(group.resolve("cpu.cfs_quota_us"), Long.toString(quotaUs));
                Optional<Path> accounting = Files.isRegularFile(group.resolve("cpuacct.usage")) ? Optional.empty()
                        : Files.isRegularFile(V1_ACCOUNTING.resolve("cpuacct.usage"))
                                ? Optional.of(Files.createDirectories(V1_ACCOUNTING.resolve(name))) : Optional.empty();
                return new Result(Optional.of(new CpuLimit(group, "v1", accounting)), "");
            }
            Path controllers = V2.resolve("cgroup.controllers");
            if (Files.isRegularFile(controllers) && List.of(Files.readString(controllers).strip().split(" "))
                    .contains("cpu")) {
                // A v2 child only gets the cpu controller when its parent hands it down.
                Files.writeString(V2.resolve("cgroup.subtree_control"), "+cpu");
                Path group = Files.createDirectories(V2.resolve(name));
                Files.writeString(group.resolve("cpu.max"), quotaUs + " " + periodUs);
                return new Result(Optional.of(new CpuLimit(group, "v2", Optional.empty())), "");
            }
            return new Result(Optional.empty(), "no cgroup cpu controller on this machine (neither "
                    + V1.resolve("cpu.cfs_quota_us") + " nor cpu in " + controllers + ")");
        } catch (IOException | RuntimeException e) {
            return new Result(Optional.empty(), "cannot create a CPU-limited cgroup (" + e
                    + "); run as root on a machine with cgroup v1's cpu controller or cgroup v2");
        }
    }

    /** The cgroup, or why there is none. */
    record Result(Optional<CpuLimit> limit, String whyNot) {
    }

    /** The prefix that makes the started process join this cgroup, then exec the rest of its command line. */
    List<String> commandPrefix() {
        Path procs = group.resolve("cgroup.procs");
        // With a separate cpuacct hierarchy the process joins both, so its CPU time is counted as well as limited.
        Path counted = accounting.map(a -> a.resolve("cgroup.procs")).orElse(procs);
        return List.of("/bin/sh", "-c", "echo $$ > \"$0\" && echo $$ > \"$1\" && shift && exec \"$@\"",
                procs.toString(), counted.toString());
    }

    /**
     * CPU time the processes in the group have used, in milliseconds, every thread counted (the JIT's and the
     * collector's too): cpuacct.usage (v1, nanoseconds) or cpu.stat's usage_usec (v2).
     */
    double usageMs() throws IOException {
        if (version.equals("v2")) {
            for (String line : Files.readAllLines(group.resolve("cpu.stat"))) {
                if (line.startsWith("usage_usec ")) {
                    return Long.parseLong(line.substring(11).strip()) / 1000.0;
                }
            }
            throw new IOException("no usage_usec in " + group.resolve("cpu.stat"));
        }
        Path usage = accounting.orElse(group).resolve("cpuacct.usage");
        return Long.parseLong(Files.readString(usage).strip()) / 1e6;
    }

    /** How much CPU the processes in it were refused, from the kernel's own count: proof that the limit bit. */
    long throttledMs() throws IOException {
        for (String line : Files.readAllLines(group.resolve("cpu.stat"))) {
            if (line.startsWith("throttled_time ")) { // v1, nanoseconds
                return Long.parseLong(line.substring(15).strip()) / 1_000_000;
            }
            if (line.startsWith("throttled_usec ")) { // v2
                return Long.parseLong(line.substring(15).strip()) / 1000;
            }
        }
        return 0;
    }

    String version() {
        return version;
    }

    /** Removes the (then empty) cgroup; the processes in it have exited by now. */
    @Override
    public void close() {
        for (Path dir : accounting.isPresent() ? List.of(group, accounting.get()) : List.of(group)) {
            try {
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                System.err.println("could not remove cgroup " + dir + ": " + e.getMessage());
            }
        }
    }
}
