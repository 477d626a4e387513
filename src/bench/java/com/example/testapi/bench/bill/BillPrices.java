package com.example.testapi.bench.bill;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The prices of src/bench/prices.json the whole bill uses, each with its source in that file. */
record BillPrices(double lambdaPerGbSecond, double lambdaPerMillionRequests, double httpApiPerMillionRequests,
        double dynamoDbPerMillionReadRequestUnits, double dynamoDbPerMillionWriteRequestUnits, double logsIngestionPerGb,
        double xrayPerMillionTracesRecorded, double dataTransferOutPerGb) {

    static BillPrices load(Path file) throws IOException {
        JsonNode prices = new ObjectMapper().readTree(file.toFile()).get("prices");
        return new BillPrices(price(prices, "lambdaPerGbSecond"), price(prices, "lambdaPerMillionRequests"),
                price(prices, "httpApiPerMillionRequests"), price(prices, "dynamoDbPerMillionReadRequestUnits"),
                price(prices, "dynamoDbPerMillionWriteRequestUnits"), price(prices, "logsIngestionPerGb"),
                price(prices, "xrayPerMillionTracesRecorded"), price(prices, "dataTransferOutPerGb"));
    }

    private static double price(JsonNode prices, String name) {
        JsonNode value = prices.get(name);
        if (value == null || !value.isNumber()) {
            throw new IllegalStateException("src/bench/prices.json has no price " + name);
        }
        return value.asDouble();
    }
}
