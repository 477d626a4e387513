package com.example.testapi.admin;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.example.testapi.items.ItemsConfiguration;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Where creation keys live: the items table when there is one, else memory, under the items' fail-closed rule. */
public class CreateKeysConfiguration {

    @Produces
    @ApplicationScoped
    CreateKeys createKeys(@ConfigProperty(name = "table.name") Optional<String> table,
            Instance<DynamoDbClient> client, Clock clock) {
        Optional<String> name = table.filter(t -> !t.isBlank());
        if (name.isPresent()) {
            return new DynamoDbCreateKeys(client.get(), name.get(), clock);
        }
        ItemsConfiguration.requireMemoryAllowed(System.getenv(), "Idempotency-Keys");
        return new InMemoryCreateKeys(clock);
    }
}
