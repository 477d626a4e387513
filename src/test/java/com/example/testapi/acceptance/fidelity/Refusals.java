package com.example.testapi.acceptance.fidelity;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The facts of an HTTP refusal as the ledger compares them: status, body (JSON, compact, dates as {@code <date>}),
 * whether it carries the CORS header for the Origin sent, and API Gateway's error-type header when there is one.
 */
public final class Refusals {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Refusals() {
    }

    public static Map<String, String> facts(HttpResponse<String> response, String origin) {
        return facts(response.statusCode(), response.headers().firstValue("access-control-allow-origin").orElse(null),
                response.headers().firstValue("x-amzn-errortype").orElse(null), response.body(), origin);
    }

    /** From the parts of an answer (also how a recorded answer is read back). */
    public static Map<String, String> facts(int status, String allowOrigin, String errorType, String body,
            String origin) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("status", Integer.toString(status));
        facts.put("body", normalised(body));
        facts.put("cors", allowOrigin == null ? "none" : allowOrigin.equals(origin) ? "allowed" : allowOrigin);
        if (errorType != null) {
            facts.put("errorType", errorType);
        }
        return facts;
    }

    /** JSON re-written compact, SigV4 dates ({@code 20261127T120000Z}) as {@code <date>}; other text trimmed. */
    static String normalised(String body) {
        String text;
        try {
            text = body == null || body.isBlank() ? "" : MAPPER.writeValueAsString(MAPPER.readTree(body));
        } catch (java.io.IOException e) {
            text = body.strip();
        }
        return text.replaceAll("\\d{8}T\\d{6}Z", "<date>");
    }
}
