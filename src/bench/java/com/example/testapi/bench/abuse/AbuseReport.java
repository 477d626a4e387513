package com.example.testapi.bench.abuse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What an abuse run saw: each kind's answers by status, the heap after a full GC before and after the run, the slow
 * connections the servers dropped, and whether a real user and an administrator still signed in. It held when no
 * answer was a 5xx or missing, every kind got only its expected statuses, the slow connections were dropped when the
 * limit says, and both signed in.
 */
final class AbuseReport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final int seconds;
    private final int clients;
    private final Map<String, Object> machine;
    // Guarded by this.
    private final Map<AbuseRun.Kind, Map<String, Long>> answers = new EnumMap<>(AbuseRun.Kind.class);
    private long heapBefore;
    private long heapAfter;
    private int signInsDuring;
    private int triedDuring;
    private boolean userSignsIn;
    private boolean administratorSignsIn;
    private int slowOpened;
    private int slowDropped;
    private double slowEarliestDrop;
    private double slowLatestDrop;

    AbuseReport(int seconds, int clients, Map<String, Object> machine) {
        this.seconds = seconds;
        this.clients = clients;
        this.machine = machine;
    }

    synchronized void count(AbuseRun.Kind kind, String status) {
        answers.computeIfAbsent(kind, k -> new TreeMap<>()).merge(status, 1L, Long::sum);
    }

    synchronized void slow(int opened, int dropped, double earliestDrop, double latestDrop) {
        this.slowOpened = opened;
        this.slowDropped = dropped;
        this.slowEarliestDrop = earliestDrop;
        this.slowLatestDrop = latestDrop;
    }

    /** Whether the slow connections went as the limit says. */
    synchronized boolean slowHeld() {
        // Dropped at the 60 s limit, seen within a trickle (2 s): none before 58 s, and every one once the run has
        // gone past the limit and three trickles.
        return (slowDropped == 0 || slowEarliestDrop >= 58) && (seconds < 66 || slowDropped == slowOpened);
    }

    synchronized void finish(long before, long after, int okDuring, int tried, boolean signsIn, boolean adminSignsIn) {
        this.administratorSignsIn = adminSignsIn;
        this.heapBefore = before;
        this.heapAfter = after;
        this.signInsDuring = okDuring;
        this.triedDuring = tried;
        this.userSignsIn = signsIn;
    }

    synchronized boolean held() {
        return userSignsIn && administratorSignsIn && slowHeld() && slowOpened > 0 && signInsDuring == triedDuring && triedDuring > 0 && answers.size() == AbuseRun.Kind.values().length && answers.entrySet().stream()
                .allMatch(e -> e.getKey().expected.containsAll(e.getValue().keySet()));
    }

    synchronized long requests() {
        return answers.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
    }

    /** Answers by status, over every kind. */
    synchronized Map<String, Long> byStatus() {
        Map<String, Long> total = new TreeMap<>();
        answers.values().forEach(m -> m.forEach((answer, n) -> total.merge(answer.split(" ")[0], n, Long::sum)));
        return total;
    }

    synchronized String text() {
        StringBuilder text = new StringBuilder("Abuse run of the local cloud: " + clients + " callers, " + seconds
                + " s, " + requests() + " requests (" + machine.get("cpuModel") + ", " + machine.get("cpus")
                + " cores)\n");
        answers.forEach((kind, statuses) -> text.append(String.format("  %-26s %s (expected %s)%n", kind, statuses,
                kind.expected)));
        text.append("  alice's sign-ins during the flood: ").append(signInsDuring).append(" of ").append(triedDuring)
                .append(" answered 200\n");
        text.append("  answers by status: ").append(byStatus()).append('\n');
        text.append(String.format("  heap after a full GC: %.1f MiB before, %.1f MiB after (%+.1f MiB)%n",
                heapBefore / 1048576.0, heapAfter / 1048576.0, (heapAfter - heapBefore) / 1048576.0));
        text.append("  alice signs in after the run: ").append(userSignsIn ? "yes" : "NO").append('\n');
        text.append("  ada signs in with her code after the run, as an administrator (the trigger ran): ")
                .append(administratorSignsIn ? "yes" : "NO").append('\n');
        text.append(String.format("  slow bodies: %d connections held, %d dropped by the servers%s%n", slowOpened,
                slowDropped, slowLatestDrop < 0 ? "" : String.format(" (the last %.0f s into the run)", slowLatestDrop)))
                .append(slowHeld() ? "" : "  SLOW CONNECTIONS NOT AS THE 60 s LIMIT SAYS\n");
        text.append(held() ? "  held: every answer as expected, no 5xx\n" : "  DID NOT HOLD\n");
        return text.toString();
    }

    synchronized void write(Path dir) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", "./mvnw -Pabuse package -Dabuse.seconds=" + seconds + " -Dabuse.clients=" + clients);
        json.put("machine", machine);
        json.put("seconds", seconds);
        json.put("clients", clients);
        json.put("requests", requests());
        Map<String, Object> kinds = new LinkedHashMap<>();
        answers.forEach((kind, statuses) -> kinds.put(kind.name(), Map.of("answers", statuses, "expected",
                kind.expected)));
        json.put("kinds", kinds);
        json.put("byStatus", byStatus());
        json.put("heapBeforeBytes", heapBefore);
        json.put("heapAfterBytes", heapAfter);
        json.put("userSignInsDuring", Map.of("ok", signInsDuring, "tried", triedDuring));
        json.put("userSignsInAfter", userSignsIn);
        json.put("administratorSignsInAfter", administratorSignsIn);
        json.put("slowBodies", Map.of("opened", slowOpened, "dropped", slowDropped, "earliestDropSeconds",
                slowEarliestDrop, "latestDropSeconds", slowLatestDrop));
        json.put("held", held());
        Files.writeString(dir.resolve("abuse.json"), MAPPER.writeValueAsString(json));
        Files.writeString(dir.resolve("abuse.txt"), text());
    }
}
