package com.example.testapi.local.userpool;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One user of the local user pool, as a value: a change makes a new one, which {@link UserDirectory} keeps in its
 * place, so a reader (a sign-in, a token) holds one whole user without a lock. Its password is kept as its SRP
 * verifier ({@link StoredPassword}), never as text; {@code modified} is the time of the last change of any kind.
 */
record PoolUser(String username, String sub, Instant created, Instant modified, Map<String, String> attributes,
        Set<String> groups, StoredPassword password, Status status, boolean enabled, SoftwareToken token) {

    enum Status {
        FORCE_CHANGE_PASSWORD, CONFIRMED
    }

    /**
     * The user's TOTP authenticator: {@code pending} is the secret of an {@code AssociateSoftwareToken} not yet
     * verified, {@code secret} the verified one (a new one replaces it only when verified, as the API reference
     * says); {@code enabled} and {@code preferred} are what {@code SetUserMFAPreference} set.
     */
    record SoftwareToken(String pending, String secret, boolean enabled, boolean preferred) {

        static final SoftwareToken NONE = new SoftwareToken(null, null, false, false);

        SoftwareToken associated(String newSecret) {
            return new SoftwareToken(newSecret, secret, enabled, preferred);
        }

        /** The pending secret becomes the user's; {@code enable} as MFA_SETUP does (it leaves the user with MFA). */
        SoftwareToken verified(boolean enable) {
            return new SoftwareToken(null, pending, enabled || enable, preferred || enable);
        }

        SoftwareToken preference(boolean enable, boolean prefer) {
            return new SoftwareToken(pending, secret, enable, enable && prefer);
        }
    }

    PoolUser {
        TreeMap<String, String> sorted = new TreeMap<>(attributes);
        sorted.put("sub", sub);
        attributes = Collections.unmodifiableMap(sorted);
        groups = Collections.unmodifiableSet(new LinkedHashSet<>(groups));
    }

    /** A new, enabled user: {@code attributes} besides {@code sub}, which the pool sets. */
    static PoolUser created(String username, String sub, Instant now, Map<String, String> attributes,
            StoredPassword password, Status status) {
        return new PoolUser(username, sub, now, now, attributes, Set.of(), password, status, true,
                SoftwareToken.NONE);
    }

    PoolUser withPassword(StoredPassword newPassword, Status newStatus, Instant now) {
        return new PoolUser(username, sub, created, now, attributes, groups, newPassword, newStatus, enabled, token);
    }

    /** AdminDisableUser / AdminEnableUser: a disabled user cannot sign in or refresh. */
    PoolUser withEnabled(boolean value, Instant now) {
        return new PoolUser(username, sub, created, now, attributes, groups, password, status, value, token);
    }

    PoolUser withGroup(String group, boolean member, Instant now) {
        Set<String> changed = new LinkedHashSet<>(groups);
        if (member) {
            changed.add(group);
        } else {
            changed.remove(group);
        }
        return new PoolUser(username, sub, created, now, attributes, changed, password, status, enabled, token);
    }

    PoolUser withSoftwareToken(SoftwareToken value, Instant now) {
        return new PoolUser(username, sub, created, now, attributes, groups, password, status, enabled, value);
    }

    PoolUser withAttribute(String name, String value, Instant now) {
        Map<String, String> changed = new TreeMap<>(attributes);
        changed.put(name, value);
        return new PoolUser(username, sub, created, now, changed, groups, password, status, enabled, token);
    }
}
