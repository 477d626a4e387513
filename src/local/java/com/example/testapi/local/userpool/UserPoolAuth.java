package com.example.testapi.local.userpool;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.example.testapi.local.awsjson.AwsError;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Sign-in as Cognito's {@code InitiateAuth} and {@code RespondToAuthChallenge} do it for an app client without a
 * secret: {@code USER_SRP_AUTH} (Amplify's default, {@link SrpSignIn}), {@code USER_PASSWORD_AUTH},
 * {@code REFRESH_TOKEN_AUTH}, and the {@code NEW_PASSWORD_REQUIRED} challenge of a temporary password after either.
 * Tokens come from {@link UserTokens}.
 */
final class UserPoolAuth {

    static final String WRONG_CREDENTIALS = "Incorrect username or password.";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration SESSION_LIFETIME = Duration.ofMinutes(3);

    private record Grant(String username, String clientId, Instant expires) {
    }

    private final UserPoolSettings settings;
    private final UserDirectory directory;
    private final UserTokens tokens;
    private final SrpSignIn srp;
    private final StoredPassword.Decoys decoys;
    private final SignInLockout lockout;
    private final Clock clock;
    private final Map<String, Grant> sessions = new ConcurrentHashMap<>();

    UserPoolAuth(UserPoolSettings settings, UserDirectory directory, UserTokens tokens, Clock clock) {
        this.settings = settings;
        this.directory = directory;
        this.tokens = tokens;
        this.decoys = new StoredPassword.Decoys();
        this.lockout = new SignInLockout(clock);
        this.srp = new SrpSignIn(settings.poolId(), clock, decoys, lockout);
        this.clock = clock;
    }

    ObjectNode initiateAuth(ObjectNode input) {
        UserPoolSettings.Client client = settings.client(input.path("ClientId").asText(null));
        String flow = input.path("AuthFlow").asText("");
        ObjectNode parameters = object(input, "AuthParameters");
        return switch (flow) {
            case "USER_SRP_AUTH" -> {
                requireFlow(client, flow);
                String username = parameters.path("USERNAME").asText("");
                if (username.isEmpty()) {
                    throw new AwsError("InvalidParameterException", "Missing required parameter USERNAME");
                }
                PoolUser user = knownUser(client, username);
                yield srp.challenge(user, username, client.clientId(), parameters.path("SRP_A").asText(null));
            }
            case "USER_PASSWORD_AUTH" -> {
                requireFlow(client, flow);
                yield passwordAuth(client, parameters.path("USERNAME").asText(null),
                        parameters.path("PASSWORD").asText(null));
            }
            case "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN" -> {
                requireFlow(client, "REFRESH_TOKEN_AUTH");
                yield tokens.refreshed(client, parameters.path("REFRESH_TOKEN").asText(""));
            }
            case "CUSTOM_AUTH", "USER_AUTH", "ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH" ->
                throw new AwsError("InvalidParameterException", "The local user pool does not offer " + flow
                        + ": use USER_SRP_AUTH or USER_PASSWORD_AUTH (see docs/local-cloud.md).");
            default -> throw new AwsError("InvalidParameterException", "Unknown AuthFlow " + flow);
        };
    }

    ObjectNode respondToAuthChallenge(ObjectNode input) {
        UserPoolSettings.Client client = settings.client(input.path("ClientId").asText(null));
        ObjectNode responses = object(input, "ChallengeResponses");
        return switch (input.path("ChallengeName").asText()) {
            case "PASSWORD_VERIFIER" -> {
                yield signedIn(srp.verify(responses, client.clientId(),
                        name -> directory.with(users -> users.get(name)), WRONG_CREDENTIALS), client);
            }
            case "NEW_PASSWORD_REQUIRED" -> newPassword(client, input.path("Session").asText(""), responses);
            default -> throw new AwsError("InvalidParameterException",
                    "Only PASSWORD_VERIFIER and NEW_PASSWORD_REQUIRED are answered locally.");
        };
    }

    /** Amplify v6's refresh: what REFRESH_TOKEN_AUTH answers, as its own operation. */
    ObjectNode getTokensFromRefreshToken(ObjectNode input) {
        UserPoolSettings.Client client = settings.client(input.path("ClientId").asText(null));
        requireFlow(client, "REFRESH_TOKEN_AUTH");
        ObjectNode answer = tokens.refreshed(client, input.path("RefreshToken").asText(""));
        answer.remove("ChallengeParameters"); // its response has only AuthenticationResult
        return answer;
    }

    /** USER_PASSWORD_AUTH for the hosted UI's form: what InitiateAuth answers (tokens, or the challenge). */
    ObjectNode passwordSignIn(String clientId, String username, String password) {
        return passwordAuth(settings.client(clientId), username, password);
    }

    private ObjectNode passwordAuth(UserPoolSettings.Client client, String username, String password) {
        if (username == null || username.isEmpty()) {
            throw new AwsError("InvalidParameterException", "Missing required parameter USERNAME");
        }
        PoolUser user = knownUser(client, username);
        // An unknown user and a wrong password answer alike (PreventUserExistenceErrors), after the same work: one
        // g^x either way (a decoy's verifier costs none of its own).
        StoredPassword stored = user != null ? user.password : decoys.of(username);
        boolean right = lockout.attempt(username,
                () -> stored.matches(CognitoSrp.poolName(settings.poolId()), username, password) && user != null);
        if (!right) {
            throw new AwsError("NotAuthorizedException", WRONG_CREDENTIALS);
        }
        return signedIn(user, client);
    }

    /** The user, null for an unknown one where the client hides which users exist, else UserNotFoundException. */
    private PoolUser knownUser(UserPoolSettings.Client client, String username) {
        PoolUser user = username == null ? null : directory.with(users -> users.get(username));
        if (user == null && !client.preventUserExistenceErrors()) {
            throw new AwsError("UserNotFoundException", "User does not exist.");
        }
        return user;
    }

    /**
     * Tokens, or first the NEW_PASSWORD_REQUIRED challenge for a temporary password. A disabled user is refused after
     * the password check, with the words Cognito is reported to use (evidence C: docs/fidelity-ledger.md).
     */
    private ObjectNode signedIn(PoolUser user, UserPoolSettings.Client client) {
        if (!user.enabled) {
            throw new AwsError("NotAuthorizedException", UserTokens.USER_DISABLED);
        }
        if (user.status == PoolUser.Status.FORCE_CHANGE_PASSWORD) {
            String session = tokens.randomToken(96);
            Instant now = clock.instant();
            sessions.values().removeIf(old -> !now.isBefore(old.expires()));
            sessions.put(session, new Grant(user.username, client.clientId(), clock.instant().plus(SESSION_LIFETIME)));
            ObjectNode challenge = MAPPER.createObjectNode().put("ChallengeName", "NEW_PASSWORD_REQUIRED")
                    .put("Session", session);
            challenge.putObject("ChallengeParameters").put("USER_ID_FOR_SRP", user.username)
                    .put("requiredAttributes", "[]").put("userAttributes", "{}");
            return challenge;
        }
        return tokens.signedIn(user, client);
    }

    private ObjectNode newPassword(UserPoolSettings.Client client, String sessionKey, ObjectNode responses) {
        Grant session = sessions.get(sessionKey);
        if (session == null || !session.clientId().equals(client.clientId())
                || !clock.instant().isBefore(session.expires())
                || !session.username().equals(responses.path("USERNAME").asText(session.username()))) {
            throw new AwsError("NotAuthorizedException", "Invalid session for the user, session is expired.");
        }
        String newPassword = responses.path("NEW_PASSWORD").asText(null);
        settings.passwordPolicy().check(newPassword); // a refused password leaves the session open for another try
        sessions.remove(sessionKey);
        PoolUser user = directory.with(users -> {
            PoolUser found = UserDirectory.require(users, session.username());
            found.setPassword(settings.poolId(), newPassword, PoolUser.Status.CONFIRMED, clock.instant());
            return found;
        });
        return tokens.signedIn(user, client);
    }

    /** A map member, or an empty one when it is missing or JSON null (Amplify v5 sends {@code "DEVICE_KEY": null}). */
    private static ObjectNode object(ObjectNode input, String field) {
        return input.get(field) instanceof ObjectNode member ? member : MAPPER.createObjectNode();
    }

    private static void requireFlow(UserPoolSettings.Client client, String flow) {
        if (!client.allows(flow)) {
            throw new AwsError("InvalidParameterException", flow + " flow not enabled for this client");
        }
    }
}
