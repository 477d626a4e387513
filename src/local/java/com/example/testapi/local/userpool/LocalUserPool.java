package com.example.testapi.local.userpool;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import com.example.testapi.local.awsjson.AwsJsonEndpoint;
import com.example.testapi.local.awsjson.Input;
import com.example.testapi.local.awsjson.ServiceModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;

/**
 * The template's Cognito user pool on a loopback port, speaking {@code cognito-idp}'s AWS JSON 1.1 protocol: sign-in
 * ({@link AuthOperations}), self-service ({@link SelfServiceOperations}), what an access token may do
 * ({@link AccessTokenOperations}), the admin API ({@link AdminOperations}), its JWKS at {@code ISSUER/.well-known/jwks.json}, and
 * the hosted UI ({@link HostedUi}) on a port of its own when the template gives the pool a domain.
 * The issuer is this endpoint's URL with the pool id, so a token's {@code iss} leads to its keys.
 */
public final class LocalUserPool implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final UserPoolSettings settings;
    private final TokenSigner signer = TokenSigner.generate();
    private final ServiceModel model = ServiceModel.load(ServiceModel.COGNITO_IDP);
    private final AwsJsonEndpoint endpoint;
    private final String issuer;
    private final AdminOperations admin;
    private final AuthOperations auth;
    private final Outbox outbox;
    private final UserTokens tokens;
    private final HostedUi hostedUi;

    /** {@code hostedUiPort} is used only when the template gives the pool a domain. */
    public LocalUserPool(UserPoolSettings settings, int port, int hostedUiPort, Set<String> browserOrigins, Clock clock,
            Consumer<String> log) throws IOException {
        this.settings = settings;
        UserDirectory directory = new UserDirectory(settings.poolId(), settings.passwordPolicy(), clock);
        this.endpoint = new AwsJsonEndpoint(model, port, browserOrigins, log);
        this.issuer = endpoint.uri() + "/" + settings.poolId();
        this.tokens = new UserTokens(settings, directory, signer, issuer, clock);
        this.auth = new AuthOperations(model, settings, directory, tokens, clock);
        this.admin = new AdminOperations(settings, directory, tokens);
        this.outbox = new Outbox(clock, log);
        SelfServiceOperations selfService = new SelfServiceOperations(settings, directory, outbox, clock);
        AccessTokenOperations signedIn = new AccessTokenOperations(settings, directory, tokens, outbox, clock);
        // Every operation a Cognito client sends without SigV4 (Amplify v5 and v6's Authenticator among them).
        endpoint.open("InitiateAuth", auth::initiateAuth)
                .open("RespondToAuthChallenge", auth::respondToAuthChallenge)
                .open("GetTokensFromRefreshToken", auth::getTokensFromRefreshToken)
                .open("GetUser", signedIn::getUser)
                .open("ChangePassword", signedIn::changePassword)
                .open("GlobalSignOut", signedIn::globalSignOut)
                .open("UpdateUserAttributes", signedIn::updateUserAttributes)
                .open("RevokeToken", signedIn::revokeToken)
                .open("ForgotPassword", selfService::forgotPassword)
                .open("ConfirmForgotPassword", selfService::confirmForgotPassword)
                .open("SignUp", selfService::signUp)
                .open("ConfirmSignUp", selfService::confirmSignUp)
                .open("ResendConfirmationCode", selfService::resendConfirmationCode)
                .open("AssociateSoftwareToken", auth.mfa()::associate)
                .open("VerifySoftwareToken", auth.mfa()::verify)
                .open("SetUserMFAPreference", auth.mfa()::setPreference)
                .open("GetUserAttributeVerificationCode", signedIn::getUserAttributeVerificationCode)
                .open("VerifyUserAttribute", signedIn::verifyUserAttribute)
                .signed("AdminCreateUser", admin::createUser)
                .signed("AdminSetUserPassword", admin::setUserPassword)
                .signed("AdminAddUserToGroup", admin::addUserToGroup)
                .signed("AdminRemoveUserFromGroup", admin::removeUserFromGroup)
                .signed("AdminListGroupsForUser", admin::listGroupsForUser)
                .signed("AdminDeleteUser", admin::deleteUser)
                .signed("AdminGetUser", admin::getUser)
                .signed("AdminDisableUser", input -> admin.setEnabled(input, false))
                .signed("AdminEnableUser", input -> admin.setEnabled(input, true))
                .signed("AdminUserGlobalSignOut", admin::globalSignOut)
                .signed("AdminSetUserMFAPreference", auth.mfa()::adminSetPreference)
                .signed("ListUsers", admin::listUsers)
                .signed("ListUsersInGroup", admin::listUsersInGroup)
                .signed("ListGroups", admin::listGroups)
                .signed("DescribeUserPool", admin::describeUserPool)
                .document("/" + settings.poolId() + "/.well-known/jwks.json", () -> MAPPER.valueToTree(signer.jwks()));
        this.hostedUi = settings.hasHostedUi() ? new HostedUi(settings, auth, hostedUiPort, browserOrigins, clock,
                line -> log.accept("[hosted UI] " + line)) : null;
    }

    /** Who may call the admin API: verifies each signature and decides (the local cloud: AdminApiCallers). */
    public void adminCallers(AwsJsonEndpoint.CallerCheck check) {
        endpoint.callers(check);
    }

    /** Starts sending every token through the template's pre-token-generation trigger (run by the local cloud). */
    public void preTokenGeneration(TokenTrigger trigger) {
        tokens.preTokenGeneration(trigger);
    }

    /** The hosted UI's base URL (the domain's, locally), when the template gives the pool a domain. */
    public Optional<URI> hostedUi() {
        return Optional.ofNullable(hostedUi).map(HostedUi::uri);
    }

    public UserPoolSettings settings() {
        return settings;
    }

    /** The endpoint to give SDKs ({@code AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER}). */
    public URI endpoint() {
        return endpoint.uri();
    }

    /** The {@code iss} of every token this pool signs. */
    public String issuer() {
        return issuer;
    }

    /**
     * Creates a user with a permanent password in {@code groups} (and a verified {@code email} unless null), through the same admin operations a caller uses
     * (so the template's password policy applies to the local defaults too).
     */
    public void createUser(String username, String password, List<String> groups, String email) {
        ObjectNode user = MAPPER.createObjectNode().put("UserPoolId", settings.poolId()).put("Username", username)
                .put("MessageAction", "SUPPRESS");
        if (email != null) {
            ArrayNode attributes = user.putArray("UserAttributes");
            attributes.addObject().put("Name", "email").put("Value", email);
            attributes.addObject().put("Name", "email_verified").put("Value", "true");
        }
        admin.createUser(Input.check(model, "AdminCreateUser", user));
        admin.setUserPassword(Input.check(model, "AdminSetUserPassword",
                user.deepCopy().put("Password", password).put("Permanent", true)));
        groups.forEach(group -> admin.addUserToGroup(Input.check(model, "AdminAddUserToGroup",
                user.deepCopy().put("GroupName", group))));
    }

    /** The same, with a TOTP authenticator of {@code totpSecret} set up and on when it is not null. */
    public void createUser(String username, String password, List<String> groups, String email, String totpSecret) {
        createUser(username, password, groups, email);
        if (totpSecret != null) {
            auth.mfa().setUp(username, totpSecret);
        }
    }

    /**
     * The ID token of {@code username}, signed in with USER_PASSWORD_AUTH through the first app client, exactly as
     * InitiateAuth answers it (for the banner's ready-made credentials). A TOTP challenge is passed as if the user's
     * app had answered it: this in-process helper stands for the user, who holds the secret.
     */
    public String signIn(String username, String password) {
        String clientId = settings.clients().keySet().iterator().next();
        ObjectNode input = MAPPER.createObjectNode().put("AuthFlow", "USER_PASSWORD_AUTH").put("ClientId", clientId);
        input.putObject("AuthParameters").put("USERNAME", username).put("PASSWORD", password);
        JsonNode answer = auth.initiateAuth(Input.check(model, "InitiateAuth", input));
        if (SoftwareTokenMfa.SOFTWARE_TOKEN_MFA.equals(answer.path("ChallengeName").asText())) {
            answer = auth.mfa().completeWithoutCode(settings.client(clientId), answer.path("Session").asText());
        }
        return answer.path("AuthenticationResult").path("IdToken").asText();
    }

    /** The pool's signing key, for the tests of what a verifier does with a token only this key could sign. */
    TokenSigner signer() {
        return signer;
    }

    /** The claims of a token this pool signed (signature checked; nothing else). */
    public Optional<JWTClaimsSet> verifiedClaims(String token) {
        return signer.verifiedClaims(token);
    }

    /** The codes the pool has "delivered", oldest first: what a user would read in their mail. */
    public List<Outbox.Delivery> deliveredCodes() {
        return outbox.delivered();
    }

    /**
     * The identity pool's server-side token check of an ID token this pool signed: null when its user exists and has
     * not been globally signed out, else why not.
     */
    public String serverSideTokenCheck(JWTClaimsSet claims) {
        return tokens.activeForIdentityPool(claims);
    }

    /** How many sign-ins of {@code username} can still refresh: 0 after they all signed out. */
    public long activeSignIns(String username) {
        return tokens.activeSignIns(username);
    }

    @Override
    public void close() {
        if (hostedUi != null) {
            hostedUi.close();
        }
        endpoint.close();
    }
}
