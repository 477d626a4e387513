package com.example.testapi.bench.bill;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * bill.png: the cost of a million requests by service, stacked, for a GET, a POST and their mean, before the storage
 * cut and now. The axis starts at zero. Drawn by XChart (bench only).
 */
final class BillChart {

    private BillChart() {
    }

    @SuppressWarnings("unchecked")
    static CategoryChart chart(Map<String, Object> report) {
        System.setProperty("java.awt.headless", "true");
        Map<String, Object> perMillion = (Map<String, Object>) report.get("perMillion");
        List<String> bars = new ArrayList<>();
        List<Map<String, Double>> bills = new ArrayList<>();
        for (String when : List.of("before", "now")) {
            Map<String, Object> bill = (Map<String, Object>) perMillion.get(when);
            for (String kind : List.of("GET", "POST", "mean")) {
                bars.add(kind + ", " + when);
                bills.add((Map<String, Double>) bill.get(kind));
            }
        }
        CategoryChart chart = new CategoryChartBuilder().width(900).height(560)
                .title("Cost of a million requests by service, before the storage cut and now")
                .xAxisTitle("request").yAxisTitle("USD per million requests").build();
        chart.getStyler().setStacked(true);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        for (String service : bills.get(0).keySet()) {
            if (service.equals("total")) {
                continue;
            }
            List<Double> costs = bills.stream().map(b -> b.get(service)).toList();
            chart.addSeries(service, bars, costs);
        }
        return chart;
    }

    static void write(Map<String, Object> report, Path png) throws IOException {
        BitmapEncoder.saveBitmap(chart(report), png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
