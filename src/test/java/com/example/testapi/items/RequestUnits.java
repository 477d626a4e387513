package com.example.testapi.items;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * The request units each call the store makes costs, by DynamoDB's published rules ("Read and write operations" in
 * the DynamoDB developer guide), seen on the AWS SDK's own requests and answers: a write costs one unit per 1 KB of
 * the larger of the item written and the one it replaces or, when its condition fails, the one it met; an item in a
 * transaction costs two; a Query costs one read unit per 4 KB of all the items it read, summed before rounding (half
 * when eventually consistent), and at least one. An item's size is its attribute names' and values' UTF-8 bytes, a
 * number's one byte per two significant digits plus one.
 */
final class RequestUnits implements ExecutionInterceptor {

    /** One call: its operation, what it wrote to (the record's kind), and its units. */
    record Call(String operation, String kind, double writeUnits, double readUnits) {
    }

    final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

    void clear() {
        calls.clear();
    }

    double writeUnits() {
        return calls.stream().mapToDouble(Call::writeUnits).sum();
    }

    double readUnits() {
        return calls.stream().mapToDouble(Call::readUnits).sum();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof PutItemRequest put) {
            calls.add(new Call("PutItem", kind(put.item()), units(size(put.item()), 1024), 0));
        } else if (context.request() instanceof QueryRequest query
                && context.response() instanceof QueryResponse answer) {
            long read = answer.items().stream().mapToLong(RequestUnits::size).sum();
            double units = Math.max(1, units(read, 4096));
            calls.add(new Call("Query", query.keyConditionExpression(), 0,
                    Boolean.TRUE.equals(query.consistentRead()) ? units : units / 2));
        } else if (context.request() instanceof TransactWriteItemsRequest transaction) {
            double units = transaction.transactItems().stream()
                    .mapToDouble(t -> 2 * units(size(t.put().item()), 1024)).sum();
            calls.add(new Call("TransactWriteItems", "items", units, 0));
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof PutItemRequest put
                && context.exception() instanceof ConditionalCheckFailedException failed) {
            long met = failed.hasItem() ? size(failed.item()) : 0;
            calls.add(new Call("PutItem (condition failed)", kind(put.item()),
                    units(Math.max(size(put.item()), met), 1024), 0));
        }
    }

    private static String kind(Map<String, AttributeValue> item) {
        String pk = item.get(ItemRecords.PK).s();
        return pk.startsWith("KEY#") ? "key" : pk.equals(ItemRecords.BUCKETS) ? "day" : "item";
    }

    private static double units(long bytes, int unit) {
        return Math.max(1, (bytes + unit - 1) / unit);
    }

    static long size(Map<String, AttributeValue> item) {
        long bytes = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            bytes += attribute.getKey().getBytes(StandardCharsets.UTF_8).length;
            AttributeValue value = attribute.getValue();
            if (value.s() != null) {
                bytes += value.s().getBytes(StandardCharsets.UTF_8).length;
            } else if (value.n() != null) {
                String digits = new BigDecimal(value.n()).stripTrailingZeros().unscaledValue().abs().toString();
                bytes += (digits.length() + 1) / 2 + 1;
            } else {
                throw new IllegalArgumentException("only strings and numbers are stored: " + attribute.getKey());
            }
        }
        return bytes;
    }
}
