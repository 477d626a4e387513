package com.example.testapi.local.userpool;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.example.testapi.local.awsjson.AwsError;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;

/**
 * Sign-in as Cognito's {@code InitiateAuth} and {@code RespondToAuthChallenge} do it for an app client without a
 * secret: {@code USER_PASSWORD_AUTH}, {@code REFRESH_TOKEN_AUTH}, and the {@code NEW_PASSWORD_REQUIRED} challenge of a
 * temporary password. Tokens are JWTs signed RS256 with the claims Cognito puts in them.
 */
final class UserPoolAuth {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String WRONG_CREDENTIALS = "Incorrect username or password.";
    private static final Duration SESSION_LIFETIME = Duration.ofMinutes(3);

    private record Grant(String username, String clientId, Instant expires) {
    }

    private final UserPoolSettings settings;
    private final UserDirectory directory;
    private final TokenSigner signer;
    private final String issuer;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> sessions = new ConcurrentHashMap<>();
    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();

    UserPoolAuth(UserPoolSettings settings, UserDirectory directory, TokenSigner signer, String issuer, Clock clock) {
        this.settings = settings;
        this.directory = directory;
        this.signer = signer;
        this.issuer = issuer;
        this.clock = clock;
    }

    ObjectNode initiateAuth(ObjectNode input) {
        UserPoolSettings.Client client = client(input.path("ClientId").asText(null));
        String flow = input.path("AuthFlow").asText("");
        ObjectNode parameters = input.with("AuthParameters");
        return switch (flow) {
            case "USER_PASSWORD_AUTH" -> {
                requireFlow(client, flow);
                yield passwordAuth(client, parameters.path("USERNAME").asText(null),
                        parameters.path("PASSWORD").asText(null));
            }
            case "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN" -> {
                requireFlow(client, "REFRESH_TOKEN_AUTH");
                yield refresh(client, parameters.path("REFRESH_TOKEN").asText(""));
            }
            case "USER_SRP_AUTH", "CUSTOM_AUTH", "USER_AUTH", "ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH" ->
                throw new AwsError("InvalidParameterException", "The local user pool does not offer " + flow
                        + ": use USER_PASSWORD_AUTH (see README, local cloud limits).");
            default -> throw new AwsError("InvalidParameterException", "Unknown AuthFlow " + flow);
        };
    }

    ObjectNode respondToAuthChallenge(ObjectNode input) {
        UserPoolSettings.Client client = client(input.path("ClientId").asText(null));
        if (!"NEW_PASSWORD_REQUIRED".equals(input.path("ChallengeName").asText())) {
            throw new AwsError("InvalidParameterException", "Only NEW_PASSWORD_REQUIRED is answered locally.");
        }
        String sessionKey = input.path("Session").asText("");
        Grant session = sessions.get(sessionKey);
        ObjectNode responses = input.with("ChallengeResponses");
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
            found.password = newPassword;
            found.status = PoolUser.Status.CONFIRMED;
            found.modified = clock.instant();
            return found;
        });
        return authenticated(user, client, true);
    }

    /** USER_PASSWORD_AUTH for the hosted UI's form: what InitiateAuth answers (tokens, or the challenge). */
    ObjectNode passwordSignIn(String clientId, String username, String password) {
        return passwordAuth(client(clientId), username, password);
    }

    private ObjectNode passwordAuth(UserPoolSettings.Client client, String username, String password) {
        PoolUser user = directory.with(users -> users.get(username));
        // Constant-time compare; an unknown user and a wrong password answer alike (PreventUserExistenceErrors).
        boolean matches = user != null && password != null && java.security.MessageDigest.isEqual(
                user.password.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (!matches) {
            if (user == null && !client.preventUserExistenceErrors()) {
                throw new AwsError("UserNotFoundException", "User does not exist.");
            }
            throw new AwsError("NotAuthorizedException", WRONG_CREDENTIALS);
        }
        if (user.status == PoolUser.Status.FORCE_CHANGE_PASSWORD) {
            String session = token(96);
            sessions.put(session, new Grant(user.username, client.clientId(), clock.instant().plus(SESSION_LIFETIME)));
            ObjectNode challenge = MAPPER.createObjectNode().put("ChallengeName", "NEW_PASSWORD_REQUIRED")
                    .put("Session", session);
            challenge.putObject("ChallengeParameters").put("USER_ID_FOR_SRP", user.username)
                    .put("requiredAttributes", "[]").put("userAttributes", "{}");
            return challenge;
        }
        return authenticated(user, client, true);
    }

    private ObjectNode refresh(UserPoolSettings.Client client, String refreshToken) {
        Grant grant = refreshTokens.get(refreshToken);
        if (grant == null || !grant.clientId().equals(client.clientId()) || !clock.instant().isBefore(grant.expires())) {
            throw new AwsError("NotAuthorizedException", "Invalid Refresh Token");
        }
        PoolUser user = directory.with(users -> users.get(grant.username()));
        if (user == null) {
            throw new AwsError("NotAuthorizedException", "Refresh Token has been revoked");
        }
        return authenticated(user, client, false);
    }

    private ObjectNode authenticated(PoolUser user, UserPoolSettings.Client client, boolean withRefreshToken) {
        Instant now = clock.instant();
        String originJti = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        List<String> groups = directory.with(users -> List.copyOf(user.groups));
        JWTClaimsSet.Builder id = common(user, groups, now, originJti, eventId).audience(client.clientId())
                .claim("token_use", "id").claim("cognito:username", user.username)
                .expirationTime(Date.from(now.plus(client.idTokenValidity())));
        List<String> roles = groups.stream().map(settings.groups()::get).filter(Objects::nonNull)
                .map(UserPoolSettings.Group::roleArn).filter(Objects::nonNull).distinct().toList();
        if (!roles.isEmpty()) {
            id.claim("cognito:roles", roles);
        }
        preferredRole(groups).ifPresent(role -> id.claim("cognito:preferred_role", role));
        JWTClaimsSet access = common(user, groups, now, originJti, eventId).claim("client_id", client.clientId())
                .claim("token_use", "access").claim("scope", "aws.cognito.signin.user.admin")
                .claim("username", user.username).expirationTime(Date.from(now.plus(client.accessTokenValidity())))
                .build();
        ObjectNode result = MAPPER.createObjectNode();
        ObjectNode tokens = result.putObject("AuthenticationResult")
                .put("AccessToken", signer.sign(access))
                .put("ExpiresIn", client.idTokenValidity().toSeconds())
                .put("TokenType", "Bearer")
                .put("IdToken", signer.sign(id.build()));
        if (withRefreshToken) {
            String refreshToken = token(256);
            refreshTokens.put(refreshToken, new Grant(user.username, client.clientId(),
                    now.plus(client.refreshTokenValidity())));
            tokens.put("RefreshToken", refreshToken);
        }
        result.putObject("ChallengeParameters");
        return result;
    }

    private JWTClaimsSet.Builder common(PoolUser user, List<String> groups, Instant now, String originJti,
            String eventId) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(user.sub).issuer(issuer)
                .claim("origin_jti", originJti).claim("event_id", eventId)
                .claim("auth_time", now.getEpochSecond()).issueTime(Date.from(now))
                .jwtID(UUID.randomUUID().toString());
        if (!groups.isEmpty()) {
            claims.claim("cognito:groups", groups);
        }
        return claims;
    }

    /**
     * The role of the user's group with the lowest precedence; none when that precedence is shared by two groups
     * (Cognito then leaves {@code cognito:preferred_role} out) or no group has a role.
     */
    java.util.Optional<String> preferredRole(List<String> userGroups) {
        List<UserPoolSettings.Group> withRole = userGroups.stream().map(settings.groups()::get)
                .filter(g -> g != null && g.roleArn() != null)
                .sorted(Comparator.comparing(UserPoolSettings.Group::precedence,
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        if (withRole.isEmpty()) {
            return java.util.Optional.empty();
        }
        Integer lowest = withRole.get(0).precedence();
        long tied = withRole.stream().filter(g -> Objects.equals(g.precedence(), lowest)).count();
        return tied == 1 ? java.util.Optional.of(withRole.get(0).roleArn()) : java.util.Optional.empty();
    }

    private UserPoolSettings.Client client(String clientId) {
        UserPoolSettings.Client client = clientId == null ? null : settings.clients().get(clientId);
        if (client == null) {
            throw new AwsError("ResourceNotFoundException", "User pool client " + clientId + " does not exist.");
        }
        return client;
    }

    private static void requireFlow(UserPoolSettings.Client client, String flow) {
        if (!client.allows(flow)) {
            throw new AwsError("InvalidParameterException", flow + " flow not enabled for this client");
        }
    }

    private String token(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
