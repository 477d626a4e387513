package com.example.testapi.items;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * A loopback endpoint that answers DynamoDB's JSON protocol as a test says, and the store the function would build
 * against it (the function's own client settings; time limits shortened where a test asks).
 */
public final class FakeDynamoDb implements AutoCloseable {

    /** The request's body, read before the handler runs: {@code (byte[]) exchange.getAttribute(BODY)}. */
    public static final String BODY = "body";

    private final HttpServer server;

    public FakeDynamoDb(HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.setAttribute(BODY, exchange.getRequestBody().readAllBytes());
            handler.handle(exchange);
        });
        server.start();
    }

    /** Its URL, for {@code AWS_ENDPOINT_URL_DYNAMODB}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The store with the function's limits. */
    DynamoDbItemStore store() {
        return store(ItemsConfiguration.withLambdaLimits(DynamoDbClient.builder()));
    }

    /** The store with shorter attempt and call limits. */
    DynamoDbItemStore store(Duration attempt, Duration call) {
        return store(ItemsConfiguration.withLimits(DynamoDbClient.builder(), attempt, call));
    }

    private DynamoDbItemStore store(DynamoDbClientBuilder builder) {
        return new DynamoDbItemStore(client(builder), "items");
    }

    private DynamoDbClient client(DynamoDbClientBuilder builder) {
        DynamoDbClient client = builder.endpointOverride(URI.create(endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .build();
        return client;
    }

    /** An answer of the DynamoDB JSON protocol. */
    public static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** DynamoDB's error body for {@code type}. */
    public static String error(String type) {
        return "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + type + "\",\"message\":\"from the fake\"}";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
