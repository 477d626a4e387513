package com.example.testapi.bench.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The power-tuning run's arithmetic: CPU share and heap per size, billing, cost, and the recommendation rule. */
class PowerRuleTest {

    @Test
    void sizeGetsLambdasCpuShareAndTheRuntimesHeap() {
        LambdaSize small = LambdaSize.of(512, 2);
        assertEquals(512 / 1769.0, small.cores(), 1e-9);
        // The java runtime's own flag at 512 MB, as recorded on Lambda: 85 % of the memory in KiB.
        assertEquals(List.of("-XX:MaxHeapSize=445645k"), small.jvmFlags());
        assertEquals("512", small.environment().get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"));
        assertEquals(1.0, LambdaSize.of(1769, 2).cores(), 1e-9);
        assertFalse(LambdaSize.of(3008, 2).capped(), "1.7 vCPUs fit in two cores");
        LambdaSize big = LambdaSize.of(10240, 2);
        assertTrue(big.capped());
        assertEquals(2.0, big.cores());
    }

    @Test
    void eachRequestIsBilledRoundedUpToTheMillisecond() {
        assertEquals((2 + 3 + 3 + 4) / 4.0, SizeLauncher.meanBilled(List.of(1.01, 3.0, 2.2, 3.9)), 1e-9);
    }

    @Test
    void costPerMillionFollowsThePriceFile() throws Exception {
        Prices prices = Prices.load(Prices.FILE);
        // 1024 MB for 10 ms = 0.01 GB-s per request.
        assertEquals(1e6 * 0.01 * 0.0000166667 + 0.20, prices.lambdaPerMillion(1024, 10), 1e-9);
        // GET: 2 read units (today's 21 items of ~320 bytes: 6.7 KB, 2 units of 4 KB, strongly consistent); POST with
        // its Idempotency-Key: the key record, then the item, 1 write unit each (RequestUnitsTest measures both).
        assertEquals(1.00 + 2 * 0.125, prices.aroundLambdaPerMillion("GET"), 1e-9);
        assertEquals(1.00 + 2 * 0.625, prices.aroundLambdaPerMillion("POST"), 1e-9);
        StorageWait storage = StorageWait.load(prices);
        assertEquals(1, storage.calls("GET"), "one Query: today's page");
        assertEquals(2, storage.calls("POST"), "two PutItems: the key record, then the item");
    }

    @Test
    void aPriceIsOverriddenOnTheCommandLine() throws Exception {
        System.setProperty("bench.price.httpApiPerMillionRequests", "3.5");
        try {
            Prices prices = Prices.load(Prices.FILE);
            assertEquals(3.5 + 2 * 0.625, prices.aroundLambdaPerMillion("POST"), 1e-9);
            assertEquals(Map.of("httpApiPerMillionRequests", 3.5), prices.overridden());
        } finally {
            System.clearProperty("bench.price.httpApiPerMillionRequests");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void recommendsTheCheapestSizeWithinTheBoundsThatHoldsTheFunction() throws Exception {
        Map<Integer, SizeFigures> figures = new LinkedHashMap<>();
        figures.put(128, figures(9000, 40, 200)); // cold start out of bounds, and RSS over 128 MB
        figures.put(512, figures(2500, 6, 180)); // within bounds
        figures.put(1024, figures(1500, 4, 180)); // within bounds, but 1 GB x 4 ms costs more than 0.5 GB x 6 ms
        SizeFigures failed = new SizeFigures();
        failed.failures.add("IllegalStateException: the function did not start");
        figures.put(256, failed);
        Map<String, Object> report = report(figures, List.of(0), 0, StartMode.ONDEMAND);
        Map<String, Object> sizes = (Map<String, Object>) report.get("sizes");
        assertEquals(false, ((Map<String, Object>) sizes.get("128")).get("fits"));
        assertEquals(false, ((Map<String, Object>) sizes.get("256")).get("fits"));
        assertEquals(512, ((Map<String, Object>) report.get("recommendation")).get("memoryMb"));
        assertTrue(PowerReport.markdown(report).contains("| 256 | 0.145 | did not start |"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void recommendsNothingWhenNoSizeMeetsTheBounds() throws Exception {
        Map<Integer, SizeFigures> figures = Map.of(512, figures(60_000, 6, 180));
        Map<String, Object> report = report(figures, List.of(0), 0, StartMode.ONDEMAND);
        assertNull(((Map<String, Object>) report.get("recommendation")).get("memoryMb"));
    }

    /** A storage wait is billed: each request waits its calls (GET 2, POST 1) x the wait, rounded up after. */
    @Test
    void aStorageWaitIsAddedPerCallBeforeRounding() {
        assertEquals((Math.ceil(1.2 + 10) + Math.ceil(2.5 + 10)) / 2, SizeLauncher.meanBilled(List.of(1.2, 2.5), 10),
                1e-9);
        assertEquals(2.0, SizeLauncher.meanBilled(List.of(1.2), 0), 1e-9);
    }

    /**
     * The wait moves the choice: at 1,769 MB a request takes 1.5 ms, at 512 MB 8 ms. Without a wait the larger size
     * bills 2 ms x 1769 MB, less than 8 ms x 512 MB; with 5 ms a call the wait dominates both, and the smaller memory
     * wins. The picture and the per-wait table say so.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theCheapestSizeDependsOnTheStorageWait() throws Exception {
        Map<Integer, SizeFigures> figures = new LinkedHashMap<>();
        figures.put(512, figures(2500, 8, 180));
        figures.put(1769, figures(1200, 1.5, 180));
        Map<String, Object> report = report(figures, List.of(0, 5), 5, StartMode.SNAPSTART);
        Map<String, Object> byWait = (Map<String, Object>) report.get("recommendationByWait");
        assertEquals(1769, ((Map<String, Object>) byWait.get("0")).get("memoryMb"));
        assertEquals(512, ((Map<String, Object>) byWait.get("5")).get("memoryMb"));
        assertEquals(512, ((Map<String, Object>) report.get("recommendation")).get("memoryMb"), "at the default wait");
        Map<String, Object> at512 = (Map<String, Object>) ((Map<String, Object>) report.get("sizes")).get("512");
        assertEquals(Map.of("billedMsGet", 18.0, "billedMsPost", 13.0, "meanCostPerMillion",
                PowerReport.meanCost(at512, 5)), ((Map<String, Object>) at512.get("byStorageWaitMs")).get("5"));
        assertTrue(PowerReport.markdown(report).contains("| 512 MB |"), PowerReport.markdown(report));
    }

    /** SnapStart (what template.yaml deploys) makes the on-demand cold start no bound; the 10 s init limit stays. */
    @Test
    @SuppressWarnings("unchecked")
    void theStartModeDecidesTheColdBoundAndTheInitLimitAlwaysHolds() throws Exception {
        Map<Integer, SizeFigures> figures = new LinkedHashMap<>();
        figures.put(256, figures(14_000, 3, 150)); // init 11.2 s: over Lambda's 10 s
        figures.put(512, figures(6_000, 4, 150)); // init 4.8 s, cold start 6 s: out only where the cold start is a bound
        figures.put(1769, figures(1_800, 2, 150));
        Map<String, Object> snapStart = report(figures, List.of(5), 5, StartMode.SNAPSTART);
        Map<String, Object> sizes = (Map<String, Object>) snapStart.get("sizes");
        assertEquals(true, ((Map<String, Object>) sizes.get("256")).get("initOverLambdaLimit"));
        assertEquals(false, ((Map<String, Object>) sizes.get("256")).get("withinBounds"));
        assertEquals(true, ((Map<String, Object>) sizes.get("512")).get("withinBounds"));
        assertEquals(512, ((Map<String, Object>) snapStart.get("recommendation")).get("memoryMb"));
        Map<String, Object> onDemand = report(figures, List.of(5), 5, StartMode.ONDEMAND);
        assertEquals(1769, ((Map<String, Object>) onDemand.get("recommendation")).get("memoryMb"));
    }

    /** The warm bound judges the p99 at the shorter scheduling period when there is one, not the quota's period. */
    @Test
    @SuppressWarnings("unchecked")
    void theWarmBoundIsJudgedAtTheShortPeriod() throws Exception {
        SizeFigures f = figures(2000, 5, 150);
        f.getP99Ms.set(0, 150.0); // a request that found the 100 ms period's quota spent
        Map<String, Object> without = report(Map.of(512, f), List.of(0), 0, StartMode.SNAPSTART);
        assertEquals(false, ((Map<String, Object>) ((Map<String, Object>) without.get("sizes")).get("512"))
                .get("withinBounds"));
        f.getP99ShortPeriodMs.add(30.0);
        f.postP99ShortPeriodMs.add(25.0);
        Map<String, Object> with = report(Map.of(512, f), List.of(0), 0, StartMode.SNAPSTART);
        Map<String, Object> size = (Map<String, Object>) ((Map<String, Object>) with.get("sizes")).get("512");
        assertEquals(true, size.get("withinBounds"));
        assertEquals(30.0, size.get("warmP99JudgedMs"));
    }

    /** Steady state: the last three window medians within the tolerance of their middle one. */
    @Test
    void steadyWhenThreeWindowsAgree() {
        assertFalse(SizeLauncher.settled(List.of(9.0, 5.0), 0.05), "too few windows");
        assertFalse(SizeLauncher.settled(List.of(9.0, 5.0, 4.0, 3.0), 0.05), "still falling");
        assertTrue(SizeLauncher.settled(List.of(9.0, 5.0, 3.0, 3.1, 2.98), 0.05));
    }

    private static Map<String, Object> report(Map<Integer, SizeFigures> figures, List<Integer> waits, int defaultWait,
            StartMode mode) throws Exception {
        return PowerReport.of(Map.of(), Path.of(System.getProperty("java.home")), 2, figures, Prices.load(Prices.FILE),
                waits, defaultWait, mode);
    }

    /**
     * One launch's figures: a cold start (init 80 % of it), a warm latency (p50 = p99, each request that long), an
     * RSS; billed per wait as the launcher computes it, with GET's two storage calls and POST's one.
     */
    private static SizeFigures figures(double coldStartMs, double warmMs, double rssMiB) {
        SizeFigures f = new SizeFigures();
        f.coldStartMs.add(coldStartMs);
        f.initMs.add(coldStartMs * 0.8);
        for (List<Double> warm : List.of(f.getP50Ms, f.getP99Ms, f.postP50Ms, f.postP99Ms)) {
            warm.add(warmMs);
        }
        for (int wait : List.of(0, 2, 5, 10, 20)) {
            f.getBilledMsByWait.computeIfAbsent(wait, w -> new java.util.ArrayList<>()).add(Math.ceil(warmMs + 2 * wait));
            f.postBilledMsByWait.computeIfAbsent(wait, w -> new java.util.ArrayList<>()).add(Math.ceil(warmMs + wait));
        }
        f.rssMiB.add(rssMiB);
        f.throttledMs.add(0.0);
        f.getResponseBytes.add(100.0);
        return f;
    }
}
