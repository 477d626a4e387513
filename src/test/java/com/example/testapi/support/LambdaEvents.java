package com.example.testapi.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The payload-2.0 events of {@code events/}, the same files {@code sam local invoke} takes, loaded as editable trees
 * so a test can vary one field of a real event.
 */
public final class LambdaEvents {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path DIR = Path.of("events");

    private LambdaEvents() {
    }

    public static ObjectNode load(String file) {
        try {
            return (ObjectNode) MAPPER.readTree(Files.readString(DIR.resolve(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the body with {@code text}, sent as plain (not base64) text with a matching content-length. */
    public static ObjectNode withBody(ObjectNode event, String text) {
        event.put("body", text).put("isBase64Encoded", false);
        headers(event).put("content-length", String.valueOf(text.getBytes(StandardCharsets.UTF_8).length));
        return event;
    }

    public static ObjectNode withBase64Body(ObjectNode event, byte[] bytes) {
        event.put("body", Base64.getEncoder().encodeToString(bytes)).put("isBase64Encoded", true);
        headers(event).put("content-length", String.valueOf(bytes.length));
        return event;
    }

    /** Sets a header as API Gateway delivers it: lower-cased name. {@code null} removes it. */
    public static ObjectNode withHeader(ObjectNode event, String name, String value) {
        if (value == null) {
            headers(event).remove(name.toLowerCase());
        } else {
            headers(event).put(name.toLowerCase(), value);
        }
        return event;
    }

    /** Sets method and path consistently in every place API Gateway writes them. */
    public static ObjectNode withRoute(ObjectNode event, String method, String path) {
        String routeKey = method + " " + path;
        event.put("routeKey", routeKey).put("rawPath", path);
        ObjectNode context = (ObjectNode) event.get("requestContext");
        context.put("routeKey", routeKey);
        ((ObjectNode) context.get("http")).put("method", method).put("path", path);
        return event;
    }

    /** Sets the raw query string; API Gateway also passes it parsed, which Quarkus ignores in favour of the raw one. */
    public static ObjectNode withQuery(ObjectNode event, String rawQuery) {
        event.put("rawQueryString", rawQuery);
        return event;
    }

    /** The {@code authorizer.iam} object, for tests that vary the caller. */
    public static ObjectNode iam(ObjectNode event) {
        return (ObjectNode) event.get("requestContext").get("authorizer").get("iam");
    }

    private static ObjectNode headers(ObjectNode event) {
        return (ObjectNode) event.get("headers");
    }
}
