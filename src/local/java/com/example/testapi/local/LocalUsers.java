package com.example.testapi.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The users the local cloud creates in its user pool at start (default {@value #DEFAULT_FILE}): a name, a local
 * password that meets the template's policy, groups, optionally a (verified) email, and optionally the secret of a
 * TOTP authenticator already set up (an administrator's second factor: docs/mfa.md). They sign in like anyone
 * else; nobody holds fixed keys.
 */
public record LocalUsers(List<User> users) {

    public static final String DEFAULT_FILE = "src/local/resources/local-users.json";

    /**
     * {@code email}, when given, is created verified: the address "Forgot your password?" delivers codes to.
     * {@code totpSecret}, when given (Base32), is the user's verified TOTP authenticator, turned on and preferred.
     */
    public record User(String name, String password, List<String> groups, String email, String totpSecret) {
        public User {
            groups = groups == null ? List.of() : List.copyOf(groups);
        }

        public User(String name, String password, List<String> groups) {
            this(name, password, groups, null, null);
        }

        public User(String name, String password, List<String> groups, String email) {
            this(name, password, groups, email, null);
        }
    }

    public static LocalUsers load(Path file) {
        try {
            User[] users = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(Files.readString(file), User[].class);
            return new LocalUsers(List.of(users));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read local users from " + file, e);
        }
    }
}
