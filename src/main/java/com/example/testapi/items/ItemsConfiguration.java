package com.example.testapi.items;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Wires the store and the clock once per function instance: DynamoDB when {@code TABLE_NAME} is set (the endpoint
 * follows the SDK's {@code AWS_ENDPOINT_URL_DYNAMODB} / {@code AWS_ENDPOINT_URL}), else the in-memory store, which
 * in Lambda must be asked for ({@link #choose}).
 */
public class ItemsConfiguration {

    private static final Logger LOG = Logger.getLogger(ItemsConfiguration.class);
    /** The environment variable that asks for the in-memory store in a Lambda-like environment. */
    public static final String IN_MEMORY = "ITEMS_IN_MEMORY";

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    ItemIds itemIds(Clock clock) {
        return new ItemIds(clock);
    }

    @Produces
    @ApplicationScoped
    ItemStore itemStore(@ConfigProperty(name = "table.name") Optional<String> table, Instance<DynamoDbClient> client,
            Clock clock) {
        return choose(table.filter(name -> !name.isBlank()), System.getenv(), client::get, clock);
    }

    /**
     * DynamoDB with a table; without one, memory only outside Lambda, or where {@code ITEMS_IN_MEMORY=true} asks for
     * it (the local cloud's runner). In Lambda a missing table fails closed: an in-memory store there would
     * acknowledge writes that vanish with the instance.
     */
    static ItemStore choose(Optional<String> table, Map<String, String> env, Supplier<DynamoDbClient> client) {
        return choose(table, env, client, Clock.systemUTC());
    }

    /** The same, the listing's "today" read from {@code clock}, the one the item ids are made with. */
    static ItemStore choose(Optional<String> table, Map<String, String> env, Supplier<DynamoDbClient> client,
            Clock clock) {
        if (table.isPresent()) {
            LOG.infof("Items are stored in DynamoDB table %s.", table.get());
            return new DynamoDbItemStore(client.get(), table.get(), clock);
        }
        requireMemoryAllowed(env, "items");
        LOG.info("No TABLE_NAME set: items are kept in memory, per function instance, and lost on restart.");
        return new InMemoryItemStore();
    }

    /**
     * Fails closed where keeping {@code what} in memory would lose acknowledged writes: in Lambda without a table,
     * unless {@code ITEMS_IN_MEMORY=true} asks for it.
     */
    public static void requireMemoryAllowed(Map<String, String> env, String what) {
        String function = env.get("AWS_LAMBDA_FUNCTION_NAME");
        if (function != null && !"true".equals(env.get(IN_MEMORY))) {
            LOG.errorf("TABLE_NAME is not set in Lambda function %s: refusing to keep %s in memory, where"
                    + " acknowledged writes would vanish. Set TABLE_NAME (template.yaml does), or %s=true for a"
                    + " throwaway store.", function, what, IN_MEMORY);
            throw new IllegalStateException("TABLE_NAME is not set in Lambda function " + function);
        }
    }

    /**
     * Created only with a table. Region, credentials and endpoint come from the SDK's default chains: Lambda sets
     * AWS_REGION and the keys; AWS_ENDPOINT_URL_DYNAMODB points it elsewhere (moto, DynamoDB Local).
     */
    @Produces
    @ApplicationScoped
    DynamoDbClient dynamoDb() {
        return withLambdaLimits(DynamoDbClient.builder())
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(3)))
                .build();
    }

    /**
     * Bounds that fit a 15 s function: 3 attempts (DynamoDB's SDK default is up to 9, with long throttling back-off),
     * 3 s per attempt, 8 s per call; then the caller gets a 503 with Retry-After instead of a Lambda timeout.
     */
    public static DynamoDbClientBuilder withLambdaLimits(DynamoDbClientBuilder builder) {
        return withLimits(builder, Duration.ofSeconds(3), Duration.ofSeconds(8));
    }

    /**
     * The same settings with other time limits (tests shorten them instead of waiting seconds). One override
     * configuration for everything, tracing included: a second one would replace the first.
     */
    static DynamoDbClientBuilder withLimits(DynamoDbClientBuilder builder, Duration attempt, Duration call) {
        return builder.overrideConfiguration(c -> {
            c.retryStrategy(RetryMode.STANDARD).apiCallTimeout(call).apiCallAttemptTimeout(attempt);
            DynamoDbTracing.addTo(c, System.getenv());
        });
    }
}
