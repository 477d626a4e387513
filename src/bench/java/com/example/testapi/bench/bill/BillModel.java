package com.example.testapi.bench.bill;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole bill of a million requests of one kind (GET or POST), by service, from what one request does: Lambda's
 * requests and billed duration at the chosen memory size, the HTTP API request, DynamoDB's request units, the bytes
 * CloudWatch Logs ingests (every log line with its 26 bytes of event overhead), X-Ray's recorded traces at the
 * sampling Lambda applies, and the bytes sent back over the internet.
 *
 * @param memoryMb the functions' memory size
 * @param billedMs Lambda's billed duration of one request (its handler and its storage waits)
 * @param readUnits DynamoDB read request units of one request
 * @param writeUnits DynamoDB write request units of one request
 * @param loggedBytes bytes of log events ingested for one request, overhead included
 * @param tracedShare the share of requests X-Ray records (0 to 1)
 * @param bytesOut bytes of the answer that leave AWS (headers and body)
 */
record BillModel(int memoryMb, double billedMs, double readUnits, double writeUnits, double loggedBytes,
        double tracedShare, double bytesOut) {

    /** Each service's share of a million requests, in USD, in the picture's order (bottom first). */
    Map<String, Double> perMillion(BillPrices prices) {
        Map<String, Double> bill = new LinkedHashMap<>();
        double gbSeconds = memoryMb / 1024.0 * billedMs / 1000.0;
        bill.put("Lambda requests", prices.lambdaPerMillionRequests());
        bill.put("Lambda duration", 1e6 * gbSeconds * prices.lambdaPerGbSecond());
        bill.put("HTTP API", prices.httpApiPerMillionRequests());
        bill.put("DynamoDB", readUnits * prices.dynamoDbPerMillionReadRequestUnits()
                + writeUnits * prices.dynamoDbPerMillionWriteRequestUnits());
        bill.put("CloudWatch Logs", 1e6 * loggedBytes / GIB * prices.logsIngestionPerGb());
        bill.put("X-Ray", tracedShare * prices.xrayPerMillionTracesRecorded());
        bill.put("data transfer out", 1e6 * bytesOut / GIB * prices.dataTransferOutPerGb());
        return bill;
    }

    static final double GIB = 1024.0 * 1024 * 1024;

    static double total(Map<String, Double> bill) {
        return bill.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /**
     * The share of requests X-Ray records for Lambda at a steady {@code requestsPerSecond}: the first request of each
     * second (the reservoir) and 5 % of the rest, X-Ray's default rule, which Lambda applies and does not let a
     * function change.
     */
    static double tracedShare(double requestsPerSecond) {
        double reservoir = Math.min(1, requestsPerSecond);
        return (reservoir + 0.05 * (requestsPerSecond - reservoir)) / requestsPerSecond;
    }

    /** The same request logging {@code bytes}: what a log cut leaves. */
    BillModel withLogged(double bytes) {
        return new BillModel(memoryMb, billedMs, readUnits, writeUnits, bytes, tracedShare, bytesOut);
    }

    /** The same request traced at {@code share}: what a tracing cut leaves. */
    BillModel withTraced(double share) {
        return new BillModel(memoryMb, billedMs, readUnits, writeUnits, loggedBytes, share, bytesOut);
    }
}
