package com.example.testapi.bench;

import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.testapi.caller.Caller;
import com.example.testapi.caller.CallerParser;
import com.example.testapi.items.InMemoryItemStore;
import com.example.testapi.items.Item;
import com.example.testapi.items.ItemIds;
import com.example.testapi.items.ItemStore;
import com.example.testapi.items.Page;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The benchmark's baseline: the function's work with no framework. Parses the caller from authorizer.iam (the
 * function's own parser), checks the role, reads or writes the in-memory store, writes JSON with Jackson. It is what a
 * JVM function costs at the least; the Quarkus function is measured against it.
 *
 * <p>The runtime client finds {@code handleRequest} by name; the class does not implement {@code RequestHandler}, else
 * the @QuarkusTest builds, which index test classes, would see a second Lambda handler and refuse to start.
 */
public class BaselineHandler {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String FULL = System.getenv().getOrDefault("TESTAPI_FULL_ACCESS_ROLE", "local-TestApiFullAccess");
    private static final String READ = System.getenv().getOrDefault("TESTAPI_READ_ACCESS_ROLE", "local-TestApiReadAccess");
    private final ItemStore store = new InMemoryItemStore();
    private final ItemIds ids = new ItemIds(java.time.Clock.systemUTC());

    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            var authorizer = event.getRequestContext().getAuthorizer();
            Optional<Caller> caller = CallerParser.parse(authorizer == null ? null : authorizer.getIam());
            String method = event.getRequestContext().getHttp().getMethod();
            boolean write = method.equals("POST");
            if (caller.isEmpty() || !(caller.get().roleName().equals(FULL)
                    || (!write && caller.get().roleName().equals(READ)))) {
                return json(403, Map.of("error", "forbidden", "message", "not allowed"));
            }
            return write ? create(event, caller.get()) : list(caller.get());
        } catch (Exception e) {
            return json(500, Map.of("error", "internal_error", "message", "failed"));
        }
    }

    private APIGatewayV2HTTPResponse list(Caller caller) {
        Page page = store.list(20, Optional.empty());
        return json(200, Map.of("caller", Map.of("role", caller.roleName(), "accountId", caller.accountId()),
                "items", page.items().stream().map(BaselineHandler::view).toList()));
    }

    private APIGatewayV2HTTPResponse create(APIGatewayV2HTTPEvent event, Caller caller) throws Exception {
        JsonNode body = MAPPER.readTree(event.getBody());
        String id = ids.next();
        Item item = new Item(id, body.get("message").asText(), ItemIds.createdAt(id),
                caller.identity());
        store.save(item, Optional.empty());
        return json(201, view(item));
    }

    private static Map<String, Object> view(Item item) {
        return Map.of("id", item.id(), "message", item.message(),
                "createdAt", DateTimeFormatter.ISO_INSTANT.format(item.createdAt()), "createdBy", item.createdBy());
    }

    private static APIGatewayV2HTTPResponse json(int status, Object body) {
        try {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                    .withHeaders(Map.of("content-type", "application/json"))
                    .withBody(MAPPER.writeValueAsString(body)).build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
