package com.example.testapi.bench;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.testapi.api.ApiError;
import com.example.testapi.api.ContractViolationException;
import com.example.testapi.api.IdempotencyKey;
import com.example.testapi.api.ItemView;
import com.example.testapi.api.ListResponse;
import com.example.testapi.api.NewItemRequest;
import com.example.testapi.api.PageToken;
import com.example.testapi.api.QueryLimit;
import com.example.testapi.caller.Caller;
import com.example.testapi.caller.CallerParser;
import com.example.testapi.items.IdempotencyConflictException;
import com.example.testapi.items.InMemoryItemStore;
import com.example.testapi.items.Item;
import com.example.testapi.items.ItemIds;
import com.example.testapi.items.ItemStore;
import com.example.testapi.items.Page;
import com.example.testapi.items.SaveResult;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The benchmark's same-work baseline: what the function does, with no framework. The function's own framework-free
 * classes do the work (caller parser, body validation, idempotency key, limit and page token, item store and ids,
 * response records); this class only routes, checks the role, maps failures to the contract's JSON errors and
 * writes the access line (same fields as the function's, one JSON object). What it leaves out is what the framework
 * gives the function: the virtual HTTP request, JAX-RS, CDI, the security layer, the logging subsystem.
 *
 * <p>The runtime client finds {@code handleRequest} by name; the class does not implement {@code RequestHandler}, else
 * the @QuarkusTest builds, which index test classes, would see a second Lambda handler and refuse to start.
 */
public class BaselineHandler {

    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String FULL = System.getenv().getOrDefault("TESTAPI_FULL_ACCESS_ROLE", "local-TestApiFullAccess");
    private static final String READ = System.getenv().getOrDefault("TESTAPI_READ_ACCESS_ROLE", "local-TestApiReadAccess");

    private final ItemStore store = new InMemoryItemStore();
    private final ItemIds ids = new ItemIds(Clock.systemUTC());
    private final NewItemRequest newItemRequest = new NewItemRequest(MAPPER);

    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        long started = System.nanoTime();
        var authorizer = event.getRequestContext().getAuthorizer();
        Optional<Caller> caller = CallerParser.parse(authorizer == null ? null : authorizer.getIam());
        String method = event.getRequestContext().getHttp().getMethod();
        String path = event.getRequestContext().getHttp().getPath();
        APIGatewayV2HTTPResponse response = answer(event, method, path, caller);
        accessLine(event, context, caller, method + " " + path, response.getStatusCode(), started);
        return response;
    }

    private APIGatewayV2HTTPResponse answer(APIGatewayV2HTTPEvent event, String method, String path,
            Optional<Caller> caller) {
        try {
            if (!path.equals("/test") && !path.equals("/test/")) {
                return json(404, new ApiError("not_found", "No resource at " + path + "."));
            }
            boolean write = method.equals("POST");
            if (!write && !method.equals("GET")) {
                return json(405, new ApiError("method_not_allowed", method + " is not allowed on " + path + "."));
            }
            if (caller.isEmpty() || !(caller.get().roleName().equals(FULL)
                    || (!write && caller.get().roleName().equals(READ)))) {
                return json(403, new ApiError("forbidden", "Your IAM role may not call " + method + " " + path + "."));
            }
            return write ? create(event, caller.get()) : list(event, caller.get());
        } catch (ContractViolationException e) {
            return json(e.status(), e.body());
        } catch (IdempotencyConflictException e) {
            return json(409, new ApiError("idempotency_conflict", e.getMessage()));
        } catch (RuntimeException e) {
            return json(500, new ApiError("internal_error", "The server failed to answer the request."));
        }
    }

    private APIGatewayV2HTTPResponse list(APIGatewayV2HTTPEvent event, Caller caller) {
        Map<String, String> query = event.getQueryStringParameters() == null ? Map.of()
                : event.getQueryStringParameters();
        Page page = store.list(QueryLimit.parse(query.get("limit")), PageToken.decode(query.get("nextToken")));
        return json(200, ListResponse.of(caller.identity(), page.items().stream().map(ItemView::of).toList(),
                page.lastId().map(PageToken::encode).orElse(null)));
    }

    private APIGatewayV2HTTPResponse create(APIGatewayV2HTTPEvent event, Caller caller) {
        Map<String, String> headers = event.getHeaders() == null ? Map.of() : event.getHeaders();
        String contentType = headers.get("content-type");
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            return json(415, new ApiError("unsupported_media_type", "Send the body as application/json."));
        }
        byte[] body = event.getBody() == null ? new byte[0] : event.getIsBase64Encoded()
                ? Base64.getDecoder().decode(event.getBody()) : event.getBody().getBytes(StandardCharsets.UTF_8);
        if (body.length > MAX_BODY_BYTES) {
            return json(413, new ApiError("payload_too_large", "The body is too large."));
        }
        String message = newItemRequest.message(body);
        Optional<String> key = IdempotencyKey.scoped(headers.get("idempotency-key"), caller);
        String id = ids.next();
        SaveResult saved = store.save(new Item(id, message, ItemIds.createdAt(id), caller.identity()), key);
        return json(saved.replayed() ? 200 : 201, ItemView.of(saved.item()));
    }

    private static void accessLine(APIGatewayV2HTTPEvent event, Context context, Optional<Caller> caller,
            String route, int status, long started) {
        Map<String, Object> mdc = new LinkedHashMap<>();
        mdc.put("requestId", context == null ? null : context.getAwsRequestId());
        mdc.put("apiRequestId", event.getRequestContext().getRequestId());
        mdc.put("role", caller.map(Caller::roleName).orElse(null));
        mdc.put("identityId", caller.map(Caller::identityId).orElse(null));
        mdc.put("route", route);
        mdc.put("status", String.valueOf(status));
        mdc.put("latencyMs", String.valueOf((System.nanoTime() - started) / 1_000_000));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", Instant.now().toString());
        line.put("loggerName", "testapi.access");
        line.put("level", "INFO");
        line.put("message", route + " answered " + status);
        line.put("mdc", mdc);
        try {
            System.out.println(MAPPER.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static APIGatewayV2HTTPResponse json(int status, Object body) {
        try {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                    .withHeaders(Map.of("content-type", "application/json"))
                    .withBody(MAPPER.writeValueAsString(body)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
