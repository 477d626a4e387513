package com.example.testapi.local.userpool;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.example.testapi.local.awsjson.AwsError;

/** The pool's users by username. Every read or change of a user goes through {@link #with}, under one lock. */
final class UserDirectory {

    private final Map<String, PoolUser> users = new LinkedHashMap<>();

    synchronized <T> T with(Function<Map<String, PoolUser>, T> work) {
        return work.apply(users);
    }

    /** The user, or Cognito's {@code UserNotFoundException}. */
    static PoolUser require(Map<String, PoolUser> users, String username) {
        PoolUser user = username == null ? null : users.get(username);
        if (user == null) {
            throw new AwsError("UserNotFoundException", "User does not exist.");
        }
        return user;
    }

    synchronized Optional<PoolUser> bySub(String sub) {
        return users.values().stream().filter(u -> u.sub.equals(sub)).findFirst();
    }
}
