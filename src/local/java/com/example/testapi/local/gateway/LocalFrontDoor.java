package com.example.testapi.local.gateway;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import com.example.testapi.local.http.LoopbackServer;
import com.example.testapi.local.http.Replies;
import com.example.testapi.local.http.RequestBodies;
import com.example.testapi.local.template.LocalAccount;
import com.example.testapi.local.iam.PolicyEvaluator;
import com.example.testapi.local.iam.RolePolicies;
import com.example.testapi.local.iam.SigV4Verifier;
import com.example.testapi.local.iam.SigningKey;
import com.example.testapi.local.iam.SigningKeys;
import com.example.testapi.local.lambda.FunctionBackends;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.sun.net.httpserver.HttpExchange;

/**
 * A local API Gateway HTTP API with the IAM authorizer, driven by template.yaml: route → SigV4 → the user's group
 * role (Cognito precedence) → the role's policies (IAM) → the payload-2.0 event → the function → HTTP. Every refusal
 * is the 404/403 API Gateway would send, before the function runs.
 *
 * <p>CORS: AWS documents that an HTTP API adds its CORS headers to the answers <em>from an integration</em>; whether
 * its own refusals (an IAM 403, a 404, a 500 of its own) carry them is not documented. {@code refusalCors} says which
 * world to play: false (the default, the conservative one) leaves the gateway's own answers without CORS headers, so a
 * browser cannot read them; true adds them. Answers from the function get them in both worlds.
 */
public final class LocalFrontDoor implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** HTTP APIs' payload quota, 10 MB (docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html). */
    static final int MAX_BODY = 10 * 1024 * 1024;
    private static final List<String> HOP_BY_HOP = List.of("content-length", "transfer-encoding", "connection");

    private final TemplateAccess access;
    private final RolePolicies policies;
    private final SigV4Verifier verifier;
    private final EventFactory events;
    private final FunctionBackends backends;
    private final Consumer<String> log;
    private final LoopbackServer server;
    private final boolean refusalCors;

    public LocalFrontDoor(TemplateAccess access, RolePolicies policies, SigV4Verifier verifier, EventFactory events,
            FunctionBackends backends, int port, boolean refusalCors, Consumer<String> log) {
        this.access = access;
        this.policies = policies;
        this.refusalCors = refusalCors;
        this.verifier = verifier;
        this.events = events;
        this.backends = backends;
        this.log = log;
        this.server = LoopbackServer.start(port, "/", this::handle, Executors.newFixedThreadPool(16));
    }

    /**
     * The front door as API Gateway would stand in {@code access}'s account and routes, with IAM's {@code policies}: signatures checked
     * against the {@code keys} the local cloud issued at {@code clock}'s time, listening on loopback {@code port}
     * (0: any free port), with or without CORS headers on its own refusals ({@code refusalCors}).
     */
    public static LocalFrontDoor create(TemplateAccess access, RolePolicies policies, SigningKeys keys,
            FunctionBackends backends, int port, boolean refusalCors, Clock clock, Consumer<String> log)
            throws IOException {
        LocalAccount account = access.account();
        return new LocalFrontDoor(access, policies, new SigV4Verifier(keys, account.region(), clock),
                new EventFactory(MAPPER, account, clock), backends, port, refusalCors, log);
    }

    public URI baseUri() {
        return URI.create("http://" + server.hostAndPort());
    }

    /** Whether the gateway's own refusals carry CORS headers (see the class comment). */
    public boolean refusalCors() {
        return refusalCors;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            EventFactory.Incoming request;
            Answer answer;
            try {
                request = incoming(exchange, RequestBodies.read(exchange, MAX_BODY));
                answer = access.cors().configured() && CorsRules.isPreflight(request.method(), request.headers())
                        ? preflight(request) : withCors(request, answer(request));
            } catch (RequestBodies.TooLarge e) {
                // An HTTP API's payload quota: refused before the route or the signature is looked at.
                request = incoming(exchange, new byte[0]);
                answer = withCors(request, Answer.gateway(413, "Request Entity Too Large",
                        "body over the 10 MB payload quota"));
            }
            log.accept(request.method() + " " + request.rawPath() + " -> " + answer.status()
                    + (answer.why() == null ? "" : " (" + answer.why() + ")"));
            answer.headers().forEach((name, values) -> values.forEach(v -> exchange.getResponseHeaders().add(name, v)));
            Replies.send(exchange, answer.status(), answer.body());
        }
    }

    /** An HTTP answer; {@code own}: the gateway's own (a refusal or failure), not the function's. */
    record Answer(int status, Map<String, List<String>> headers, byte[] body, String why, boolean own) {
        static Answer gateway(int status, String message, String why) {
            byte[] body = MAPPER.createObjectNode().put("message", message).toString().getBytes(StandardCharsets.UTF_8);
            return new Answer(status, Map.of("Content-Type", List.of("application/json")), body, why, true);
        }
    }

    /**
     * API Gateway's CORS on top of an answer: the integration's CORS headers dropped, the configured ones added; the
     * gateway's own answers get them only when {@code refusalCors} says so.
     */
    private Answer withCors(EventFactory.Incoming request, Answer answer) {
        CorsRules cors = access.cors();
        if (!cors.configured() || answer.own() && !refusalCors) {
            return answer;
        }
        String origin = request.headers().containsKey("origin") ? request.headers().get("origin").get(0) : null;
        Map<String, List<String>> headers = new LinkedHashMap<>();
        answer.headers().forEach((name, values) -> {
            if (!name.toLowerCase(Locale.ROOT).startsWith("access-control-")) {
                headers.put(name, values);
            }
        });
        headers.putAll(cors.forOrigin(origin));
        return new Answer(answer.status(), headers, answer.body(), answer.why(), answer.own());
    }

    /** A preflight is answered by the gateway itself, without authorization, whatever the route. */
    private Answer preflight(EventFactory.Incoming request) {
        CorsRules cors = access.cors();
        String origin = request.headers().get("origin").get(0);
        return new Answer(204, cors.preflight(origin), new byte[0], cors.allows(origin) ? "CORS preflight"
                : "CORS preflight from an origin the template does not allow", true);
    }

    Answer answer(EventFactory.Incoming request) {
        java.util.Optional<TemplateAccess.Match> route = access.match(request.method(), request.rawPath());
        if (route.isEmpty()) {
            return Answer.gateway(404, "Not Found", "no such route in template.yaml");
        }
        SigV4Verifier.Outcome outcome;
        try {
            outcome = verifier.verify(new SigV4Verifier.Request(request.method(), request.rawPath(), request.rawQuery(),
                    request.headers(), request.body()));
        } catch (RuntimeException e) {
            // A crash of the check is ours, never the caller's bad signature: say so, loudly, as a 500.
            log.accept("signature check failed unexpectedly: " + e);
            e.printStackTrace();
            return Answer.gateway(500, "Internal Server Error", "signature check crashed: " + e);
        }
        if (outcome.refusal() != null) {
            // API Gateway answers every signature refusal alike: a 403 with the refusal's message.
            return Answer.gateway(403, outcome.refusal().message(), "signature: " + outcome.refusal().message());
        }
        SigningKey caller = outcome.key();
        String who = caller.administrator() ? "the account administrator"
                : caller.issued().identityId() + " as " + caller.issued().roleName();
        // The administrator's AdministratorAccess allows execute-api:Invoke; the function then decides (a role only).
        PolicyEvaluator.Decision decision = caller.administrator() ? PolicyEvaluator.Decision.ALLOW
                : policies.decide(caller.issued().roleName(), "execute-api:Invoke",
                        access.invokeArn(request.method(), request.rawPath()));
        if (decision != PolicyEvaluator.Decision.ALLOW) {
            return Answer.gateway(403, "Forbidden", who + ": " + decision + " for execute-api:Invoke on "
                    + access.invokeArn(request.method(), request.rawPath()));
        }
        try {
            TemplateAccess.Match match = route.get();
            byte[] response = backends.forFunction(match.route().function()).invoke(MAPPER.writeValueAsBytes(
                    events.build(request, caller, match.route().key(), match.pathParameters())));
            return fromFunction(MAPPER.readTree(response), who);
        } catch (Exception e) {
            return Answer.gateway(500, "Internal Server Error", "function failed: " + e);
        }
    }

    /** The function's APIGatewayV2HTTPResponse as API Gateway turns it into HTTP. */
    private static Answer fromFunction(JsonNode response, String who) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.path("headers").fields().forEachRemaining(h -> add(headers, h.getKey(), h.getValue().asText()));
        response.path("multiValueHeaders").fields().forEachRemaining(
                h -> h.getValue().forEach(v -> add(headers, h.getKey(), v.asText())));
        response.path("cookies").forEach(c -> add(headers, "Set-Cookie", c.asText()));
        String body = response.path("body").asText("");
        byte[] bytes = response.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        return new Answer(response.path("statusCode").asInt(500), headers, bytes, who, false);
    }

    private static void add(Map<String, List<String>> headers, String name, String value) {
        if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
    }

    private static EventFactory.Incoming incoming(HttpExchange exchange, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers
                .computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values));
        URI uri = exchange.getRequestURI();
        return new EventFactory.Incoming(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers,
                body, exchange.getRemoteAddress().getAddress().getHostAddress());
    }

    @Override
    public void close() {
        server.close();
    }
}
