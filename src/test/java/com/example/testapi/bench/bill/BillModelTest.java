package com.example.testapi.bench.bill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The whole bill's arithmetic on hand-made figures: each service priced from src/bench/prices.json, X-Ray's share at
 * Lambda's sampling, and the API access line as the template's format writes it.
 */
class BillModelTest {

    @Test
    void eachServiceIsPricedFromThePriceFile() throws IOException {
        BillPrices prices = BillPrices.load(Path.of("src", "bench", "prices.json"));
        // 1,024 MB for 25 ms, 2 read units, 1 KiB logged, every request traced, 10 KiB answered.
        Map<String, Double> bill = new BillModel(1024, 25, 2, 0, 1024, 1, 10 * 1024).perMillion(prices);
        assertEquals(List.of("Lambda requests", "Lambda duration", "HTTP API", "DynamoDB", "CloudWatch Logs", "X-Ray",
                "data transfer out"), List.copyOf(bill.keySet()));
        assertEquals(prices.lambdaPerMillionRequests(), bill.get("Lambda requests"), 1e-12);
        assertEquals(1e6 * 0.025 * prices.lambdaPerGbSecond(), bill.get("Lambda duration"), 1e-9);
        assertEquals(2 * prices.dynamoDbPerMillionReadRequestUnits(), bill.get("DynamoDB"), 1e-12);
        assertEquals(1e6 * 1024 / BillModel.GIB * prices.logsIngestionPerGb(), bill.get("CloudWatch Logs"), 1e-9);
        assertEquals(prices.xrayPerMillionTracesRecorded(), bill.get("X-Ray"), 1e-12);
        assertEquals(1e6 * 10 * 1024 / BillModel.GIB * prices.dataTransferOutPerGb(), bill.get("data transfer out"),
                1e-9);
    }

    @Test
    void lambdaRecordsTheFirstRequestOfEachSecondAndFivePercentOfTheRest() {
        assertEquals(1.0, BillModel.tracedShare(1), 1e-12);
        assertEquals(1.0, BillModel.tracedShare(0.5), 1e-12, "below one a second, every request");
        assertEquals((1 + 0.05 * 9) / 10, BillModel.tracedShare(10), 1e-12);
        assertTrue(BillModel.tracedShare(1000) < 0.052);
    }

    @Test
    void theApiAccessLineIsTheTemplatesFormatFilledIn() {
        String line = BillReport.accessLine();
        assertTrue(line.startsWith("{\"requestId\":\"Xyz12AbCFiAEJvQ=\",\"routeKey\":\"GET /test\""), line);
        assertTrue(!line.contains("$context"), "every variable filled: " + line);
    }
}
