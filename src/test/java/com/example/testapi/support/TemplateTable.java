package com.example.testapi.support;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.example.testapi.local.template.SamTemplate;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/** Creates a table in moto with the key schema template.yaml gives ItemsTable: tests store what AWS would. */
public final class TemplateTable {

    private TemplateTable() {
    }

    public static DynamoDbClient client() {
        Moto.endpoint();
        return DynamoDbClient.builder().httpClient(new SerializedHttpClient()).build();
    }

    /** A fresh, uniquely named table; returns its name. */
    public static String create(DynamoDbClient client) {
        Map<String, Object> props = SamTemplate.load(Path.of("template.yaml")).properties("ItemsTable");
        String name = "items-" + UUID.randomUUID();
        client.createTable(t -> t.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(list(props, "KeySchema").stream().map(k -> KeySchemaElement.builder()
                        .attributeName(k.get("AttributeName")).keyType(k.get("KeyType")).build()).toList())
                .attributeDefinitions(list(props, "AttributeDefinitions").stream().map(a -> AttributeDefinition.builder()
                        .attributeName(a.get("AttributeName")).attributeType(a.get("AttributeType")).build()).toList()));
        return name;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> list(Map<String, Object> props, String key) {
        return (List<Map<String, String>>) props.get(key);
    }
}
