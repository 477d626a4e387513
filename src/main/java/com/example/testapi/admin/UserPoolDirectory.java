package com.example.testapi.admin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.example.testapi.admin.UserPoolFailure.Kind;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * This stack's user pool, as the administration function reads and changes it: every Cognito call the function
 * makes is here, and the function's role allows exactly these (template.yaml, AdminFunctionRole). The client is built
 * at the first call, so a function whose environment names no pool (the /test functions) never builds one; a call
 * there fails closed as {@link NotConfiguredException}.
 */
@ApplicationScoped
public class UserPoolDirectory {

    /** The groups an administrator moves users between, in the order the Users screen offers them. */
    public static final List<String> GROUPS = List.of("FullAccess", "ReadOnlyAccess", "Admins");
    public static final String ADMINS = "Admins";
    static final String TOTP = "SOFTWARE_TOKEN_MFA";

    private final Optional<String> poolId;
    private volatile CognitoIdentityProviderClient client;

    @Inject
    UserPoolDirectory(@ConfigProperty(name = "testapi.user-pool-id") Optional<String> poolId) {
        this.poolId = poolId.filter(id -> !id.isBlank());
    }

    /** A directory over {@code client} (tests point one at the local user pool, with the function role's keys). */
    public UserPoolDirectory(CognitoIdentityProviderClient client, String poolId) {
        this.poolId = Optional.of(poolId);
        this.client = client;
    }

    /** A user as the Users screen shows them, read now. */
    public record User(String username, String status, boolean enabled, List<String> groups, boolean totp) {
        public boolean administrator() {
            return groups.contains(ADMINS);
        }
    }

    /** A page of users and the token of the next page (null: the last). */
    public record UserPage(List<User> users, String nextToken) {
    }

    /** Whether {@code provider} ({@code cognito-idp.REGION.amazonaws.com/POOL_ID}) is this pool. */
    public boolean isThisPool(String provider) {
        return provider != null && provider.endsWith("/" + pool());
    }

    /** The pool's username of the user whose {@code sub} it is, if any. */
    public Optional<String> usernameOfSub(String sub) {
        ListUsersResponse answer = pool(() -> client().listUsers(r -> r.userPoolId(pool()).limit(1)
                .filter("sub = \"" + sub.replace("\"", "") + "\"")));
        return answer.users().stream().findFirst().map(UserType::username);
    }

    /** {@code name} as it is now: status, enabled, groups, TOTP. Throws Cognito's UserNotFoundException. */
    public User user(String name) {
        AdminGetUserResponse user = pool(() -> client().adminGetUser(r -> r.userPoolId(pool()).username(name)));
        return new User(user.username(), user.userStatusAsString(), Boolean.TRUE.equals(user.enabled()),
                groupsOf(user.username()), user.userMFASettingList().contains(TOTP));
    }

    /** The groups {@code name} is in now, whatever a screen read earlier. */
    /** The user if they exist now (empty for Cognito's UserNotFoundException). */
    public Optional<User> find(String name) {
        try {
            return Optional.of(user(name));
        } catch (UserPoolFailure e) {
            if (e.kind() == UserPoolFailure.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public List<String> groupsOf(String name) {
        return pool(() -> client().adminListGroupsForUserPaginator(r -> r.userPoolId(pool()).username(name)).groups()
                .stream().map(GroupType::groupName).toList());
    }

    /** A page of at most {@code limit} users with their groups and TOTP state. */
    public UserPage page(String token, int limit) {
        return pool(() -> listed(token, limit));
    }

    private UserPage listed(String token, int limit) {
        ListUsersResponse answer = client().listUsers(r -> r.userPoolId(pool()).limit(limit).paginationToken(token));
        Map<String, List<String>> memberships = memberships();
        List<User> users = new ArrayList<>();
        for (UserType listed : answer.users()) {
            // ListUsers does not say who has TOTP on: AdminGetUser does. A user deleted since the list is left out.
            boolean totp;
            try {
                totp = client().adminGetUser(r -> r.userPoolId(pool()).username(listed.username()))
                        .userMFASettingList().contains(TOTP);
            } catch (UserNotFoundException e) {
                continue;
            }
            users.add(new User(listed.username(), listed.userStatusAsString(), Boolean.TRUE.equals(listed.enabled()),
                    memberships.getOrDefault(listed.username(), List.of()), totp));
        }
        return new UserPage(users, answer.paginationToken());
    }

    /** The enabled members of Admins whose TOTP is on, read now: the administrators who can act. */
    public Set<String> enabledAdminsWithTotp() {
        return pool(() -> client().listUsersInGroupPaginator(r -> r.userPoolId(pool()).groupName(ADMINS)).users()
                .stream()
                .filter(u -> Boolean.TRUE.equals(u.enabled()))
                .map(UserType::username)
                .filter(name -> client().adminGetUser(r -> r.userPoolId(pool()).username(name))
                        .userMFASettingList().contains(TOTP))
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** A user with a temporary password; Cognito sends nothing (the administrator passes the password on). */
    public void create(String name, String temporaryPassword) {
        pool(() -> client().adminCreateUser(r -> r.userPoolId(pool()).username(name)
                .temporaryPassword(temporaryPassword).messageAction(MessageActionType.SUPPRESS)));
    }

    public void addToGroup(String name, String group) {
        pool(() -> client().adminAddUserToGroup(r -> r.userPoolId(pool()).username(name).groupName(group)));
    }

    public void removeFromGroup(String name, String group) {
        pool(() -> client().adminRemoveUserFromGroup(r -> r.userPoolId(pool()).username(name).groupName(group)));
    }

    public void disable(String name) {
        pool(() -> client().adminDisableUser(r -> r.userPoolId(pool()).username(name)));
    }

    public void enable(String name) {
        pool(() -> client().adminEnableUser(r -> r.userPoolId(pool()).username(name)));
    }

    /** Revokes the user's refresh tokens: their sessions end at the next renewal. */
    public void signOutEverywhere(String name) {
        pool(() -> client().adminUserGlobalSignOut(r -> r.userPoolId(pool()).username(name)));
    }

    /** TOTP off: the next sign-in takes the password alone (and, for Admins, withholds the role: docs/mfa.md). */
    public void resetTotp(String name) {
        pool(() -> client().adminSetUserMFAPreference(r -> r.userPoolId(pool()).username(name)
                .softwareTokenMfaSettings(s -> s.enabled(false).preferredMfa(false))));
    }

    /** A new temporary password: the next sign-in asks for their own. */
    public void setTemporaryPassword(String name, String password) {
        pool(() -> client().adminSetUserPassword(r -> r.userPoolId(pool()).username(name).password(password)
                .permanent(false)));
    }

    /** Username to groups, from each group's member list (a few calls, whatever the number of users). */
    private Map<String, List<String>> memberships() {
        Map<String, List<String>> byUser = new LinkedHashMap<>();
        for (String group : GROUPS) {
            client().listUsersInGroupPaginator(r -> r.userPoolId(pool()).groupName(group)).users()
                    .forEach(u -> byUser.computeIfAbsent(u.username(), k -> new ArrayList<>()).add(group));
        }
        return byUser;
    }

    /** One or more calls; what the pool answers instead of doing them becomes a {@link UserPoolFailure}. */
    private static <T> T pool(Supplier<T> calls) {
        try {
            return calls.get();
        } catch (AwsServiceException e) {
            String type = e.awsErrorDetails() == null ? e.getClass().getSimpleName() : e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            Kind kind = switch (String.valueOf(type)) {
                case "UserNotFoundException" -> Kind.NOT_FOUND;
                case "UsernameExistsException" -> Kind.EXISTS;
                case "InvalidPasswordException", "InvalidParameterException" -> Kind.INVALID;
                case "TooManyRequestsException", "LimitExceededException" -> Kind.BUSY;
                default -> e.statusCode() >= 500 ? Kind.UNREACHABLE : Kind.REFUSED;
            };
            throw new UserPoolFailure(kind, type, message, e);
        } catch (SdkException e) {
            throw new UserPoolFailure(Kind.UNREACHABLE, e.getClass().getSimpleName(), e.getMessage(), e);
        }
    }

    private String pool() {
        return poolId.orElseThrow(NotConfiguredException::new);
    }

    private CognitoIdentityProviderClient client() {
        pool(); // no pool, no client: fail closed before building one
        CognitoIdentityProviderClient built = client;
        if (built == null) {
            synchronized (this) {
                if (client == null) {
                    // Region, credentials and endpoint from the SDK's default chains (Lambda's environment;
                    // AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER points it at the local cloud). Bounded to fit a
                    // 15 s function: 3 attempts, 3 s each, 8 s a call.
                    client = CognitoIdentityProviderClient.builder()
                            .httpClientBuilder(UrlConnectionHttpClient.builder()
                                    .connectionTimeout(Duration.ofSeconds(2)).socketTimeout(Duration.ofSeconds(3)))
                            .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD)
                                    .apiCallTimeout(Duration.ofSeconds(8))
                                    .apiCallAttemptTimeout(Duration.ofSeconds(3)))
                            .build();
                }
                built = client;
            }
        }
        return built;
    }

    /** This function's environment names no user pool (TESTAPI_USER_POOL_ID): it administers nothing. */
    public static final class NotConfiguredException extends RuntimeException {
        NotConfiguredException() {
            super("TESTAPI_USER_POOL_ID is not set: this function administers no user pool", null, false, false);
        }
    }
}
