package com.example.testapi.local.identitypool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.testapi.local.iam.IssuedCredentials;
import com.example.testapi.local.template.SamTemplate;
import com.example.testapi.support.CognitoSdk;
import com.example.testapi.support.TemplateCopy;
import com.example.testapi.support.TestCloud;

import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentity.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/**
 * The local identity pool through the AWS SDK for Java v2: GetId and GetCredentialsForIdentity for a user pool ID
 * token, the role from the template's token mapping, and every refusal with the error AWS gives.
 */
class LocalIdentityPoolTest {

    @TempDir
    Path dir;
    private TestCloud cloud;
    private CognitoIdentityProviderClient userPool;
    private CognitoIdentityClient identityPool;

    private void start(Path template) throws Exception {
        cloud = TestCloud.start(template, TestCloud.NO_FUNCTION);
        userPool = CognitoSdk.userPool(cloud.cloud);
        identityPool = CognitoSdk.identityPool(cloud.cloud);
    }

    @AfterEach
    void stop() {
        if (cloud != null) {
            userPool.close();
            identityPool.close();
            cloud.close();
        }
    }

    private AuthenticationResultType signIn(String user, String password, String clientId) {
        return userPool.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", user, "PASSWORD", password))).authenticationResult();
    }

    private String idToken(String user, String password) {
        return signIn(user, password, cloud.cloud.outputs().get("UserPoolClientId")).idToken();
    }

    private Map<String, String> logins(String idToken) {
        return Map.of(cloud.cloud.userPool().settings().providerName(), idToken);
    }

    private String poolId() {
        return cloud.cloud.outputs().get("IdentityPoolId");
    }

    private String getId(String idToken) {
        return identityPool.getId(r -> r.identityPoolId(poolId()).logins(logins(idToken))).identityId();
    }

    private Credentials credentials(String identityId, String idToken) {
        return identityPool.getCredentialsForIdentity(r -> r.identityId(identityId).logins(logins(idToken)))
                .credentials();
    }

    private static String refusal(Runnable call) {
        return assertThrows(NotAuthorizedException.class, call::run).awsErrorDetails().errorMessage();
    }

    @Test
    void aliceGetsAStableIdentityAndHerGroupsRole() throws Exception {
        start(Path.of("template.yaml"));
        String token = idToken("alice", "Alice-Str0ng-Passw0rd!");
        String identityId = getId(token);
        assertTrue(identityId.matches("us-east-1:[0-9a-f-]{36}"), identityId);
        assertEquals(identityId, getId(idToken("alice", "Alice-Str0ng-Passw0rd!")), "stable per user");

        Credentials issued = credentials(identityId, token);
        assertTrue(issued.accessKeyId().matches("ASIA[A-Z2-7]{16}"), issued.accessKeyId());
        Duration lifetime = Duration.between(Instant.now(), issued.expiration());
        assertTrue(lifetime.compareTo(Duration.ofMinutes(59)) > 0 && lifetime.compareTo(Duration.ofMinutes(61)) < 0,
                lifetime::toString);
        IssuedCredentials known = cloud.cloud.credentials().byAccessKey(issued.accessKeyId()).orElseThrow();
        assertEquals(cloud.cloud.outputs().get("FullAccessRoleArn"), known.roleArn());
        assertEquals(List.of("authenticated", cloud.cloud.userPool().settings().providerName()), known.amr().subList(0, 2));
        assertTrue(known.amr().get(2).endsWith(":CognitoSignIn:" + known.userSub()));
    }

    /** Amplify v6 keys Logins by the token's iss without its scheme: locally the pool's URL names the same provider. */
    @Test
    void theIssuersSpellingOfTheProviderNameIsTheSameIdentity() throws Exception {
        start(Path.of("template.yaml"));
        String token = idToken("alice", "Alice-Str0ng-Passw0rd!");
        String issuerKey = cloud.cloud.userPool().issuer().replaceFirst("^https?://", "");
        String identityId = identityPool.getId(r -> r.identityPoolId(poolId()).logins(Map.of(issuerKey, token)))
                .identityId();
        assertEquals(getId(token), identityId);
        Credentials issued = identityPool.getCredentialsForIdentity(r -> r.identityId(identityId)
                .logins(Map.of(issuerKey, token))).credentials();
        IssuedCredentials known = cloud.cloud.credentials().byAccessKey(issued.accessKeyId()).orElseThrow();
        assertEquals(cloud.cloud.outputs().get("FullAccessRoleArn"), known.roleArn());
        assertEquals(cloud.cloud.userPool().settings().providerName(), known.amr().get(1), "amr names the provider");
        assertEquals("Token is not from a supported provider of this identity pool.", refusal(() -> identityPool
                .getId(r -> r.identityPoolId(poolId()).logins(Map.of("127.0.0.1:1/" + cloud.cloud.userPool()
                        .settings().poolId(), token)))));
    }

    /**
     * Credentials are kept until they expire and no longer (their session token still tells a late request "expired",
     * UntrustedKeysTest): memory holds the live ones only.
     */
    @Test
    void expiredCredentialsAreDroppedAtExpiry() throws Exception {
        start(Path.of("template.yaml"));
        int atStart = cloud.cloud.credentials().size(); // the user pool trigger's, for its role
        IssuedCredentials first = cloud.credentials("alice");
        cloud.clock.advance(Duration.ofMinutes(59));
        assertTrue(cloud.cloud.credentials().byAccessKey(first.accessKeyId()).isPresent(), "live");
        cloud.clock.advance(Duration.ofMinutes(1));
        assertTrue(cloud.cloud.credentials().byAccessKey(first.accessKeyId()).isEmpty(), "expired: not known");
        IssuedCredentials later = cloud.credentials("bob");
        assertTrue(cloud.cloud.credentials().byAccessKey(later.accessKeyId()).isPresent());
        assertEquals(atStart + 1, cloud.cloud.credentials().size(), "only the live credentials are kept");
    }

    @Test
    void aTamperedTokenIsRefused() throws Exception {
        start(Path.of("template.yaml"));
        String[] parts = idToken("bob", "Bob-Str0ng-Passw0rd!").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("ReadOnlyAccess", "FullAccess");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];
        assertEquals("Invalid login token. Couldn't verify signed token.", refusal(() -> getId(tampered)));
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        start(Path.of("template.yaml"));
        String token = idToken("alice", "Alice-Str0ng-Passw0rd!");
        String identityId = getId(token);
        cloud.clock.advance(Duration.ofMinutes(61));
        assertTrue(refusal(() -> credentials(identityId, token)).startsWith("Invalid login token. Token expired: "));
    }

    @Test
    void aTokenForAClientThePoolDoesNotListIsRefused() throws Exception {
        // A second app client of the same user pool, not among the identity pool's providers.
        start(TemplateCopy.of(dir, t -> {
            Map<String, Object> other = new LinkedHashMap<>();
            other.put("Type", "AWS::Cognito::UserPoolClient");
            other.put("Properties", new LinkedHashMap<>(Map.of("UserPoolId", Map.of("Ref", "UserPool"),
                    "ExplicitAuthFlows", List.of("ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"))));
            new SamTemplate(t).resources().put("OtherClient", other);
        }));
        String otherClient = cloud.cloud.account().resolve(Map.of("Ref", "OtherClient"));
        String token = signIn("alice", "Alice-Str0ng-Passw0rd!", otherClient).idToken();
        assertEquals("Invalid login token. Incorrect token audience.", refusal(() -> getId(token)));
    }

    @Test
    void anAccessTokenIsNoIdToken() throws Exception {
        start(Path.of("template.yaml"));
        String access = signIn("alice", "Alice-Str0ng-Passw0rd!", cloud.cloud.outputs().get("UserPoolClientId"))
                .accessToken();
        assertEquals("Invalid login token. Not a valid OpenId Connect identity token.", refusal(() -> getId(access)));
    }

    @Test
    void aUserInNoGroupGetsNoCredentials() throws Exception {
        start(Path.of("template.yaml"));
        String token = idToken("carol", "Carol-Local-Passw0rd!");
        String identityId = getId(token);
        assertEquals("The ambiguous role mapping rules denied this request.",
                refusal(() -> credentials(identityId, token)));
    }

    @Test
    void otherProvidersPoolsAndMissingLoginsAreRefused() throws Exception {
        start(Path.of("template.yaml"));
        String token = idToken("alice", "Alice-Str0ng-Passw0rd!");
        assertEquals("Token is not from a supported provider of this identity pool.", refusal(
                () -> identityPool.getId(r -> r.identityPoolId(poolId())
                        .logins(Map.of("cognito-idp.us-east-1.amazonaws.com/us-east-1_Other", token)))));
        assertEquals("Unauthenticated access is not supported for this identity pool.",
                refusal(() -> identityPool.getId(r -> r.identityPoolId(poolId()))));
        assertThrows(ResourceNotFoundException.class,
                () -> identityPool.getId(r -> r.identityPoolId("us-east-1:00000000-0000-0000-0000-000000000000")
                        .logins(logins(token))));
        String identityId = getId(token);
        String bobs = idToken("bob", "Bob-Str0ng-Passw0rd!");
        assertTrue(refusal(() -> credentials(identityId, bobs)).startsWith("Logins don't match"),
                "bob's token cannot open alice's identity");
    }

    @Test
    void aDeletedUsersTokenNoLongerWorks() throws Exception {
        start(Path.of("template.yaml"));
        String token = idToken("dave", "Dave-Local-Passw0rd!");
        String identityId = getId(token);
        userPool.adminDeleteUser(r -> r.userPoolId(cloud.cloud.outputs().get("UserPoolId")).username("dave"));
        assertTrue(refusal(() -> credentials(identityId, token)).startsWith("Invalid login token."),
                "ServerSideTokenCheck: the pool asks the user pool");
    }
}
