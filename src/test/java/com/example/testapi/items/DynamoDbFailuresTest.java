package com.example.testapi.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** What the store makes of DynamoDB failing: a fake endpoint answers as DynamoDB does when throttling or stuck. */
class DynamoDbFailuresTest {

    private HttpServer server;
    private Duration[] limits;
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger calls = new AtomicInteger();
    private final ItemIds ids = new ItemIds(Clock.systemUTC());

    private DynamoDbItemStore storeAnswering(HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            calls.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            handler.handle(exchange);
        });
        server.start();
        // The function's own client settings (time limits shortened where a test says so), pointed at the fake.
        DynamoDbClient client = (limits == null ? ItemsConfiguration.withLambdaLimits(DynamoDbClient.builder())
                : ItemsConfiguration.withLimits(DynamoDbClient.builder(), limits[0], limits[1]))
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .build();
        return new DynamoDbItemStore(client, "items");
    }

    private static HttpHandler error(String type) {
        return exchange -> reply(exchange, 400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + type
                + "\",\"message\":\"from the fake\"}", type);
    }

    private static void reply(HttpExchange exchange, int status, String body, String type) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
        exchange.getResponseHeaders().add("x-amzn-ErrorType", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private Item item() {
        String id = ids.next();
        return new Item(id, "m", ItemIds.createdAt(id), ItemStoreContract.AUTHOR);
    }

    @AfterEach
    void stop() {
        released.countDown();
        server.stop(0);
    }

    @Test
    void throttlingIsRetriedThenBecomesRetryableUnavailability() throws IOException {
        DynamoDbItemStore store = storeAnswering(error("ProvisionedThroughputExceededException"));

        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> store.save(item(), Optional.of("key")));
        assertEquals(1, e.retryAfterSeconds());
        assertEquals(3, calls.get(), "the SDK's standard retries ran first");
    }

    @Test
    void aStuckStoreBecomesRetryableUnavailability() throws IOException {
        // The fake never answers (until the test ends); the client gives up after its attempt limits, shortened here.
        limits = new Duration[] { Duration.ofMillis(200), Duration.ofMillis(700) };
        DynamoDbItemStore store = storeAnswering(exchange -> {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });

        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> store.list(10, Optional.empty()));
        assertEquals(2, e.retryAfterSeconds());
    }

    @Test
    void aServerErrorThatOutlivesTheRetriesIsRetryableUnavailabilityToo() throws IOException {
        DynamoDbItemStore store = storeAnswering(exchange -> reply(exchange, 500,
                "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\",\"message\":\"fake\"}",
                "InternalServerError"));

        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> store.save(item(), Optional.empty()));
        assertEquals(2, e.retryAfterSeconds());
        assertEquals(3, calls.get(), "the SDK's retries ran first");
    }

    @Test
    void aMissingTableIsAFailureNotARetry() throws IOException {
        DynamoDbItemStore store = storeAnswering(error("ResourceNotFoundException"));

        assertThrows(ResourceNotFoundException.class, () -> store.list(10, Optional.empty()));
    }
}
