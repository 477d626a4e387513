package com.example.testapi.local.userpool;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.example.testapi.local.state.ShortLived;
import com.example.testapi.local.awsjson.Input;
import com.example.testapi.local.awsjson.ServiceModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Sign-in as Cognito's {@code InitiateAuth} and {@code RespondToAuthChallenge} do it for an app client without a
 * secret: {@code USER_SRP_AUTH} (Amplify's default, {@link SrpSignIn}), {@code USER_PASSWORD_AUTH},
 * {@code REFRESH_TOKEN_AUTH}, and the {@code NEW_PASSWORD_REQUIRED} challenge of a temporary password after either,
 * then the second factor's challenges ({@link SoftwareTokenMfa}). Tokens come from {@link UserTokens}.
 */
final class AuthOperations {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration SESSION_LIFETIME = Duration.ofMinutes(3);
    static final int MAX_SESSIONS = 10_000;

    /** A NEW_PASSWORD_REQUIRED challenge waiting for its answer. */
    private record Grant(String username, String clientId) {
    }

    private final ServiceModel model;
    private final UserPoolSettings settings;
    private final UserDirectory directory;
    private final UserTokens tokens;
    private final SrpSignIn srp;
    private final StoredPassword.Decoys decoys;
    private final SignInLockout lockout;
    private final ShortLived<String, Grant> sessions;
    private final SoftwareTokenMfa mfa;

    AuthOperations(ServiceModel model, UserPoolSettings settings, UserDirectory directory, UserTokens tokens,
            Clock clock) {
        this.model = model;
        this.settings = settings;
        this.directory = directory;
        this.tokens = tokens;
        this.decoys = new StoredPassword.Decoys();
        this.lockout = new SignInLockout(clock);
        this.srp = new SrpSignIn(settings.poolId(), clock, decoys, lockout);
        this.sessions = new ShortLived<>(clock, SESSION_LIFETIME, MAX_SESSIONS);
        this.mfa = new SoftwareTokenMfa(settings, directory, tokens, clock, SESSION_LIFETIME, MAX_SESSIONS);
    }

    /** The second factor's operations (TOTP set-up and preferences), which share this sign-in's sessions' rules. */
    SoftwareTokenMfa mfa() {
        return mfa;
    }

    ObjectNode initiateAuth(Input input) {
        UserPoolSettings.Client client = settings.client(input.text("ClientId"));
        String flow = input.text("AuthFlow");
        Map<String, String> parameters = input.map("AuthParameters");
        return switch (flow) {
            case "USER_SRP_AUTH" -> {
                requireFlow(client, flow);
                String username = username(parameters.get("USERNAME"));
                SrpSignIn.Challenge challenge = srp.challenge(knownUser(client, username), username,
                        client.clientId(), parameters.get("SRP_A"));
                ObjectNode answer = MAPPER.createObjectNode().put("ChallengeName", "PASSWORD_VERIFIER");
                answer.putObject("ChallengeParameters").put("SALT", challenge.salt().toString(16))
                        .put("SECRET_BLOCK", challenge.secretBlock())
                        .put("SRP_B", challenge.serverPublic().toString(16))
                        .put("USERNAME", challenge.username()).put("USER_ID_FOR_SRP", challenge.username());
                yield answer;
            }
            case "USER_PASSWORD_AUTH" -> {
                requireFlow(client, flow);
                yield passwordAuth(client, parameters.get("USERNAME"), parameters.get("PASSWORD"),
                        UserTokens.AUTHENTICATION);
            }
            case "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN" -> {
                requireFlow(client, "REFRESH_TOKEN_AUTH");
                yield tokens.refreshed(client, parameters.getOrDefault("REFRESH_TOKEN", ""));
            }
            default -> throw CognitoErrors.invalidParameter("The local user pool does not offer " + flow
                    + ": use USER_SRP_AUTH or USER_PASSWORD_AUTH (see docs/local-cloud.md).");
        };
    }

    ObjectNode respondToAuthChallenge(Input input) {
        UserPoolSettings.Client client = settings.client(input.text("ClientId"));
        Map<String, String> responses = input.map("ChallengeResponses");
        return switch (input.text("ChallengeName")) {
            case "PASSWORD_VERIFIER" -> signedIn(srp.verify(new SrpSignIn.Claim(
                    responses.getOrDefault("PASSWORD_CLAIM_SECRET_BLOCK", ""), responses.getOrDefault("USERNAME", ""),
                    responses.getOrDefault("TIMESTAMP", ""), responses.getOrDefault("PASSWORD_CLAIM_SIGNATURE", "")),
                    client.clientId(), name -> directory.find(name).orElse(null)), client, UserTokens.AUTHENTICATION);
            case "NEW_PASSWORD_REQUIRED" -> newPassword(client, input.text("Session", ""), responses);
            case "SOFTWARE_TOKEN_MFA" -> mfa.answerCode(client, input.text("Session", ""), responses);
            case "MFA_SETUP" -> mfa.answerSetup(client, input.text("Session", ""), responses);
            default -> throw CognitoErrors.invalidParameter("Only PASSWORD_VERIFIER, NEW_PASSWORD_REQUIRED, "
                    + "SOFTWARE_TOKEN_MFA and MFA_SETUP are answered locally.");
        };
    }

    /** Amplify v6's refresh: what REFRESH_TOKEN_AUTH answers, as its own operation. */
    ObjectNode getTokensFromRefreshToken(Input input) {
        UserPoolSettings.Client client = settings.client(input.text("ClientId"));
        requireFlow(client, "REFRESH_TOKEN_AUTH");
        ObjectNode answer = tokens.refreshed(client, input.text("RefreshToken"));
        answer.remove("ChallengeParameters"); // its response has only AuthenticationResult
        return answer;
    }

    /**
     * The hosted UI's session cookie: tokens for its user without the password or the code, as Cognito's managed
     * login answers a browser it knows; empty when the user is gone, disabled or must change their password.
     */
    Optional<JsonNode> sessionSignIn(String clientId, String username) {
        PoolUser user = directory.find(username).orElse(null);
        if (user == null || !user.enabled() || user.status() != PoolUser.Status.CONFIRMED) {
            return Optional.empty();
        }
        return Optional.of(tokens.signedIn(user, settings.client(clientId), UserTokens.HOSTED_AUTH));
    }

    /** The hosted UI's code grant: the sign-in's access tokens carry {@code scope} ({@link UserTokens#scoped}). */
    String scoped(String accessToken, String scope) {
        return tokens.scoped(accessToken, scope);
    }

    /** USER_PASSWORD_AUTH for the hosted UI's form: what InitiateAuth answers (tokens, or the challenge). */
    ObjectNode passwordSignIn(String clientId, String username, String password) {
        return passwordAuth(settings.client(clientId), username, password, UserTokens.HOSTED_AUTH);
    }

    private ObjectNode passwordAuth(UserPoolSettings.Client client, String name, String password, String source) {
        String username = username(name); // the password is not kept: only the body's cap bounds it
        PoolUser user = knownUser(client, username);
        // An unknown user and a wrong password answer alike (PreventUserExistenceErrors), after the same work: one
        // g^x either way (a decoy's verifier costs none of its own).
        StoredPassword stored = user != null ? user.password() : decoys.of(username);
        boolean right = lockout.attempt(username,
                () -> directory.matches(stored, username, password) && user != null);
        if (!right) {
            throw CognitoErrors.wrongCredentials();
        }
        return signedIn(user, client, source);
    }

    /**
     * A USERNAME the flows keep (in the lockout's table, a pending SRP exchange): present, and within the model's
     * UsernameType (1 to 128 characters of its pattern), as a username member would be.
     */
    private String username(String name) {
        if (name == null || name.isEmpty()) {
            throw CognitoErrors.missingParameter("USERNAME");
        }
        return Input.checked(model, "InitiateAuth", "UsernameType", name, "username");
    }

    /** The user, null for an unknown one where the client hides which users exist, else UserNotFoundException. */
    private PoolUser knownUser(UserPoolSettings.Client client, String username) {
        PoolUser user = directory.find(username).orElse(null);
        if (user == null && !client.preventUserExistenceErrors()) {
            throw CognitoErrors.userNotFound();
        }
        return user;
    }

    /**
     * Tokens, or first the NEW_PASSWORD_REQUIRED challenge for a temporary password. A disabled user is refused after
     * the password check, with the words Cognito is reported to use (evidence C: docs/fidelity-ledger.md).
     */
    private ObjectNode signedIn(PoolUser user, UserPoolSettings.Client client, String source) {
        if (!user.enabled()) {
            throw CognitoErrors.notAuthorized(CognitoErrors.USER_DISABLED);
        }
        if (user.status() == PoolUser.Status.FORCE_CHANGE_PASSWORD) {
            String session = tokens.randomToken(96);
            if (!sessions.put(session, new Grant(user.username(), client.clientId()))) {
                throw CognitoErrors.tooManyRequests();
            }
            ObjectNode challenge = MAPPER.createObjectNode().put("ChallengeName", "NEW_PASSWORD_REQUIRED")
                    .put("Session", session);
            challenge.putObject("ChallengeParameters").put("USER_ID_FOR_SRP", user.username())
                    .put("requiredAttributes", "[]").put("userAttributes", "{}");
            return challenge;
        }
        return mfa.afterPassword(user, client, source);
    }

    private ObjectNode newPassword(UserPoolSettings.Client client, String sessionKey, Map<String, String> responses) {
        Grant session = sessions.get(sessionKey).orElse(null);
        if (session == null || !session.clientId().equals(client.clientId())
                || !session.username().equals(responses.getOrDefault("USERNAME", session.username()))) {
            throw CognitoErrors.invalidSession();
        }
        String newPassword = Input.checked(model, "RespondToAuthChallenge", "PasswordType",
                responses.get("NEW_PASSWORD"), "password"); // as every member that sets a password is
        settings.passwordPolicy().check(newPassword); // a refused password leaves the session open for another try
        if (sessions.take(sessionKey).isEmpty()) {
            throw CognitoErrors.invalidSession(); // answered meanwhile by a parallel request
        }
        return mfa.afterPassword(directory.setPassword(session.username(), newPassword, PoolUser.Status.CONFIRMED),
                client, UserTokens.NEW_PASSWORD);
    }

    private static void requireFlow(UserPoolSettings.Client client, String flow) {
        if (!client.allows(flow)) {
            throw CognitoErrors.invalidParameter(flow + " flow not enabled for this client");
        }
    }
}
