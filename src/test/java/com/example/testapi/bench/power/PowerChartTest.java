package com.example.testapi.bench.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * power.png as the committed run draws it: the cost axis from zero (a 2 % gap looks like 2 %), and the sizes the rule
 * left out marked, with why. Drawn from src/bench/results/power.json into target/bench/power-committed.png, the file
 * src/bench/results/power.png is a copy of.
 */
class PowerChartTest {

    @Test
    void theCommittedRunsChartStartsAtZeroAndMarksTheSizesLeftOut() throws IOException {
        Map<String, Object> report = new ObjectMapper().readValue(Path.of("src", "bench", "results", "power.json")
                .toFile(), new TypeReference<Map<String, Object>>() { });
        XYChart chart = PowerChart.chart(report);
        assertEquals(0.0, chart.getStyler().getYAxisMin());
        String leftOut = chart.getSeriesMap().keySet().stream().filter(name -> name.startsWith("left out"))
                .findFirst().orElseThrow(() -> new AssertionError(chart.getSeriesMap().keySet()));
        assertTrue(leftOut.contains("256 MB (init over 10 s)") && leftOut.contains("512 MB (warm p99 177 ms)"),
                leftOut);
        assertEquals(2, chart.getSeriesMap().get(leftOut).getXData().length);
        Path png = Files.createDirectories(Path.of("target", "bench")).resolve("power-committed.png");
        PowerChart.write(report, png);
        assertTrue(Files.size(png) > 1000);
    }
}
