package com.example.testapi.trigger;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClientBuilder;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;

/**
 * What the rules read, from the user pool's admin API: {@code AdminGetUser} (the user's MFA settings),
 * {@code AdminListGroupsForUser} (their groups' precedence and role) and, for the authenticator watch,
 * {@code ListUsers} by sub; and what the trigger changes ({@code AdminRemoveUserFromGroup}: a member of Admins without
 * TOTP leaves it), with the function role's credentials. Cognito waits 5 seconds for a trigger, so each call has a
 * short timeout and one retry; a failure fails the sign-in (closed), never grants the rights.
 */
final class CognitoUsers implements AdminsNeedTotp.Users, AuthenticatorReplaced.Directory {

    private final CognitoIdentityProviderClient cognito;

    private CognitoUsers(CognitoIdentityProviderClient cognito) {
        this.cognito = cognito;
    }

    /**
     * A client configured as Lambda configures a function: AWS_REGION from the environment, and the role's
     * credentials as the runtime gives them. A SnapStart function gets no keys in its environment: it gets
     * them from the container credentials endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI), which the SDK's default
     * provider reads when asked, after the restore, so no key is frozen in the snapshot. Keys in the environment (an
     * on-demand function, the local cloud) are used as they are. An endpoint in
     * AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER (what the local cloud sets) replaces the regional one.
     */
    static CognitoUsers from(Map<String, String> environment) {
        String region = environment.get("AWS_REGION");
        if (region == null) {
            throw new IllegalStateException("AWS_REGION must be in the environment");
        }
        String key = environment.get("AWS_ACCESS_KEY_ID");
        String secret = environment.get("AWS_SECRET_ACCESS_KEY");
        String session = environment.get("AWS_SESSION_TOKEN");
        AwsCredentialsProvider credentials = key == null ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(session == null ? AwsBasicCredentials.create(key, secret)
                        : AwsSessionCredentials.create(key, secret, session));
        CognitoIdentityProviderClientBuilder builder = CognitoIdentityProviderClient.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(1))
                        .socketTimeout(Duration.ofSeconds(2)))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(Duration.ofMillis(4500))
                        .retryStrategy(b -> b.maxAttempts(2)).build());
        String endpoint = environment.get("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER");
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return new CognitoUsers(builder.build());
    }

    @Override
    public boolean totpEnabled(String userPoolId, String username) {
        return cognito.adminGetUser(r -> r.userPoolId(userPoolId).username(username)).userMFASettingList()
                .contains("SOFTWARE_TOKEN_MFA");
    }

    @Override
    public List<AdminsNeedTotp.Group> groups(String userPoolId, String username) {
        return cognito.adminListGroupsForUserPaginator(r -> r.userPoolId(userPoolId).username(username)).groups()
                .stream().map(CognitoUsers::group).toList();
    }

    /** ListUsers filtered on the sub, the one attribute CloudTrail records of a user. */
    @Override
    public Optional<String> usernameWithSub(String userPoolId, String sub) {
        if (sub.contains("\"")) {
            // No sub has one, and the filter's quoting has no escape: a record the watch cannot place (an alert).
            throw new IllegalArgumentException("a sub with a quote cannot be looked up");
        }
        return cognito.listUsers(r -> r.userPoolId(userPoolId).filter("sub = \"" + sub + "\"").limit(1)).users()
                .stream().findFirst().map(user -> user.username());
    }

    @Override
    public void leave(String userPoolId, String username, String group) {
        cognito.adminRemoveUserFromGroup(r -> r.userPoolId(userPoolId).username(username).groupName(group));
    }

    private static AdminsNeedTotp.Group group(GroupType group) {
        return new AdminsNeedTotp.Group(group.groupName(), group.precedence(), group.roleArn());
    }
}
