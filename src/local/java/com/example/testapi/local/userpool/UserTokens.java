package com.example.testapi.local.userpool;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.example.testapi.local.state.ShortLived;

/**
 * The tokens of a sign-in and what can end them, as Cognito's API reference describes it: one refresh token per
 * sign-in, whose {@code origin_jti} every ID and access token issued from it carries. {@code RevokeToken} ends the
 * refresh token and the access tokens issued from it, for the user pool's own API. {@code GlobalSignOut} ends every
 * sign-in of the user, and also, for an identity pool with {@code ServerSideTokenCheck}, their ID tokens
 * ({@link #activeForIdentityPool}). A refresh keeps the sign-in's {@code auth_time} and {@code origin_jti}: the
 * ID-token page says {@code auth_time} "represents the time when the original authentication occurred". A sign-in
 * belongs to a user's {@code sub}, not their name: a user made again under the same name is somebody else.
 */
final class UserTokens {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /**
     * At most this many sign-ins are kept. When full, the oldest one not revoked goes (its refresh token stops
     * working; its access tokens, never revoked, live out their hour): a revoked sign-in is kept, so its tokens stay
     * refused. Only a table of revoked sign-ins refuses a new one (TooManyRequestsException).
     */
    static final int MAX_SIGN_INS = 100_000;
    /**
     * A sign-in is kept this long past its refresh token's end: its access and ID tokens (at most a day long) must
     * still be told revoked or signed out until they expire themselves.
     */
    private static final Duration KEPT_AFTER = Duration.ofDays(1);

    /**
     * The scope of the user's own operations: an API sign-in's access token carries it alone; a hosted-UI sign-in's
     * carries the scopes its authorize request asked for, and without this one the user's own operations refuse it.
     */
    static final String SELF_SERVICE_SCOPE = "aws.cognito.signin.user.admin";

    private final UserPoolSettings settings;
    private final UserDirectory directory;
    private final TokenSigner signer;
    private final String issuer;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ShortLived<String, SignIn> byOrigin;
    /** The template's pre-token-generation trigger, once the local cloud has started it (null: none yet). */
    private volatile PreTokenGeneration preTokenGeneration;

    /** Where a sign-in's tokens come from: the trigger's {@code triggerSource}. */
    static final String AUTHENTICATION = "TokenGeneration_Authentication";
    static final String HOSTED_AUTH = "TokenGeneration_HostedAuth";
    static final String NEW_PASSWORD = "TokenGeneration_NewPasswordChallenge";
    static final String REFRESH = "TokenGeneration_RefreshTokens";

    UserTokens(UserPoolSettings settings, UserDirectory directory, TokenSigner signer, String issuer, Clock clock) {
        this.settings = settings;
        this.directory = directory;
        this.signer = signer;
        this.issuer = issuer;
        this.clock = clock;
        this.byOrigin = new ShortLived<>(clock, KEPT_AFTER, MAX_SIGN_INS);
    }

    /** The trigger the template names, started by the local cloud: from now on every token goes through it. */
    void preTokenGeneration(TokenTrigger trigger) {
        this.preTokenGeneration = new PreTokenGeneration(settings, trigger);
    }

    /** A new sign-in's AuthenticationResult: ID, access and refresh token, from {@code source}. */
    ObjectNode signedIn(PoolUser user, UserPoolSettings.Client client, String source) {
        Instant now = clock.instant();
        SignIn signIn = new SignIn(randomToken(256), user.username(), user.sub(), client.clientId(),
                UUID.randomUUID().toString(), now, now.plus(client.refreshTokenValidity()), false, false,
                SELF_SERVICE_SCOPE);
        Instant kept = signIn.expires().plus(KEPT_AFTER);
        if (!byOrigin.put(signIn.originJti(), signIn, kept)
                && !(byOrigin.removeOldest(s -> !s.revoked()) && byOrigin.put(signIn.originJti(), signIn, kept))) {
            throw CognitoErrors.tooManyRequests();
        }
        String refreshToken = signIn.originJti() + "." + signIn.secret();
        ObjectNode result = issue(user, client, signIn, source);
        ((ObjectNode) result.get("AuthenticationResult")).put("RefreshToken", refreshToken);
        return result;
    }

    /** REFRESH_TOKEN_AUTH: new ID and access tokens of the same sign-in, while its refresh token stands. */
    ObjectNode refreshed(UserPoolSettings.Client client, String refreshToken) {
        SignIn signIn = byRefreshToken(refreshToken);
        if (signIn != null && signIn.revoked()) {
            throw CognitoErrors.notAuthorized("Refresh Token has been revoked");
        }
        if (signIn == null || !signIn.clientId().equals(client.clientId())
                || !clock.instant().isBefore(signIn.expires())) {
            throw CognitoErrors.notAuthorized("Invalid Refresh Token");
        }
        PoolUser user = directory.find(signIn.username()).orElse(null);
        if (user == null || !user.sub().equals(signIn.sub())) {
            throw CognitoErrors.notAuthorized("Refresh Token has been revoked");
        }
        if (!user.enabled()) {
            throw CognitoErrors.notAuthorized(CognitoErrors.USER_DISABLED);
        }
        return issue(user, client, signIn, REFRESH);
    }

    /**
     * RevokeToken: ends the sign-in this refresh token belongs to. An ID or access token is refused with the error
     * the API reference lists for it; another unknown token is no error.
     */
    void revoke(UserPoolSettings.Client client, String refreshToken) {
        if (signer.verifiedClaims(refreshToken).isPresent()) {
            throw CognitoErrors.unsupportedTokenType();
        }
        SignIn signIn = byRefreshToken(refreshToken);
        if (signIn == null) {
            return;
        }
        if (!signIn.clientId().equals(client.clientId())) {
            throw CognitoErrors.tokenOfAnotherClient();
        }
        byOrigin.update(signIn.originJti(), s -> s.ended(false));
    }

    /** GlobalSignOut: every sign-in of the user with {@code sub} ends. */
    void signOutEverywhere(String sub) {
        byOrigin.values().stream().filter(s -> s.sub().equals(sub))
                .forEach(s -> byOrigin.update(s.originJti(), signIn -> signIn.ended(true)));
    }

    /** The sign-ins of {@code username} whose refresh token still works (what a test of a sign-out looks at). */
    long activeSignIns(String username) {
        Instant now = clock.instant();
        return byOrigin.values().stream().filter(s -> s.username().equals(username) && !s.revoked()
                && now.isBefore(s.expires())).count();
    }

    /**
     * What an identity pool with ServerSideTokenCheck asks of an ID token this pool signed: that its user "has not
     * been globally signed out or deleted" (CognitoIdentityProvider in the identity pool API reference). Null when it
     * holds, else why not.
     */
    String activeForIdentityPool(JWTClaimsSet claims) {
        if (directory.bySub(claims.getSubject()).isEmpty()) {
            return "The user of this token no longer exists.";
        }
        return signIn(claims).filter(SignIn::signedOut).isPresent() ? "The user of this token has been signed out."
                : null;
    }

    /**
     * The user an access token speaks for, checked as Cognito checks it: signed by this pool, an access token, not
     * expired, its sign-in not revoked, the user still there.
     */
    String accessTokenUser(String accessToken) {
        JWTClaimsSet claims = accessToken == null ? null : signer.verifiedClaims(accessToken).orElse(null);
        if (claims == null || !"access".equals(claims.getClaim("token_use")) || !issuer.equals(claims.getIssuer())) {
            throw CognitoErrors.notAuthorized("Invalid Access Token");
        }
        if (claims.getExpirationTime() == null || !clock.instant().isBefore(claims.getExpirationTime().toInstant())) {
            throw CognitoErrors.notAuthorized("Access Token has expired");
        }
        if (signIn(claims).filter(SignIn::revoked).isPresent()) {
            throw CognitoErrors.notAuthorized("Access Token has been revoked");
        }
        String username = String.valueOf(claims.getClaim("username"));
        PoolUser user = directory.find(username).orElse(null);
        if (user == null || !user.sub().equals(claims.getSubject())) {
            throw CognitoErrors.userNotFound();
        }
        if (!List.of(String.valueOf(claims.getClaim("scope")).split(" ")).contains(SELF_SERVICE_SCOPE)) {
            throw CognitoErrors.notAuthorized("Access Token does not have required scopes");
        }
        return username;
    }

    /**
     * The hosted UI's code grant: the sign-in's access tokens carry {@code scope} (what the authorize request asked
     * for, which the client allows), from this one on and at its refreshes, as Cognito's token endpoint issues them.
     */
    String scoped(String accessToken, String scope) {
        JWTClaimsSet claims = signer.verifiedClaims(accessToken).orElseThrow();
        byOrigin.update(String.valueOf(claims.getClaim("origin_jti")), signIn -> signIn.scoped(scope));
        return signer.sign(new JWTClaimsSet.Builder(claims).claim("scope", scope).build());
    }

    /** The app client an access token was issued to ({@code client_id}), checked as {@link #accessTokenUser}. */
    String accessTokenClient(String accessToken) {
        accessTokenUser(accessToken);
        return signer.verifiedClaims(accessToken).map(c -> String.valueOf(c.getClaim("client_id"))).orElseThrow();
    }

    /** The sign-in a token was issued from, by its {@code origin_jti}, while it is kept. */
    private Optional<SignIn> signIn(JWTClaimsSet claims) {
        return byOrigin.get(String.valueOf(claims.getClaim("origin_jti")));
    }

    /** The sign-in a refresh token belongs to; null for a token this pool did not hand out. */
    private SignIn byRefreshToken(String refreshToken) {
        int dot = refreshToken.indexOf('.');
        SignIn signIn = dot < 0 ? null : byOrigin.get(refreshToken.substring(0, dot)).orElse(null);
        return signIn != null && MessageDigest.isEqual(signIn.secret().getBytes(StandardCharsets.US_ASCII),
                refreshToken.substring(dot + 1).getBytes(StandardCharsets.US_ASCII)) ? signIn : null;
    }

    private ObjectNode issue(PoolUser user, UserPoolSettings.Client client, SignIn signIn, String source) {
        Instant now = clock.instant();
        String eventId = UUID.randomUUID().toString();
        List<String> groups = List.copyOf(user.groups());
        PreTokenGeneration.IdTokenClaims idClaims = idTokenClaims(user, client, groups, source);
        JWTClaimsSet.Builder id = common(user, idClaims.groups(), now, signIn, eventId).audience(client.clientId())
                .claim("token_use", "id").claim("cognito:username", user.username())
                .expirationTime(Date.from(now.plus(client.idTokenValidity())));
        if (!idClaims.roles().isEmpty()) {
            id.claim("cognito:roles", idClaims.roles());
        }
        if (idClaims.preferredRole() != null) {
            id.claim("cognito:preferred_role", idClaims.preferredRole());
        }
        idClaims.added().fields().forEachRemaining(claim -> id.claim(claim.getKey(), claim.getValue().asText()));
        idClaims.suppressed().forEach(claim -> id.claim(claim, null));
        // groupOverrideDetails replaces cognito:groups in the access token too (the developer guide's pre token
        // generation page, "Pre token generation trigger sources" and its V1 example); the other claims are the ID
        // token's alone. A deployed probe (fidelity ledger, userpool.access-token-groups-override) checks it.
        JWTClaimsSet access = common(user, idClaims.groups(), now, signIn, eventId).claim("client_id", client.clientId())
                .claim("token_use", "access").claim("scope", signIn.scope())
                .claim("username", user.username()).expirationTime(Date.from(now.plus(client.accessTokenValidity())))
                .build();
        ObjectNode result = MAPPER.createObjectNode();
        result.putObject("AuthenticationResult")
                .put("AccessToken", signer.sign(access))
                // The access token's lifetime, as OAuth's expires_in (RFC 6749 §5.1): Cognito does not document
                // which token ExpiresIn describes. Clients take each token's lifetime from its own exp.
                .put("ExpiresIn", client.accessTokenValidity().toSeconds())
                .put("TokenType", "Bearer")
                .put("IdToken", signer.sign(id.build()));
        result.putObject("ChallengeParameters");
        return result;
    }

    /**
     * The ID token's groups, roles and preferred role as Cognito derives them, then as the trigger leaves them. A
     * template that names a trigger the local cloud has not started gets no tokens (never tokens without it).
     */
    private PreTokenGeneration.IdTokenClaims idTokenClaims(PoolUser user, UserPoolSettings.Client client,
            List<String> groups, String source) {
        List<String> roles = groups.stream().map(settings.groups()::get).filter(Objects::nonNull)
                .map(UserPoolSettings.Group::roleArn).filter(Objects::nonNull).distinct().toList();
        PreTokenGeneration.IdTokenClaims proposed = new PreTokenGeneration.IdTokenClaims(groups, roles,
                settings.preferredRole(groups).orElse(null), MAPPER.createObjectNode(), List.of());
        PreTokenGeneration trigger = preTokenGeneration;
        if (settings.preTokenGenerationFunction() == null) {
            return proposed;
        }
        if (trigger == null) {
            throw new com.example.testapi.local.awsjson.AwsError("UserLambdaValidationException",
                    "PreTokenGeneration failed with error the trigger " + settings.preTokenGenerationFunction()
                            + " is not running.");
        }
        return trigger.apply(source, user, client.clientId(), proposed);
    }

    private JWTClaimsSet.Builder common(PoolUser user, List<String> groups, Instant now, SignIn signIn,
            String eventId) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(user.sub()).issuer(issuer)
                .claim("origin_jti", signIn.originJti()).claim("event_id", eventId)
                .claim("auth_time", signIn.authTime().getEpochSecond()).issueTime(Date.from(now))
                .jwtID(UUID.randomUUID().toString());
        if (!groups.isEmpty()) {
            claims.claim("cognito:groups", groups);
        }
        return claims;
    }

    String randomToken(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
