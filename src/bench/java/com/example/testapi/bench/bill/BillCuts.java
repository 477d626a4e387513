package com.example.testapi.bench.bill;

import java.util.LinkedHashMap;
import java.util.Map;

import com.example.testapi.bench.Figures;

/**
 * The cuts beyond the storage one, each priced on today's mean request and named with what it gives up: Lambda's
 * platform lines (the template's SystemLogLevel at WARN), the function's own access line (the API's access line
 * remains), and X-Ray (tracing off: Lambda's sampling cannot be lowered for a function).
 */
final class BillCuts {

    private BillCuts() {
    }

    static Map<String, Object> weigh(BillModel get, BillModel post, BillPrices prices, double platformBytes,
            double accessLineBytes) {
        double now = mean(get, post, prices);
        Map<String, Object> cuts = new LinkedHashMap<>();
        cuts.put("platformLines", cut(now, mean(get.withLogged(get.loggedBytes() - platformBytes),
                post.withLogged(post.loggedBytes() - platformBytes), prices),
                "SystemLogLevel=WARN: no START/REPORT lines in the log, so no per-invocation duration, memory used or "
                        + "init/restore in the log group (Lambda's metrics keep Duration, Errors and Throttles); "
                        + "-Pcoldstarts reads REPORT lines and needs INFO while it runs"));
        cuts.put("functionAccessLine", cut(now, mean(get.withLogged(get.loggedBytes() - accessLineBytes),
                post.withLogged(post.loggedBytes() - accessLineBytes), prices),
                "no line per request in the function's log: the API access log keeps status, route, caller and "
                        + "latency, but not the Lambda request id, trace id or identity id that tie a request to "
                        + "its other lines"));
        cuts.put("xray", cut(now, mean(get.withTraced(0), post.withTraced(0), prices), "Tracing off: no trace of a slow request or of its DynamoDB calls (X-Ray is the one place "
                        + "that shows the storage wait per call)"));
        return cuts;
    }

    private static Map<String, Object> cut(double now, double after, String givesUp) {
        Map<String, Object> cut = new LinkedHashMap<>();
        cut.put("meanPerMillionAfter", Figures.round(after, 3));
        cut.put("saves", Figures.round(now - after, 3));
        cut.put("savesShare", Figures.round((now - after) / now, 3));
        cut.put("givesUp", givesUp);
        return cut;
    }

    private static double mean(BillModel get, BillModel post, BillPrices prices) {
        return (BillModel.total(get.perMillion(prices)) + BillModel.total(post.perMillion(prices))) / 2;
    }
}
