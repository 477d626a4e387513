package com.example.testapi.local.userpool;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.testapi.local.awsjson.Input;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The administrator's side of the user pool, as the manual's "Create users" and the acceptance suite use it:
 * AdminCreateUser, AdminSetUserPassword, AdminAddUserToGroup, AdminRemoveUserFromGroup, AdminListGroupsForUser,
 * AdminDeleteUser, AdminGetUser, AdminDisableUser, AdminEnableUser, AdminUserGlobalSignOut, ListUsers, ListGroups,
 * ListUsersInGroup (the lists paged by Limit and an opaque token, in username order). Every change of a user is one
 * of {@link UserDirectory}'s. Who may call them is the endpoint's caller check (AdminApiCallers): the one
 * administrator key, or identity-pool credentials by their role's policies; any other key is refused.
 */
final class AdminOperations {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern FILTER = Pattern.compile("^\\s*(username|sub)\\s*(=|\\^=)\\s*\"(.*)\"\\s*$");

    private static final int MAX_PAGE = 60;

    private final UserPoolSettings settings;
    private final UserDirectory directory;
    private final UserTokens tokens;
    private final SecureRandom random = new SecureRandom();

    AdminOperations(UserPoolSettings settings, UserDirectory directory, UserTokens tokens) {
        this.settings = settings;
        this.directory = directory;
        this.tokens = tokens;
    }

    ObjectNode createUser(Input input) {
        requirePool(input);
        String password = input.text("TemporaryPassword");
        Map<String, String> attributes = new LinkedHashMap<>();
        input.list("UserAttributes").forEach(a -> {
            if (!a.text("Name").equals("sub")) {
                attributes.put(a.text("Name"), a.text("Value", ""));
            }
        });
        PoolUser created = directory.create(input.text("Username"), password != null ? password : temporaryPassword(),
                PoolUser.Status.FORCE_CHANGE_PASSWORD, attributes);
        ObjectNode result = MAPPER.createObjectNode();
        result.set("User", describe(created, "Attributes"));
        return result;
    }

    ObjectNode setUserPassword(Input input) {
        requirePool(input);
        directory.setPassword(input.text("Username"), input.text("Password"), input.bool("Permanent", false)
                ? PoolUser.Status.CONFIRMED : PoolUser.Status.FORCE_CHANGE_PASSWORD);
        return MAPPER.createObjectNode();
    }

    ObjectNode addUserToGroup(Input input) {
        requirePool(input);
        directory.setGroup(input.text("Username"), requireGroup(input), true);
        return MAPPER.createObjectNode();
    }

    ObjectNode removeUserFromGroup(Input input) {
        requirePool(input);
        directory.setGroup(input.text("Username"), requireGroup(input), false);
        return MAPPER.createObjectNode();
    }

    ObjectNode listGroupsForUser(Input input) {
        requirePool(input);
        ObjectNode result = MAPPER.createObjectNode();
        ArrayNode list = result.putArray("Groups");
        directory.require(input.text("Username")).groups()
                .forEach(name -> describeGroup(list.addObject(), name, settings.groups().get(name)));
        return result;
    }

    ObjectNode deleteUser(Input input) {
        requirePool(input);
        directory.delete(input.text("Username"));
        return MAPPER.createObjectNode();
    }

    /** AdminDisableUser / AdminEnableUser: sign-in and refresh refused while disabled; tokens already out stay. */
    ObjectNode setEnabled(Input input, boolean enabled) {
        requirePool(input);
        directory.setEnabled(input.text("Username"), enabled);
        return MAPPER.createObjectNode();
    }

    ObjectNode getUser(Input input) {
        requirePool(input);
        PoolUser user = directory.require(input.text("Username"));
        ObjectNode answer = describe(user, "UserAttributes");
        SoftwareTokenMfa.describe(user, answer);
        return answer;
    }

    ObjectNode listUsers(Input input) {
        requirePool(input);
        String filter = input.text("Filter", "");
        Matcher matcher = FILTER.matcher(filter);
        if (!filter.isBlank() && !matcher.matches()) {
            throw CognitoErrors.invalidParameter("The local user pool filters on username or sub only.");
        }
        return page(input, "PaginationToken", "Users", user -> filter.isBlank() || matches(matcher, user));
    }

    /** ListUsersInGroup: the group's members, paged as ListUsers (its token is NextToken). */
    ObjectNode listUsersInGroup(Input input) {
        requirePool(input);
        String group = requireGroup(input);
        return page(input, "NextToken", "Users", user -> user.groups().contains(group));
    }

    ObjectNode listGroups(Input input) {
        requirePool(input);
        ObjectNode result = MAPPER.createObjectNode();
        ArrayNode list = result.putArray("Groups");
        settings.groups().forEach((name, group) -> describeGroup(list.addObject(), name, group));
        return result;
    }

    /** DescribeUserPool: its sign-in and MFA settings (see {@link PoolDescription}). */
    ObjectNode describeUserPool(Input input) {
        requirePool(input);
        return PoolDescription.describe(settings, "local-users", directory.count());
    }

    /** AdminUserGlobalSignOut: every refresh token of the user stops working (as GlobalSignOut does). */
    ObjectNode globalSignOut(Input input) {
        requirePool(input);
        tokens.signOutEverywhere(directory.require(input.text("Username")).sub());
        return MAPPER.createObjectNode();
    }

    /**
     * Users in username order from the token on, at most Limit (up to 60, the default; the model admits 0, read
     * here as the default: what Cognito makes of 0 is not documented), and the next token.
     */
    private ObjectNode page(Input input, String tokenField, String listField, Predicate<PoolUser> wanted) {
        int requested = input.integer("Limit", MAX_PAGE);
        int limit = requested == 0 ? MAX_PAGE : requested;
        String token = input.text(tokenField);
        String after = token != null ? decodeToken(token) : "";
        List<PoolUser> selected = directory.list(wanted.and(user -> user.username().compareTo(after) > 0));
        ObjectNode result = MAPPER.createObjectNode();
        ArrayNode list = result.putArray(listField);
        selected.stream().limit(limit).forEach(user -> list.add(describe(user, "Attributes")));
        if (selected.size() > limit) {
            result.put(tokenField, Base64.getUrlEncoder().withoutPadding().encodeToString(
                    selected.get(limit - 1).username().getBytes(StandardCharsets.UTF_8)));
        }
        return result;
    }

    private static String decodeToken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw CognitoErrors.invalidParameter("The pagination token is not valid.");
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
        String value = filter.group(1).equals("sub") ? user.sub() : user.username();
        return filter.group(2).equals("=") ? value.equals(filter.group(3)) : value.startsWith(filter.group(3));
    }

    private static ObjectNode describe(PoolUser user, String attributesField) {
        ObjectNode node = MAPPER.createObjectNode().put("Username", user.username());
        ArrayNode attributes = node.putArray(attributesField);
        user.attributes().forEach((name, value) -> attributes.addObject().put("Name", name).put("Value", value));
        return node.put("UserCreateDate", seconds(user.created())).put("UserLastModifiedDate",
                seconds(user.modified())).put("Enabled", user.enabled()).put("UserStatus", user.status().name());
    }

    private void requirePool(Input input) {
        String pool = input.text("UserPoolId");
        if (!pool.equals(settings.poolId())) {
            throw CognitoErrors.poolNotFound(pool);
        }
    }

    private String requireGroup(Input input) {
        String group = input.text("GroupName");
        if (!settings.groups().containsKey(group)) {
            throw CognitoErrors.groupNotFound();
        }
        return group;
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
