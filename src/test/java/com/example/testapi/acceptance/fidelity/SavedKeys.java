package com.example.testapi.acceptance.fidelity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Identity-pool credentials kept from one deployed run for the next: an hour later they have expired, which is the
 * only way to observe the gateway's answer to expired credentials (the identity pool issues them for an hour). They
 * stay on the machine that ran the suite, under target/.
 */
public final class SavedKeys {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SavedKeys() {
    }

    public static void write(Path file, AwsSessionCredentialsIdentity keys) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, MAPPER.createObjectNode().put("accessKeyId", keys.accessKeyId())
                    .put("secretAccessKey", keys.secretAccessKey()).put("sessionToken", keys.sessionToken())
                    .toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static AwsSessionCredentialsIdentity read(Path file) {
        try {
            JsonNode keys = MAPPER.readTree(Files.readString(file));
            return AwsSessionCredentialsIdentity.create(keys.path("accessKeyId").asText(),
                    keys.path("secretAccessKey").asText(), keys.path("sessionToken").asText());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read saved keys from " + file, e);
        }
    }
}
