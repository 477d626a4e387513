package com.example.testapi.local.gateway;

import static com.example.testapi.local.template.SamTemplate.list;
import static com.example.testapi.local.template.SamTemplate.map;
import static com.example.testapi.local.template.SamTemplate.object;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.example.testapi.local.template.LocalAccount;
import com.example.testapi.local.template.SamTemplate;

/**
 * The HTTP API's {@code CorsConfiguration}, applied as API Gateway applies it: a preflight ({@code OPTIONS} with
 * {@code Origin} and {@code Access-Control-Request-Method}) is answered 204 by the gateway itself, without
 * authorization, with the allow headers when the origin is allowed; every other answer to an allowed origin, 403s
 * included, gets {@code Access-Control-Allow-Origin} and the exposed headers; CORS headers of the integration are
 * ignored; an origin not allowed gets no CORS header at all.
 */
public record CorsRules(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
        List<String> exposeHeaders, Integer maxAge, boolean allowCredentials) {

    /** An API without a CORS configuration: no preflight answers, no CORS headers. */
    public static final CorsRules NONE = new CorsRules(List.of(), List.of(), List.of(), List.of(), null, false);

    public static CorsRules from(SamTemplate template, LocalAccount account) {
        Map<String, Object> api = map(template.resources(), account.apiLogicalId());
        Map<String, Object> cors = object(account.resolveAll(map(map(api, "Properties"), "CorsConfiguration")));
        if (cors.isEmpty()) {
            return NONE;
        }
        Object maxAge = cors.get("MaxAge");
        return new CorsRules(values(cors.get("AllowOrigins")), upper(values(cors.get("AllowMethods"))),
                lower(values(cors.get("AllowHeaders"))), lower(values(cors.get("ExposeHeaders"))),
                maxAge == null ? null : Integer.valueOf(maxAge.toString()),
                Boolean.TRUE.equals(cors.get("AllowCredentials")));
    }

    public boolean configured() {
        return !allowOrigins.isEmpty();
    }

    public static boolean isPreflight(String method, Map<String, List<String>> headers) {
        return method.equals("OPTIONS") && headers.containsKey("origin")
                && headers.containsKey("access-control-request-method");
    }

    boolean allows(String origin) {
        return origin != null && (allowOrigins.contains("*") || allowOrigins.contains(origin));
    }

    /** The headers of the 204 answer to a preflight from {@code origin}: none when the origin is not allowed. */
    Map<String, List<String>> preflight(String origin) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (allows(origin)) {
            headers.putAll(forOrigin(origin));
            headers.put("Access-Control-Allow-Methods", List.of(String.join(",", allowMethods)));
            if (!allowHeaders.isEmpty()) {
                headers.put("Access-Control-Allow-Headers", List.of(String.join(",", allowHeaders)));
            }
            if (maxAge != null) {
                headers.put("Access-Control-Max-Age", List.of(maxAge.toString()));
            }
        }
        return headers;
    }

    /** The headers added to any other answer to {@code origin}. */
    Map<String, List<String>> forOrigin(String origin) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (allows(origin)) {
            headers.put("Access-Control-Allow-Origin", List.of(allowOrigins.contains("*") ? "*" : origin));
            if (!exposeHeaders.isEmpty()) {
                headers.put("Access-Control-Expose-Headers", List.of(String.join(",", exposeHeaders)));
            }
            if (allowCredentials) {
                headers.put("Access-Control-Allow-Credentials", List.of("true"));
            }
            headers.put("Vary", List.of("Origin"));
        }
        return headers;
    }

    /** A list property, or a comma-delimited list parameter it refers to. */
    private static List<String> values(Object value) {
        List<String> out = new ArrayList<>();
        list(value).forEach(v -> {
            for (String part : String.valueOf(v).split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        });
        return List.copyOf(out);
    }

    private static List<String> lower(List<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }

    private static List<String> upper(List<String> values) {
        return values.stream().map(v -> v.toUpperCase(Locale.ROOT)).toList();
    }
}
