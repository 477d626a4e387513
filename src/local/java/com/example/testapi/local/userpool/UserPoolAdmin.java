package com.example.testapi.local.userpool;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.testapi.local.awsjson.AwsError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The administrator's side of the user pool, as README's "Create users" and the acceptance suite use it:
 * AdminCreateUser, AdminSetUserPassword, AdminAddUserToGroup, AdminRemoveUserFromGroup, AdminListGroupsForUser,
 * AdminDeleteUser, AdminGetUser, AdminDisableUser, AdminEnableUser, ListUsers. Locally nobody is an account administrator: the endpoint only asks for a
 * well-formed SigV4 signature.
 */
final class UserPoolAdmin {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern FILTER = Pattern.compile("^\\s*(username|sub)\\s*(=|\\^=)\\s*\"(.*)\"\\s*$");

    private final UserPoolSettings settings;
    private final UserDirectory directory;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    UserPoolAdmin(UserPoolSettings settings, UserDirectory directory, Clock clock) {
        this.settings = settings;
        this.directory = directory;
        this.clock = clock;
    }

    ObjectNode createUser(ObjectNode input) {
        requirePool(input);
        String username = text(input, "Username");
        String password = input.hasNonNull("TemporaryPassword") ? input.get("TemporaryPassword").asText()
                : temporaryPassword();
        settings.passwordPolicy().check(password);
        PoolUser user = directory.with(users -> {
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
            return created;
        });
        ObjectNode result = MAPPER.createObjectNode();
        result.set("User", describe(user, "Attributes"));
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
                UserDirectory.require(users, text(input, "Username")).groups));
        ObjectNode result = MAPPER.createObjectNode();
        ArrayNode list = result.putArray("Groups");
        groups.forEach(name -> {
            UserPoolSettings.Group group = settings.groups().get(name);
            ObjectNode node = list.addObject().put("GroupName", name).put("UserPoolId", settings.poolId());
            if (group.precedence() != null) {
                node.put("Precedence", group.precedence());
            }
            if (group.roleArn() != null) {
                node.put("RoleArn", group.roleArn());
            }
        });
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
        ObjectNode result = MAPPER.createObjectNode();
        ArrayNode list = result.putArray("Users");
        directory.with(users -> {
            users.values().stream().filter(user -> filter.isBlank() || matches(matcher, user))
                    .forEach(user -> list.add(describe(user, "Attributes")));
            return null;
        });
        return result;
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
