package com.example.testapi.bench.power;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The DynamoDB API the power-tuning run stores in: moto at {@code AWS_ENDPOINT_URL_DYNAMODB} (CI starts one; so does
 * whoever makes a committed run), a table of template.yaml's key schema made for the run and deleted after it, and
 * {@link StorageDelayProxy} stand-ins in front of it, one per storage wait. Without an endpoint there is none, and
 * the run falls back to the in-memory store, saying so in its report.
 */
final class StorageEndpoint implements AutoCloseable {

    private final URI moto;
    private final DynamoDbClient client;
    private final String table = "power-tuning-" + ProcessHandle.current().pid();

    private StorageEndpoint(URI moto) {
        this.moto = moto;
        this.client = DynamoDbClient.builder().endpointOverride(moto).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .build();
        // template.yaml's key schema: pk and sk, both strings.
        client.createTable(t -> t.tableName(table).billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
                        k -> k.attributeName("sk").keyType(KeyType.RANGE)));
    }

    static Optional<StorageEndpoint> fromEnvironment() {
        String endpoint = System.getenv("AWS_ENDPOINT_URL_DYNAMODB");
        return endpoint == null || endpoint.isBlank() ? Optional.empty()
                : Optional.of(new StorageEndpoint(URI.create(endpoint)));
    }

    /** A stand-in whose calls each take {@code waitMs}, after its first {@code passThrough} went to moto. */
    StorageDelayProxy proxy(double waitMs, int passThrough) {
        return StorageDelayProxy.start(moto, waitMs, passThrough);
    }

    /** What the function needs to store through {@code proxy}. */
    Map<String, String> environment(StorageDelayProxy proxy) {
        return Map.of("TABLE_NAME", table, "AWS_ENDPOINT_URL_DYNAMODB", proxy.endpoint(), "AWS_ACCESS_KEY_ID",
                "testing", "AWS_SECRET_ACCESS_KEY", "testing");
    }

    String describe() {
        return "DynamoDB API at " + moto + " (moto), table " + table + ", behind a stand-in that answers every call "
                + "after the first ones with moto's answer after exactly the wait";
    }

    @Override
    public void close() {
        client.deleteTable(t -> t.tableName(table));
        client.close();
    }
}
