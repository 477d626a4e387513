package com.example.testapi.bench.power;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * power.png: cost per million requests (mean of a GET and a POST, with HTTP API and DynamoDB) against warm p99 and
 * against cold start, one point per size, the recommended size marked; drawn by XChart (bench only, never in
 * function.zip).
 */
final class PowerChart {

    private PowerChart() {
    }

    @SuppressWarnings("unchecked")
    static void write(Map<String, Object> report, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Map<String, Object> sizes = (Map<String, Object>) report.get("sizes");
        Object chosen = ((Map<String, Object>) report.get("recommendation")).get("memoryMb");
        XYChart warm = chart("Cost against warm p99", "warm p99 ms (slower of GET and POST)");
        XYChart cold = chart("Cost against cold start", "cold start ms (median)");
        sizes.forEach((mb, value) -> {
            Map<String, Object> size = (Map<String, Object>) value;
            if (!size.containsKey("meanCostPerMillion")) {
                return; // a size that did not start has no point
            }
            double cost = (double) size.get("meanCostPerMillion");
            double p99 = Math.max(median(size, "getP99Ms"), median(size, "postP99Ms"));
            boolean isChosen = mb.equals(String.valueOf(chosen));
            String name = mb + " MB" + (isChosen ? " (chosen)" : Boolean.TRUE.equals(size.get("fits")) ? ""
                    : " (does not fit)");
            point(warm, name, p99, cost, isChosen);
            point(cold, name, median(size, "coldStartMs"), cost, isChosen);
        });
        BitmapEncoder.saveBitmap(List.of(warm, cold), 1, 2, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static XYChart chart(String title, String xTitle) {
        XYChart chart = new XYChartBuilder().width(640).height(440).title(title).xAxisTitle(xTitle)
                .yAxisTitle("USD per million requests").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(10);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        return chart;
    }

    private static void point(XYChart chart, String name, double x, double y, boolean chosen) {
        XYSeries series = chart.addSeries(name, new double[] {x}, new double[] {y});
        if (chosen) {
            series.setMarker(SeriesMarkers.DIAMOND);
            series.setMarkerColor(Color.RED);
        }
    }

    @SuppressWarnings("unchecked")
    private static double median(Map<String, Object> size, String figure) {
        return ((Number) ((Map<String, Object>) size.get(figure)).get("median")).doubleValue();
    }
}
