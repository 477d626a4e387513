package com.example.testapi.local.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The local users, by access key id, read from a JSON array (default {@value #DEFAULT_FILE}). */
public final class LocalUsers {

    public static final String DEFAULT_FILE = "src/local/resources/local-users.json";

    private final Map<String, LocalUser> byAccessKey;

    public LocalUsers(List<LocalUser> users) {
        this.byAccessKey = users.stream().collect(Collectors.toUnmodifiableMap(LocalUser::accessKeyId,
                Function.identity(), (a, b) -> {
                    throw new IllegalArgumentException("two local users share access key " + a.accessKeyId());
                }));
    }

    public static LocalUsers load(Path file) {
        try {
            LocalUser[] users = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(Files.readString(file), LocalUser[].class);
            return new LocalUsers(List.of(users));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read local users from " + file, e);
        }
    }

    public Optional<LocalUser> byAccessKey(String accessKeyId) {
        return Optional.ofNullable(byAccessKey.get(accessKeyId));
    }

    public List<LocalUser> all() {
        return byAccessKey.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }
}
