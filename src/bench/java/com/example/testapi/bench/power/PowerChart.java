package com.example.testapi.bench.power;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * power.png: cost per million requests (mean of a GET and a POST, with HTTP API and DynamoDB) against memory size,
 * one line per storage wait, the size the rule chooses at the documented wait marked; sizes outside the bounds are
 * drawn too (their cost is real) but never chosen, and marked with why they were left out. The cost axis starts at
 * zero, so a gap of a few percent looks like one. Drawn by XChart (bench only, never in function.zip).
 */
final class PowerChart {

    private PowerChart() {
    }

    static void write(Map<String, Object> report, Path png) throws IOException {
        BitmapEncoder.saveBitmap(chart(report), png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    @SuppressWarnings("unchecked")
    static XYChart chart(Map<String, Object> report) {
        System.setProperty("java.awt.headless", "true");
        Map<String, Object> sizes = (Map<String, Object>) report.get("sizes");
        Map<String, Object> recommendation = (Map<String, Object>) report.get("recommendation");
        Object chosen = recommendation.get("memoryMb");
        Object chosenWait = recommendation.get("storageWaitMsPerCall");
        XYChart chart = new XYChartBuilder().width(900).height(640)
                .title("Cost per million requests against memory size, per storage wait")
                .xAxisTitle("memory size, MB").yAxisTitle("USD per million requests (GET and POST, all services)")
                .build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(8);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        Map<String, Object> byWait = (Map<String, Object>) report.get("recommendationByWait");
        for (String wait : byWait.keySet()) {
            List<Double> mb = new ArrayList<>();
            List<Double> cost = new ArrayList<>();
            sizes.forEach((size, value) -> {
                Map<String, Object> s = (Map<String, Object>) value;
                if (s.containsKey("byStorageWaitMs")) {
                    mb.add(Double.parseDouble(size));
                    cost.add(PowerReport.meanCost(s, Integer.parseInt(wait)));
                }
            });
            if (!mb.isEmpty()) {
                chart.addSeries(wait + " ms per storage call" + (wait.equals(String.valueOf(chosenWait))
                        ? " (documented default)" : ""), mb, cost);
            }
        }
        if (chosen != null) {
            Map<String, Object> s = (Map<String, Object>) sizes.get(chosen.toString());
            XYSeries marked = chart.addSeries("chosen: " + chosen + " MB at " + chosenWait + " ms",
                    new double[] {((Number) chosen).doubleValue()},
                    new double[] {PowerReport.meanCost(s, ((Number) chosenWait).intValue())});
            marked.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            marked.setMarker(SeriesMarkers.DIAMOND);
            marked.setMarkerColor(Color.RED);
            leftOut(chart, sizes, ((Number) chosenWait).intValue());
        }
        return chart;
    }

    /** The sizes the rule left out, at the documented wait, named with why: init over the limit, or the warm p99. */
    @SuppressWarnings("unchecked")
    private static void leftOut(XYChart chart, Map<String, Object> sizes, int wait) {
        List<Double> mb = new ArrayList<>();
        List<Double> cost = new ArrayList<>();
        List<String> why = new ArrayList<>();
        sizes.forEach((size, value) -> {
            Map<String, Object> s = (Map<String, Object>) value;
            if (Boolean.FALSE.equals(s.get("withinBounds")) && s.containsKey("byStorageWaitMs")) {
                mb.add(Double.parseDouble(size));
                cost.add(PowerReport.meanCost(s, wait));
                why.add(size + " MB (" + (Boolean.TRUE.equals(s.get("initOverLambdaLimit")) ? "init over 10 s"
                        : "warm p99 " + Math.round(((Number) s.get("warmP99JudgedMs")).doubleValue()) + " ms") + ")");
            }
        });
        if (!mb.isEmpty()) {
            XYSeries out = chart.addSeries("left out by the rule: " + String.join(", ", why), mb, cost);
            out.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            out.setMarker(SeriesMarkers.CROSS);
            out.setMarkerColor(Color.DARK_GRAY);
        }
    }
}
