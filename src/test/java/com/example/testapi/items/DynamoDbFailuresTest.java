package com.example.testapi.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpHandler;

import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** What the store makes of DynamoDB failing: a fake endpoint answers as DynamoDB does when throttling or stuck. */
class DynamoDbFailuresTest {

    private FakeDynamoDb fake;
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger calls = new AtomicInteger();
    private final ItemIds ids = new ItemIds(Clock.systemUTC());

    private FakeDynamoDb answering(HttpHandler handler) throws IOException {
        fake = new FakeDynamoDb(exchange -> {
            calls.incrementAndGet();
            handler.handle(exchange);
        });
        return fake;
    }

    private static HttpHandler error(String type) {
        return exchange -> FakeDynamoDb.reply(exchange, 400, FakeDynamoDb.error(type));
    }

    private Item item() {
        String id = ids.next();
        return new Item(id, "m", ItemIds.createdAt(id), ItemStoreContract.AUTHOR);
    }

    @AfterEach
    void stop() {
        released.countDown();
        fake.close();
    }

    @Test
    void throttlingIsRetriedThenBecomesRetryableUnavailability() throws IOException {
        DynamoDbItemStore store = answering(error("ProvisionedThroughputExceededException")).store();

        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> store.save(item(), Optional.of("key")));
        assertEquals(1, e.retryAfterSeconds());
        assertEquals(3, calls.get(), "the SDK's standard retries ran first");
    }

    @Test
    void aStuckStoreBecomesRetryableUnavailability() throws IOException {
        // The fake never answers (until the test ends); the client gives up after its attempt limits, shortened here.
        DynamoDbItemStore store = answering(exchange -> {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        }).store(Duration.ofMillis(200), Duration.ofMillis(700));

        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> store.list(10, Optional.empty()));
        assertEquals(2, e.retryAfterSeconds());
    }

    @Test
    void aServerErrorThatOutlivesTheRetriesIsRetryableUnavailabilityToo() throws IOException {
        DynamoDbItemStore store = answering(exchange -> FakeDynamoDb.reply(exchange, 500,
                FakeDynamoDb.error("InternalServerError"))).store();

        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> store.save(item(), Optional.empty()));
        assertEquals(2, e.retryAfterSeconds());
        assertEquals(3, calls.get(), "the SDK's retries ran first");
    }

    @Test
    void aMissingTableIsAFailureNotARetry() throws IOException {
        DynamoDbItemStore store = answering(error("ResourceNotFoundException")).store();

        assertThrows(ResourceNotFoundException.class, () -> store.list(10, Optional.empty()));
    }
}
