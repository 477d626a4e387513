package com.example.testapi.items;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import com.example.testapi.caller.CallerIdentity;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The table's layout: one table, key {@code pk} (partition) + {@code sk} (sort), three kinds of record.
 * <ul>
 * <li>item: {@code pk = ITEMS#yyyy-MM-dd} (UTC day it was created), {@code sk = id} (UUIDv7: sorts by time);</li>
 * <li>bucket marker: {@code pk = BUCKETS}, {@code sk = yyyy-MM-dd}: which days hold items, so a listing can skip empty
 * days instead of scanning;</li>
 * <li>idempotency key: {@code pk = KEY#sha256(caller-scoped key)}, {@code sk = -}, the item it stands for without its
 * message ({@code itemId}, {@code createdAt}, the author) and the message's SHA-256 ({@code messageSha256}), and
 * {@code expiresAt} for DynamoDB's TTL. Small (under 1 KB whatever the message), so it costs one write unit; a
 * retry brings the message again, and the hash tells the same body from another.</li>
 * </ul>
 */
final class ItemRecords {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String BUCKETS = "BUCKETS";
    static final String EXPIRES_AT = "expiresAt";
    static final String MESSAGE_HASH = "messageSha256";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private ItemRecords() {
    }

    static String day(Instant createdAt) {
        return DAY.format(createdAt);
    }

    static String bucket(String day) {
        return "ITEMS#" + day;
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, s(pk), SK, s(sk));
    }

    static Map<String, AttributeValue> item(Item item) {
        Map<String, AttributeValue> record = new HashMap<>(key(bucket(day(item.createdAt())), item.id()));
        record.put("message", s(item.message()));
        record.put("createdAt", s(item.createdAt().toString()));
        CallerIdentity author = item.createdBy();
        putIfPresent(record, "role", author.role());
        putIfPresent(record, "identityId", author.identityId());
        putIfPresent(record, "userSub", author.userSub());
        putIfPresent(record, "accountId", author.accountId());
        return record;
    }

    static Item item(Map<String, AttributeValue> record) {
        return new Item(record.get("itemId") != null ? text(record, "itemId") : text(record, SK),
                text(record, "message"), Instant.parse(text(record, "createdAt")),
                new CallerIdentity(text(record, "role"), text(record, "identityId"), text(record, "userSub"),
                        text(record, "accountId")));
    }

    /** The idempotency record: the key, the item without its message, the message's hash, and its expiry. */
    static Map<String, AttributeValue> idempotencyKey(String scopedKey, Item item, Instant expiresAt) {
        Map<String, AttributeValue> record = item(item);
        record.remove("message");
        record.putAll(key(idempotencyPk(scopedKey), "-"));
        record.put("itemId", s(item.id()));
        record.put(MESSAGE_HASH, s(sha256(item.message())));
        record.put(EXPIRES_AT, AttributeValue.fromN(String.valueOf(expiresAt.getEpochSecond())));
        return record;
    }

    /**
     * Whether {@code message} is the one the key record stood for: by its hash, or, for a record written before the
     * hash (a copy of the whole item), by the message itself.
     */
    static boolean sameMessage(Map<String, AttributeValue> keyRecord, String message) {
        AttributeValue hash = keyRecord.get(MESSAGE_HASH);
        return hash != null ? MessageDigest.isEqual(hash.s().getBytes(StandardCharsets.US_ASCII),
                sha256(message).getBytes(StandardCharsets.US_ASCII)) : message.equals(text(keyRecord, "message"));
    }

    /** The item a key record stands for, with {@code message} (the same one: {@link #sameMessage}). */
    static Item keyedItem(Map<String, AttributeValue> keyRecord, String message) {
        Map<String, AttributeValue> record = new HashMap<>(keyRecord);
        record.put("message", s(message));
        return item(record);
    }

    static Map<String, AttributeValue> bucketMarker(String day) {
        return key(BUCKETS, day);
    }

    /** Hashing keeps the partition key short and free of the caller's characters; it is no secret. */
    static String idempotencyPk(String scopedKey) {
        return "KEY#" + sha256(scopedKey);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void putIfPresent(Map<String, AttributeValue> record, String name, String value) {
        if (value != null) {
            record.put(name, s(value));
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static String text(Map<String, AttributeValue> record, String name) {
        AttributeValue value = record.get(name);
        return value == null ? null : value.s();
    }
}
