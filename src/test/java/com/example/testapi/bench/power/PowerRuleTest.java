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
        assertEquals(1.00 + 2 * 0.125, prices.aroundLambdaPerMillion("GET"), 1e-9);
        assertEquals(1.00 + 0.625, prices.aroundLambdaPerMillion("POST"), 1e-9);
    }

    @Test
    void aPriceIsOverriddenOnTheCommandLine() throws Exception {
        System.setProperty("bench.price.httpApiPerMillionRequests", "3.5");
        try {
            Prices prices = Prices.load(Prices.FILE);
            assertEquals(3.5 + 0.625, prices.aroundLambdaPerMillion("POST"), 1e-9);
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
        Map<String, Object> report = PowerReport.of(Map.of(), Path.of(System.getProperty("java.home")), 2, figures,
                Prices.load(Prices.FILE));
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
        Map<String, Object> report = PowerReport.of(Map.of(), Path.of(System.getProperty("java.home")), 2, figures,
                Prices.load(Prices.FILE));
        assertNull(((Map<String, Object>) report.get("recommendation")).get("memoryMb"));
    }

    /** One launch's figures: a cold start, a warm latency (p50 = p99 = billed), an RSS. */
    private static SizeFigures figures(double coldStartMs, double warmMs, double rssMiB) {
        SizeFigures f = new SizeFigures();
        f.coldStartMs.add(coldStartMs);
        f.initMs.add(coldStartMs * 0.8);
        for (List<Double> warm : List.of(f.getP50Ms, f.getP99Ms, f.postP50Ms, f.postP99Ms, f.getBilledMs,
                f.postBilledMs)) {
            warm.add(warmMs);
        }
        f.rssMiB.add(rssMiB);
        f.throttledMs.add(0.0);
        f.getResponseBytes.add(100.0);
        return f;
    }
}
