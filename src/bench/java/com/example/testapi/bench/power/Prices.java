package com.example.testapi.bench.power;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The prices a request's cost is computed from: src/bench/prices.json (date, region, source page of each), any of them
 * overridden by {@code -Dbench.price.NAME=VALUE}; and the DynamoDB request units one GET and one POST consume.
 */
record Prices(JsonNode file, Map<String, Double> prices, Map<String, Double> overridden) {

    static final Path FILE = Path.of("src", "bench", "prices.json");

    static Prices load(Path path) throws IOException {
        JsonNode file = new ObjectMapper().readTree(path.toFile());
        Map<String, Double> prices = new LinkedHashMap<>();
        Map<String, Double> overridden = new LinkedHashMap<>();
        file.get("prices").fields().forEachRemaining(e -> {
            String given = System.getProperty("bench.price." + e.getKey(), "");
            if (given.isBlank()) {
                prices.put(e.getKey(), e.getValue().asDouble());
            } else {
                prices.put(e.getKey(), Double.parseDouble(given));
                overridden.put(e.getKey(), Double.parseDouble(given));
            }
        });
        return new Prices(file, prices, overridden);
    }

    /** Lambda's charge for a million requests each billed {@code billedMs} at {@code memoryMb}: duration + request. */
    double lambdaPerMillion(int memoryMb, double billedMs) {
        double gbSeconds = memoryMb / 1024.0 * billedMs / 1000.0;
        return 1e6 * gbSeconds * prices.get("lambdaPerGbSecond") + prices.get("lambdaPerMillionRequests");
    }

    /** What a million requests of this kind ("GET", "POST") add beyond Lambda: the HTTP API and DynamoDB. */
    double aroundLambdaPerMillion(String kind) {
        JsonNode units = file.get("requestUnits").get(kind);
        return prices.get("httpApiPerMillionRequests")
                + units.get("read").asDouble() * prices.get("dynamoDbPerMillionReadRequestUnits")
                + units.get("write").asDouble() * prices.get("dynamoDbPerMillionWriteRequestUnits");
    }

    /** For the report: the prices used, their date and sources, the request units, and what was overridden. */
    Map<String, Object> describe() {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("date", file.get("date").asText());
        described.put("region", file.get("region").asText());
        described.put("prices", prices);
        described.put("overriddenOnCommandLine", overridden);
        described.put("sources", file.get("sources"));
        described.put("requestUnits", file.get("requestUnits"));
        return described;
    }
}
