package com.example.testapi.local.userpool;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The pool's users by username, and the one way to change them: each change below is made under one lock and keeps
 * the pool's rules (unique names, the password policy, passwords kept as verifiers, {@code modified} set on every
 * change). Reads hand out the current {@link PoolUser} value.
 */
final class UserDirectory {

    private final Map<String, PoolUser> users = new LinkedHashMap<>();
    private final String poolName;
    private final PasswordPolicy policy;
    private final Clock clock;

    UserDirectory(String poolId, PasswordPolicy policy, Clock clock) {
        this.poolName = CognitoSrp.poolName(poolId);
        this.policy = policy;
        this.clock = clock;
    }

    /** A new user with {@code password} (checked against the policy first), or UsernameExistsException. */
    synchronized PoolUser create(String username, String password, PoolUser.Status status,
            Map<String, String> attributes) {
        policy.check(password);
        if (users.containsKey(username)) {
            throw CognitoErrors.usernameExists();
        }
        PoolUser user = PoolUser.created(username, UUID.randomUUID().toString(), clock.instant(), attributes,
                StoredPassword.of(poolName, username, password), status);
        users.put(username, user);
        return user;
    }

    synchronized int count() {
        return users.size();
    }

    synchronized Optional<PoolUser> find(String username) {
        return Optional.ofNullable(username == null ? null : users.get(username));
    }

    /** The user, or Cognito's {@code UserNotFoundException}. */
    PoolUser require(String username) {
        return find(username).orElseThrow(CognitoErrors::userNotFound);
    }

    synchronized Optional<PoolUser> bySub(String sub) {
        return users.values().stream().filter(u -> u.sub().equals(sub)).findFirst();
    }

    /** The users {@code wanted} selects, in username order. */
    synchronized List<PoolUser> list(Predicate<PoolUser> wanted) {
        return users.values().stream().filter(wanted).sorted(Comparator.comparing(PoolUser::username)).toList();
    }

    /** A new password for a user that exists (that comes first), if the policy admits it. */
    PoolUser setPassword(String username, String password, PoolUser.Status status) {
        return change(username, user -> {
            policy.check(password);
            return user.withPassword(StoredPassword.of(poolName, username, password), status, clock.instant());
        });
    }

    /** ChangePassword: the previous password must be the user's, then the proposed one must meet the policy. */
    PoolUser changePassword(String username, String previous, String proposed) {
        return change(username, user -> {
            if (!user.password().matches(poolName, username, previous)) {
                throw CognitoErrors.wrongCredentials();
            }
            policy.check(proposed);
            return user.withPassword(StoredPassword.of(poolName, username, proposed), PoolUser.Status.CONFIRMED,
                    clock.instant());
        });
    }

    PoolUser setEnabled(String username, boolean enabled) {
        return change(username, user -> user.withEnabled(enabled, clock.instant()));
    }

    PoolUser setGroup(String username, String group, boolean member) {
        return change(username, user -> user.withGroup(group, member, clock.instant()));
    }

    /** Marks a contact attribute ({@code email}, {@code phone_number}) verified. */
    PoolUser verifyAttribute(String username, String attribute) {
        return change(username, user -> user.withAttribute(attribute + "_verified", "true", clock.instant()));
    }

    /** Sets {@code attribute} to {@code value} (UpdateUserAttributes, once the client may write it). */
    PoolUser setAttribute(String username, String attribute, String value) {
        return change(username, user -> user.withAttribute(attribute, value, clock.instant()));
    }

    /** The user's TOTP authenticator, changed by {@code change} (an association, its verification, a preference). */
    PoolUser setSoftwareToken(String username, UnaryOperator<PoolUser.SoftwareToken> change) {
        return change(username, user -> user.withSoftwareToken(change.apply(user.token()), clock.instant()));
    }

    synchronized void delete(String username) {
        require(username);
        users.remove(username);
    }

    /** Whether {@code password} is the one of {@code user}, computed as a sign-in does (for ChangePassword's check). */
    boolean matches(StoredPassword stored, String username, String password) {
        return stored.matches(poolName, username, password);
    }

    private synchronized PoolUser change(String username, UnaryOperator<PoolUser> change) {
        PoolUser changed = change.apply(require(username));
        users.put(username, changed);
        return changed;
    }
}
