package com.example.testapi.local.userpool;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.testapi.local.awsjson.AwsError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The administrator's side of the user pool, as the manual's "Create users" and the acceptance suite use it:
 * AdminCreateUser, AdminSetUserPassword, AdminAddUserToGroup, AdminRemoveUserFromGroup, AdminListGroupsForUser,
 * AdminDeleteUser, AdminGetUser, AdminDisableUser, AdminEnableUser, AdminUserGlobalSignOut, ListUsers, ListGroups,
 * ListUsersInGroup (the lists paged by Limit and an opaque token, in username order). Every read or change of a user is
 * made under the directory's lock. Who may call them is the endpoint's caller check (AdminApiCallers): the one
 * administrator key, or identity-pool credentials by their role's policies; any other key is refused.
 */
final class UserPoolAdmin {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern FILTER = Pattern.compile("^\\s*(username|sub)\\s*(=|\\^=)\\s*\"(.*)\"\\s*$");

    private static final int MAX_PAGE = 60;

    private final UserPoolSettings settings;
    private final UserDirectory directory;
    private final UserTokens tokens;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    UserPoolAdmin(UserPoolSettings settings, UserDirectory directory, UserTokens tokens, Clock clock) {
        this.settings = settings;
        this.directory = directory;
        this.tokens = tokens;
        this.clock = clock;
    }

    ObjectNode createUser(ObjectNode input) {
        requirePool(input);
        String username = text(input, "Username");
        String password = input.hasNonNull("TemporaryPassword") ? input.get("TemporaryPassword").asText()
                : temporaryPassword();
        settings.passwordPolicy().check(password);
        ObjectNode described = directory.with(users -> {
            if (users.containsKey(username)) {
                throw new AwsError("UsernameExistsException", "User account already exists");
            }
            PoolUser created = new PoolUser(username, UUID.randomUUID().toString(), clock.instant());
            created.setPassword(settings.poolId(), password, PoolUser.Status.FORCE_CHANGE_PASSWORD, clock.instant());
            input.path("UserAttributes").forEach(a -> {
                if (!a.path("Name").asText().equals("sub")) {
                    created.attributes.put(a.path("Name").asText(), a.path("Value").asText());
                }
            });
            users.put(username, created);
            return describe(created, "Attributes"); // under the lock, as every read of a user's attributes
        });
        ObjectNode result = MAPPER.createObjectNode();
        result.set("User", described);
        return result;
    }

    ObjectNode setUserPassword(ObjectNode input) {
        requirePool(input);
        String password = text(input, "Password");
        directory.with(users -> {
            PoolUser user = UserDirectory.require(users, text(input, "Username")); // an unknown user comes first
            settings.passwordPolicy().check(password);
            user.setPassword(settings.poolId(), password, input.path("Permanent").asBoolean(false)
                    ? PoolUser.Status.CONFIRMED : PoolUser.Status.FORCE_CHANGE_PASSWORD, clock.instant());
            return user;
        });
        return MAPPER.createObjectNode();
    }

    ObjectNode addUserToGroup(ObjectNode input) {
        requirePool(input);
        String group = requireGroup(input);
        directory.with(users -> UserDirectory.require(users, text(input, "Username")).groups.add(group));
        return MAPPER.createObjectNode();
    }

    ObjectNode removeUserFromGroup(ObjectNode input) {
        requirePool(input);
        String group = requireGroup(input);
        directory.with(users -> UserDirectory.require(users, text(input, "Username")).groups.remove(group));
        return MAPPER.createObjectNode();
    }

    ObjectNode listGroupsForUser(ObjectNode input) {
        requirePool(input);
        List<String> groups = directory.with(users -> List.copyOf(
                UserDirectory.require(users, text(input, "Username")).groups)); // copied under the lock
        ObjectNode result = MAPPER.createObjectNode();
        ArrayNode list = result.putArray("Groups");
        groups.forEach(name -> describeGroup(list.addObject(), name, settings.groups().get(name)));
        return result;
    }

    ObjectNode deleteUser(ObjectNode input) {
        requirePool(input);
        directory.with(users -> {
            UserDirectory.require(users, text(input, "Username"));
            return users.remove(text(input, "Username"));
        });
        return MAPPER.createObjectNode();
    }

    /** AdminDisableUser / AdminEnableUser: sign-in and refresh refused while disabled; tokens already out stay. */
    ObjectNode setEnabled(ObjectNode input, boolean enabled) {
        requirePool(input);
        directory.with(users -> {
            PoolUser user = UserDirectory.require(users, text(input, "Username"));
            user.enabled = enabled;
            user.modified = clock.instant();
            return user;
        });
        return MAPPER.createObjectNode();
    }

    ObjectNode getUser(ObjectNode input) {
        requirePool(input);
        return directory.with(users -> describe(UserDirectory.require(users, text(input, "Username")),
                "UserAttributes"));
    }

    ObjectNode listUsers(ObjectNode input) {
        requirePool(input);
        String filter = input.path("Filter").asText("");
        Matcher matcher = FILTER.matcher(filter);
        if (!filter.isBlank() && !matcher.matches()) {
            throw new AwsError("InvalidParameterException", "The local user pool filters on username or sub only.");
        }
        return page(input, "PaginationToken", "Users", user -> filter.isBlank() || matches(matcher, user));
    }

    /** ListUsersInGroup: the group's members, paged as ListUsers (its token is NextToken). */
    ObjectNode listUsersInGroup(ObjectNode input) {
        requirePool(input);
        String group = requireGroup(input);
        return page(input, "NextToken", "Users", user -> user.groups.contains(group));
    }

    ObjectNode listGroups(ObjectNode input) {
        requirePool(input);
        ObjectNode result = MAPPER.createObjectNode();
        ArrayNode list = result.putArray("Groups");
        settings.groups().forEach((name, group) -> describeGroup(list.addObject(), name, group));
        return result;
    }

    /** AdminUserGlobalSignOut: every refresh token of the user stops working (as GlobalSignOut does). */
    ObjectNode globalSignOut(ObjectNode input) {
        requirePool(input);
        tokens.signOutEverywhere(directory.with(users -> UserDirectory.require(users, text(input, "Username")).sub));
        return MAPPER.createObjectNode();
    }

    /** Users in username order from the token on, at most Limit (1 to 60, default 60), and the next token. */
    private ObjectNode page(ObjectNode input, String tokenField, String listField,
            Predicate<PoolUser> wanted) {
        int limit = input.path("Limit").asInt(MAX_PAGE);
        if (limit < 1 || limit > MAX_PAGE) {
            throw new AwsError("InvalidParameterException", "1 validation error detected: Value '" + limit
                    + "' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60");
        }
        String after = input.hasNonNull(tokenField) ? decodeToken(input.get(tokenField).asText()) : "";
        ObjectNode result = MAPPER.createObjectNode();
        ArrayNode list = result.putArray(listField);
        directory.with(users -> { // described under the lock: attributes and groups change under it
            List<PoolUser> selected = users.values().stream().filter(wanted)
                    .filter(user -> user.username.compareTo(after) > 0)
                    .sorted(Comparator.comparing((PoolUser user) -> user.username)).limit(limit + 1L).toList();
            selected.stream().limit(limit).forEach(user -> list.add(describe(user, "Attributes")));
            if (selected.size() > limit) {
                result.put(tokenField, Base64.getUrlEncoder().withoutPadding().encodeToString(
                        selected.get(limit - 1).username.getBytes(StandardCharsets.UTF_8)));
            }
            return null;
        });
        return result;
    }

    private static String decodeToken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new AwsError("InvalidParameterException", "The pagination token is not valid.");
        }
    }

    private void describeGroup(ObjectNode node, String name, UserPoolSettings.Group group) {
        node.put("GroupName", name).put("UserPoolId", settings.poolId());
        if (group.precedence() != null) {
            node.put("Precedence", group.precedence());
        }
        if (group.roleArn() != null) {
            node.put("RoleArn", group.roleArn());
        }
    }

    private static boolean matches(Matcher filter, PoolUser user) {
        String value = filter.group(1).equals("sub") ? user.sub : user.username;
        return filter.group(2).equals("=") ? value.equals(filter.group(3)) : value.startsWith(filter.group(3));
    }

    private ObjectNode describe(PoolUser user, String attributesField) {
        ObjectNode node = MAPPER.createObjectNode().put("Username", user.username);
        ArrayNode attributes = node.putArray(attributesField);
        user.attributes.forEach((name, value) -> attributes.addObject().put("Name", name).put("Value", value));
        return node.put("UserCreateDate", seconds(user.created)).put("UserLastModifiedDate", seconds(user.modified))
                .put("Enabled", user.enabled).put("UserStatus", user.status.name());
    }

    private void requirePool(JsonNode input) {
        String pool = input.path("UserPoolId").asText("");
        if (!pool.equals(settings.poolId())) {
            throw new AwsError("ResourceNotFoundException", "User pool " + pool + " does not exist.");
        }
    }

    private String requireGroup(JsonNode input) {
        String group = input.path("GroupName").asText("");
        if (!settings.groups().containsKey(group)) {
            throw new AwsError("ResourceNotFoundException", "Group not found.");
        }
        return group;
    }

    private static String text(JsonNode input, String field) {
        JsonNode value = input.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new AwsError("InvalidParameterException", "1 validation error detected: Value at '"
                    + Character.toLowerCase(field.charAt(0)) + field.substring(1)
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value.asText();
    }

    /** A temporary password that meets the policy (Cognito makes one when the administrator gives none). */
    private String temporaryPassword() {
        String[] classes = { "ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", "!#%+-=?@^_" };
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < Math.max(16, settings.passwordPolicy().minimumLength()); i++) {
            String pool = classes[i % classes.length];
            password.append(pool.charAt(random.nextInt(pool.length())));
        }
        return password.toString();
    }

    private static double seconds(Instant time) {
        return time.toEpochMilli() / 1000.0;
    }
}
