package com.example.testapi.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Which store the function uses: DynamoDB with a table; without one, memory only where that cannot lose writes. */
class ItemsConfigurationTest {

    private static final Map<String, String> LAMBDA = Map.of("AWS_LAMBDA_FUNCTION_NAME", "stack-PostTestFunction-x");
    private static final Supplier<DynamoDbClient> NO_CLIENT = () -> {
        throw new AssertionError("no DynamoDB client without a table");
    };

    @Test
    void aTableMeansDynamoDb() {
        Supplier<DynamoDbClient> client = () -> DynamoDbClient.builder().region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create()).httpClient(UrlConnectionHttpClient.create())
                .build();
        assertInstanceOf(DynamoDbItemStore.class, ItemsConfiguration.choose(Optional.of("items"), LAMBDA, client));
    }

    @Test
    void outsideLambdaNoTableMeansMemory() {
        assertInstanceOf(InMemoryItemStore.class, ItemsConfiguration.choose(Optional.empty(), Map.of(), NO_CLIENT));
    }

    @Test
    void inLambdaNoTableFailsClosed() {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> ItemsConfiguration.choose(Optional.empty(), LAMBDA, NO_CLIENT));
        assertEquals("TABLE_NAME is not set in Lambda function stack-PostTestFunction-x", failure.getMessage());
    }

    @Test
    void inLambdaMemoryMustBeAskedFor() {
        Map<String, String> asked = Map.of("AWS_LAMBDA_FUNCTION_NAME", "local-function", "ITEMS_IN_MEMORY", "true");
        assertInstanceOf(InMemoryItemStore.class, ItemsConfiguration.choose(Optional.empty(), asked, NO_CLIENT));
        Map<String, String> other = Map.of("AWS_LAMBDA_FUNCTION_NAME", "f", "ITEMS_IN_MEMORY", "yes");
        assertThrows(IllegalStateException.class, () -> ItemsConfiguration.choose(Optional.empty(), other, NO_CLIENT));
    }
}
