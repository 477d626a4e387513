package com.example.testapi.local.identitypool;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import com.example.testapi.local.awsjson.AwsError;
import com.example.testapi.local.awsjson.AwsJsonEndpoint;
import com.example.testapi.local.awsjson.Input;
import com.example.testapi.local.awsjson.ServiceModel;
import com.example.testapi.local.iam.CredentialsStore;
import com.example.testapi.local.iam.IssuedCredentials;
import com.example.testapi.local.iam.TrustPolicy;
import com.example.testapi.local.userpool.LocalUserPool;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The template's Cognito identity pool on a loopback port, speaking {@code cognito-identity}'s AWS JSON 1.1 protocol:
 * {@code GetId} and {@code GetCredentialsForIdentity} for a user pool ID token in {@code Logins}. The token is
 * verified ({@link LoginVerifier}), the role chosen by the template's role mapping ({@code Type: Token}:
 * {@code cognito:preferred_role}, else AmbiguousRoleResolution), the role's trust policy must admit the pool, and the
 * credentials issued are the only ones the local gateway accepts.
 */
public final class LocalIdentityPool implements AutoCloseable {

    /** As long as AWS's: an hour. */
    public static final Duration CREDENTIALS_LIFETIME = Duration.ofHours(1);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final IdentityPoolSettings settings;
    private final LoginVerifier logins;
    private final CredentialsStore store;
    private final Duration credentialsLifetime;
    private final ServiceModel model = ServiceModel.load(ServiceModel.COGNITO_IDENTITY);
    private final AwsJsonEndpoint endpoint;
    /** Identity id by user sub, and back: stable for a user while the local cloud runs. */
    private final Map<String, String> identityBySub = new ConcurrentHashMap<>();
    private final Map<String, String> subByIdentity = new ConcurrentHashMap<>();

    /** {@code credentialsLifetime}: {@link #CREDENTIALS_LIFETIME}, or shorter to see expiry handled quickly. */
    public LocalIdentityPool(IdentityPoolSettings settings, LocalUserPool userPool, CredentialsStore store, int port,
            Set<String> browserOrigins, Clock clock, Duration credentialsLifetime, Consumer<String> log)
            throws IOException {
        settings.roleMappings().stream().filter(m -> !m.type().equals("Token")).findAny().ifPresent(m -> {
            throw new IllegalArgumentException("the local identity pool maps roles by Token only, not " + m.type());
        });
        this.settings = settings;
        this.logins = new LoginVerifier(settings, userPool, clock);
        this.store = store;
        this.credentialsLifetime = credentialsLifetime;
        this.endpoint = new AwsJsonEndpoint(model, port, browserOrigins, log)
                .open("GetId", this::getId)
                .open("GetCredentialsForIdentity", this::getCredentialsForIdentity)
                .open("GetOpenIdToken", LocalIdentityPool::getOpenIdToken);
    }

    /**
     * The basic (classic) flow's first step, refused: the template sets AllowClassicFlow false (the flow would let a
     * caller pick any role the trust policies admit, around the token's mapping), and the local pool plays the
     * enhanced flow only.
     */
    private static ObjectNode getOpenIdToken(Input input) {
        throw new com.example.testapi.local.awsjson.AwsError("InvalidParameterException",
                "Basic (classic) flow is not enabled, please use enhanced flow.");
    }

    /** The endpoint to give SDKs ({@code AWS_ENDPOINT_URL_COGNITO_IDENTITY}). */
    public URI endpoint() {
        return endpoint.uri();
    }

    public IdentityPoolSettings settings() {
        return settings;
    }

    /**
     * GetId then GetCredentialsForIdentity for {@code idToken} of {@code providerName}, in process, as a caller
     * would make them (for the banner's ready-made credentials); refusals as {@link AwsError}.
     */
    public IssuedCredentials credentialsFor(String providerName, String idToken) {
        ObjectNode request = MAPPER.createObjectNode().put("IdentityPoolId", settings.poolId());
        request.putObject("Logins").put(providerName, idToken);
        String identityId = getId(Input.check(model, "GetId", request)).path("IdentityId").asText();
        ObjectNode credentials = MAPPER.createObjectNode().put("IdentityId", identityId);
        credentials.set("Logins", request.get("Logins"));
        String accessKey = getCredentialsForIdentity(Input.check(model, "GetCredentialsForIdentity", credentials))
                .path("Credentials").path("AccessKeyId").asText();
        return store.byAccessKey(accessKey).orElseThrow();
    }

    ObjectNode getId(Input input) {
        String pool = input.text("IdentityPoolId");
        if (!pool.equals(settings.poolId())) {
            throw IdentityPoolErrors.poolNotFound(pool);
        }
        LoginVerifier.Login login = logins.verify(input.map("Logins"));
        String identityId = identityBySub.computeIfAbsent(login.sub(), sub -> {
            String id = settings.region() + ":" + UUID.randomUUID();
            subByIdentity.put(id, sub);
            return id;
        });
        return MAPPER.createObjectNode().put("IdentityId", identityId);
    }

    ObjectNode getCredentialsForIdentity(Input input) {
        String identityId = input.text("IdentityId");
        String sub = subByIdentity.get(identityId);
        if (sub == null) {
            throw IdentityPoolErrors.identityNotFound(identityId);
        }
        if (input.map("Logins").isEmpty()) {
            throw IdentityPoolErrors.notAuthorized("Access to Identity '" + identityId + "' is forbidden.");
        }
        LoginVerifier.Login login = logins.verify(input.map("Logins"));
        if (!login.sub().equals(sub)) {
            throw IdentityPoolErrors.notAuthorized(
                    "Logins don't match. Please include at least one valid login for this identity or identity pool.");
        }
        String roleArn = role(login, input.text("CustomRoleArn", null));
        List<String> amr = List.of("authenticated", login.providerName(),
                login.providerName() + ":CognitoSignIn:" + sub);
        Map<String, Object> trust = settings.trustPolicies().get(roleArn);
        if (trust == null || !TrustPolicy.admits(trust, settings.poolId(), amr)) {
            throw IdentityPoolErrors.invalidConfiguration();
        }
        IssuedCredentials issued = store.issueForIdentity(roleArn, identityId, settings.poolId(), amr, credentialsLifetime)
                .orElseThrow(IdentityPoolErrors::tooManyRequests);
        ObjectNode result = MAPPER.createObjectNode().put("IdentityId", identityId);
        result.putObject("Credentials").put("AccessKeyId", issued.accessKeyId()).put("SecretKey", issued.secretKey())
                .put("SessionToken", issued.sessionToken())
                .put("Expiration", issued.expiration().getEpochSecond());
        return result;
    }

    /**
     * The role of the template's mapping for the token's provider and client; the default role without one. With
     * token-based mapping, {@code customRoleArn} picks one of the token's {@code cognito:roles} (the developer guide,
     * "Role-based access control": a role the token does not name is refused, so the trigger's withholding of the
     * Admins role cannot be undone by asking for it).
     */
    private String role(LoginVerifier.Login login, String customRoleArn) {
        IdentityPoolSettings.RoleMapping mapping = settings.roleMappings().stream()
                .filter(m -> m.identityProvider().equals(login.providerName() + ":" + login.clientId()))
                .findFirst().orElse(null);
        if (mapping == null) {
            return defaultRole();
        }
        if (customRoleArn != null) {
            if (!login.roles().contains(customRoleArn)) {
                throw IdentityPoolErrors.notAuthorized("The role " + customRoleArn + " is not among the roles of the "
                        + "token (cognito:roles).");
            }
            return customRoleArn;
        }
        if (login.preferredRole() != null) {
            return login.preferredRole();
        }
        if (login.roles().size() == 1) {
            return login.roles().get(0);
        }
        // No preferred role: no group with a role, or a precedence tie between groups.
        if (mapping.ambiguousRoleResolution().equals("AuthenticatedRole")) {
            return defaultRole();
        }
        throw IdentityPoolErrors.notAuthorized("The ambiguous role mapping rules denied this request.");
    }

    private String defaultRole() {
        if (settings.authenticatedRoleArn() == null) {
            throw IdentityPoolErrors.invalidConfiguration();
        }
        return settings.authenticatedRoleArn();
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
