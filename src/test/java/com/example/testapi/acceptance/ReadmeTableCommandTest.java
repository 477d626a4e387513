package com.example.testapi.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.testapi.caller.CallerIdentity;
import com.example.testapi.items.DynamoDbItemStore;
import com.example.testapi.items.Item;
import com.example.testapi.items.ItemIds;
import com.example.testapi.support.Moto;
import com.example.testapi.support.TemplateTable;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The manual's "Run locally against DynamoDB": its {@code aws dynamodb create-table} command, run with the AWS CLI,
 * makes the table template.yaml deploys (same keys and types), and the function's store works in it.
 */
class ReadmeTableCommandTest {

    @TempDir
    Path work;

    @Test
    void theReadmesCreateTableMakesTheTemplatesTable() throws Exception {
        String block = ReadmeCommandsTest.blocks("Run locally against DynamoDB").get(0);
        int start = block.indexOf("aws dynamodb create-table");
        assertTrue(start >= 0, block);
        int end = block.indexOf('\n', block.indexOf("--billing-mode", start));
        // The one change: a table of its own, so the test never touches an "items" table of the endpoint it is given.
        String name = "readme-" + UUID.randomUUID();
        String command = block.substring(start, end).replace("--table-name items ", "--table-name " + name + " ");
        assertTrue(command.contains(name), command);

        String endpoint = Moto.endpoint();
        ReadmeCommandsTest.bash(work, command + " > /dev/null\n", Map.of("AWS_ENDPOINT_URL_DYNAMODB", endpoint,
                "AWS_REGION", "us-east-1", "AWS_DEFAULT_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "local",
                "AWS_SECRET_ACCESS_KEY", "local"));

        try (DynamoDbClient client = TemplateTable.client()) {
            String fromTemplate = TemplateTable.create(client);
            try {
                TableDescription readme = client.describeTable(d -> d.tableName(name)).table();
                TableDescription template = client.describeTable(d -> d.tableName(fromTemplate)).table();
                assertEquals(template.keySchema(), readme.keySchema());
                assertEquals(template.attributeDefinitions(), readme.attributeDefinitions());

                DynamoDbItemStore store = new DynamoDbItemStore(client, name);
                String id = "01a21aba-dd58-7049-bf8a-322c08632947";
                Item item = new Item(id, "from the README", ItemIds.createdAt(id),
                        new CallerIdentity("local-TestApiFullAccess", "us-east-1:id", "sub", "123456789012"));
                store.save(item, Optional.empty());
                assertEquals(item, store.list(5, Optional.empty()).items().get(0));
            } finally {
                client.deleteTable(d -> d.tableName(name));
                client.deleteTable(d -> d.tableName(fromTemplate));
            }
        }
    }
}
