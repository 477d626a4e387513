package com.example.testapi.local.gateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.example.testapi.local.template.LocalAccount;
import com.example.testapi.local.template.SamTemplate;

/**
 * What template.yaml says of the HTTP API, read once: its routes (each must be AWS_IAM), its CORS configuration and
 * the ARN a call invokes. What a role may invoke is IAM's ({@code iam.RolePolicies}); which role a caller has is the
 * identity pool's decision, carried by its credentials.
 */
public final class TemplateAccess {

    private final LocalAccount account;
    private final List<SamTemplate.Route> routes;
    private final CorsRules cors;

    /** A request's route, and the values of the route's path parameters ({@code {name}}), decoded. */
    public record Match(SamTemplate.Route route, Map<String, String> pathParameters) {
    }

    private TemplateAccess(LocalAccount account, List<SamTemplate.Route> routes, CorsRules cors) {
        this.account = account;
        this.routes = routes;
        this.cors = cors;
    }

    /** Reads {@code templateFile} in the account named after it ({@link LocalAccount#forTemplate}). */
    public static TemplateAccess load(Path templateFile, String region) {
        SamTemplate template = SamTemplate.load(templateFile);
        return of(template, LocalAccount.forTemplate(region, template));
    }

    public static TemplateAccess of(SamTemplate template, LocalAccount account) {
        List<SamTemplate.Route> routes = template.routes().stream()
                .filter(route -> route.apiId().equals(account.apiLogicalId()))
                .peek(route -> {
                    if (!"AWS_IAM".equals(route.authorizer())) {
                        throw new IllegalStateException("route " + route.key() + " is not protected by AWS_IAM in "
                                + "template.yaml: the local cloud refuses to serve an open route");
                    }
                })
                .toList();

        return new TemplateAccess(account, routes, CorsRules.from(template, account));
    }

    public LocalAccount account() {
        return account;
    }

    /** The HTTP API's CORS configuration ({@link CorsRules#NONE} without one). */
    public CorsRules cors() {
        return cors;
    }

    /**
     * The route API Gateway picks for a request: an exact path first, else the route whose literal segments match
     * most, where {@code {name}} takes one segment and {@code {name+}} the rest; empty: no route (404).
     */
    public Optional<Match> match(String method, String rawPath) {
        String[] segments = rawPath.split("/", -1);
        return routes.stream().filter(route -> route.method().equals(method))
                .map(route -> bind(route, segments))
                .flatMap(Optional::stream)
                .max(Comparator.comparingInt((Match m) -> m.pathParameters().isEmpty() ? Integer.MAX_VALUE
                        : literalSegments(m.route().path())));
    }

    private static Optional<Match> bind(SamTemplate.Route route, String[] segments) {
        String[] pattern = route.path().split("/", -1);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String part = pattern[i];
            boolean parameter = part.startsWith("{") && part.endsWith("}");
            if (parameter && part.endsWith("+}") && i == pattern.length - 1 && segments.length > i) {
                String rest = String.join("/", java.util.Arrays.copyOfRange(segments, i, segments.length));
                parameters.put(part.substring(1, part.length() - 2), decode(rest));
                return rest.isEmpty() ? Optional.empty() : Optional.of(new Match(route, parameters));
            }
            if (i >= segments.length || parameter && segments[i].isEmpty()
                    || !parameter && !part.equals(segments[i])) {
                return Optional.empty();
            }
            if (parameter) {
                parameters.put(part.substring(1, part.length() - 1), decode(segments[i]));
            }
        }
        return segments.length == pattern.length ? Optional.of(new Match(route, parameters)) : Optional.empty();
    }

    private static int literalSegments(String path) {
        return (int) java.util.Arrays.stream(path.split("/")).filter(s -> !s.startsWith("{")).count();
    }

    private static String decode(String segment) {
        // Percent-decoding only: in a path, '+' is a plus. A broken escape (%zz) stays as it came.
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }

    /** {@code arn:aws:execute-api:REGION:ACCOUNT:API_ID/$default/METHOD/PATH}, as API Gateway builds it. */
    public String invokeArn(String method, String path) {
        return "arn:aws:execute-api:" + account.region() + ":" + account.accountId() + ":" + account.apiId()
                + "/$default/" + method + path;
    }
}
