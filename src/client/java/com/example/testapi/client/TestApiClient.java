package com.example.testapi.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Calls GET and POST /test, each request signed with the AWS SDK's AwsV4HttpSigner ({@link SigV4}) for {@code execute-api}
 * with the caller's current credentials. Answers are typed; refusals are {@link ApiException}s that say who refused.
 */
public final class TestApiClient {

    public record CreatedBy(String role, String identityId, String userSub, String accountId) {
    }

    public record Item(String id, String message, String createdAt, CreatedBy createdBy) {
    }

    public record Caller(String role, String identityId, String userSub, String accountId) {
    }

    public record Page(Caller caller, List<Item> items, String nextToken) {
    }

    public record Created(Item item, boolean replayed) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final URI apiUrl;
    private final String region;
    private final CallerCredentials credentials;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** {@code credentials} null sends unsigned requests (API Gateway refuses them: for checks only). */
    public TestApiClient(URI apiUrl, String region, CallerCredentials credentials) {
        this(apiUrl, region, credentials, Clock.systemUTC());
    }

    /** With the clock answers' Date headers are compared with. */
    TestApiClient(URI apiUrl, String region, CallerCredentials credentials, Clock clock) {
        this.apiUrl = apiUrl;
        this.region = region;
        this.credentials = credentials;
        this.clock = clock;
    }

    public Page list(Integer limit, String nextToken) {
        Map<String, String> query = new TreeMap<>();
        if (limit != null) {
            query.put("limit", limit.toString());
        }
        if (nextToken != null) {
            query.put("nextToken", nextToken);
        }
        StringBuilder q = new StringBuilder();
        query.forEach((k, v) -> q.append(q.length() == 0 ? "?" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return read(call("GET", "/test" + q, null, Map.of()), Page.class);
    }

    public Created create(String message, String idempotencyKey) {
        String body = MAPPER.createObjectNode().put("message", message).toString();
        Map<String, String> headers = idempotencyKey == null ? Map.of("content-type", "application/json")
                : Map.of("content-type", "application/json", "idempotency-key", idempotencyKey);
        Answer answer = call("POST", "/test", body, headers);
        return new Created(read(answer, Item.class), answer.response().statusCode() == 200);
    }

    /**
     * One call to an administration route (only the Admins role may invoke them): {@code path} below
     * {@code /admin/users} ("" lists, "/NAME/disable"…), {@code body} a JSON object or null. Answers the route's JSON;
     * a refusal is an {@link ApiException} whose code names the rule ({@code own_rights}, {@code last_administrator},
     * {@code target_is_administrator}).
     */
    public JsonNode admin(String method, String path, JsonNode body) {
        Map<String, String> headers = body == null ? Map.of() : Map.of("content-type", "application/json");
        return read(call(method, "/admin/users" + path, body == null ? null : body.toString(), headers), JsonNode.class);
    }

    /** An answer, and whether it came after renewing the credentials. */
    private record Answer(HttpResponse<String> response, boolean afterRenewal) {
    }

    /**
     * Sends; a refusal by API Gateway itself may be credentials that expired as the gateway's clock sees them, so it
     * renews them and sends once more (a POST keeps its Idempotency-Key, so it never stores twice).
     */
    private Answer call(String method, String pathAndQuery, String body, Map<String, String> headers) {
        HttpResponse<String> response = send(method, pathAndQuery, body, headers);
        if (response.statusCode() == 403 && !parse(response.body()).has("error") && credentials != null
                && credentials.renew()) {
            return new Answer(send(method, pathAndQuery, body, headers), true);
        }
        return new Answer(response, false);
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String body, Map<String, String> headers) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        URI uri = URI.create(apiUrl.toString().replaceAll("/+$", "") + pathAndQuery);
        SdkHttpRequest.Builder request = SigV4.request(method, uri);
        headers.forEach(request::putHeader);
        SdkHttpRequest signed = credentials == null ? request.build()
                : SigV4.sign(request.build(), bytes, credentials.current(), region, "execute-api", null);
        HttpRequest.Builder out = SigV4.toJdk(method, uri, signed.headers(), bytes);
        try {
            return http.send(out.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ApiException.ServerFailure(0, "no answer from " + uri + ": " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(Answer answer, Class<T> type) {
        HttpResponse<String> response = answer.response();
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        if (status >= 200 && status < 300) {
            return MAPPER.convertValue(body, type);
        }
        if (status >= 500) {
            throw new ApiException.ServerFailure(status, body.path("message").asText(response.body()),
                    response.headers().firstValue("retry-after").map(Integer::valueOf).orElse(null));
        }
        if (body.has("error")) { // the function's contract: {"error", "message"}
            String code = body.get("error").asText();
            String message = body.path("message").asText();
            throw code.equals("forbidden") ? new ApiException.FunctionRefused(status, message)
                    : new ApiException.ContractViolation(status, code, message);
        }
        // API Gateway's own answers carry only {"message"} (or {"Message"} for some IAM failures).
        String message = body.has("message") ? body.get("message").asText() : body.path("Message").asText(response.body());
        if (status == 403 || status == 401) {
            throw new ApiException.GatewayRefused(status, message, answer.afterRenewal(), skew(response));
        }
        throw new ApiException.ContractViolation(status, "gateway", message);
    }

    /** The answer's Date minus this machine's clock; null without a readable Date. */
    private Duration skew(HttpResponse<String> response) {
        try {
            return response.headers().firstValue("date").map(date -> Duration.between(clock.instant(),
                    ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())).orElse(null);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(body);
        } catch (IOException e) {
            return MAPPER.createObjectNode().put("message", body);
        }
    }
}
