package com.example.testapi.local.userpool;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** One user of the local user pool; guarded by the pool's lock. */
final class PoolUser {

    enum Status {
        FORCE_CHANGE_PASSWORD, CONFIRMED
    }

    final String username;
    final String sub;
    final Instant created;
    final Map<String, String> attributes = new TreeMap<>();
    final Set<String> groups = new LinkedHashSet<>();
    // Written under the directory's lock; read by sign-in without it, so each read sees one whole value.
    volatile StoredPassword password;
    volatile Status status;
    volatile Instant modified;
    // AdminDisableUser / AdminEnableUser: a disabled user cannot sign in or refresh.
    volatile boolean enabled = true;

    PoolUser(String username, String sub, Instant created) {
        this.username = username;
        this.sub = sub;
        this.created = created;
        this.modified = created;
        attributes.put("sub", sub);
    }

    /** A new password (kept as its SRP verifier, never as text) with the status it leaves the user in. */
    void setPassword(String poolId, String newPassword, Status newStatus, Instant now) {
        password = StoredPassword.of(CognitoSrp.poolName(poolId), username, newPassword);
        status = newStatus;
        modified = now;
    }
}
