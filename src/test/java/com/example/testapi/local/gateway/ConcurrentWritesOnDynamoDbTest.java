package com.example.testapi.local.gateway;

import java.util.List;
import java.util.Map;

import com.example.testapi.support.TemplateTable;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The concurrency contract with the function storing in DynamoDB (moto), in a table made from template.yaml. */
@QuarkusTest
@TestProfile(ConcurrentWritesOnDynamoDbTest.DynamoDbStore.class)
class ConcurrentWritesOnDynamoDbTest extends ConcurrentWritesContract {

    /** Starts the app with TABLE_NAME set, as template.yaml deploys it. */
    public static class DynamoDbStore implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(MotoTable.class));
        }
    }

    /** A fresh table in moto before the app starts; the SDK finds moto through the system properties Moto sets. */
    public static class MotoTable implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try (var client = TemplateTable.client()) {
                return Map.of("table.name", TemplateTable.create(client));
            }
        }

        @Override
        public void stop() {
        }
    }
}
