package com.example.testapi.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

import com.example.testapi.items.ItemsConfiguration;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * In @QuarkusTest apps, the function's DynamoDB client, with its own limits, talking to moto one request at a time
 * ({@link SerializedHttpClient} says why). Only created when a test profile sets a table.
 */
public class MotoDynamoDbClient {

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    DynamoDbClient dynamoDb() {
        Moto.endpoint();
        return ItemsConfiguration.withLambdaLimits(DynamoDbClient.builder()).httpClient(new SerializedHttpClient()).build();
    }
}
