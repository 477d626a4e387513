package com.example.testapi.local.identitypool;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Every credential the identity pool issued, by access key id: what the gateway checks signatures against. */
public final class CredentialsStore {

    private final Map<String, IssuedCredentials> byAccessKey = new ConcurrentHashMap<>();

    void add(IssuedCredentials credentials) {
        byAccessKey.put(credentials.accessKeyId(), credentials);
    }

    public Optional<IssuedCredentials> byAccessKey(String accessKeyId) {
        return Optional.ofNullable(accessKeyId == null ? null : byAccessKey.get(accessKeyId));
    }
}
