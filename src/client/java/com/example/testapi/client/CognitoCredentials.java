package com.example.testapi.client;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import com.nimbusds.jwt.JWTParser;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentity.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;

/**
 * A user's group-role credentials, the way the identity pool hands them out: sign in to the user pool
 * (USER_PASSWORD_AUTH, and a TOTP code when the user's TOTP is on), exchange the ID token for an identity id (GetId) and temporary credentials
 * (GetCredentialsForIdentity) of the role of the user's group. Renewed 5 minutes before they expire, with the refresh
 * token when the ID token has expired too. Thread-safe.
 */
public final class CognitoCredentials implements CallerCredentials {

    private static final Duration EARLY = Duration.ofMinutes(5);

    private final StackOutputs stack;
    private final CognitoIdentityProviderClient userPool;
    private final CognitoIdentityClient identityPool;
    private final Clock clock;
    private String idToken;
    private Instant idTokenExpires;
    private String refreshToken;
    private String identityId;
    private AwsSessionCredentialsIdentity credentials;
    private Instant credentialsExpire = Instant.EPOCH;

    public CognitoCredentials(StackOutputs stack, CognitoIdentityProviderClient userPool,
            CognitoIdentityClient identityPool, Clock clock) {
        this.stack = stack;
        this.userPool = userPool;
        this.identityPool = identityPool;
        this.clock = clock;
    }

    /** Signs in; throws the SDK's NotAuthorizedException for a wrong password. */
    public synchronized CognitoCredentials signIn(String username, String password) {
        return signIn(username, password, null);
    }

    /**
     * Signs in, answering the TOTP challenge of a user whose TOTP is on with {@code totpCode}'s code (asked for only
     * then; null: such a user cannot sign in here). Throws the SDK's NotAuthorizedException for a wrong password and
     * CodeMismatchException for a wrong code.
     */
    public synchronized CognitoCredentials signIn(String username, String password, Supplier<String> totpCode) {
        return signIn(username, password, totpCode, null);
    }

    /**
     * Signs in as {@link #signIn(String, String, Supplier)}, and where the pool asks a user without a factor to set
     * TOTP up (MFA_SETUP, MfaConfiguration ON) shows them a new secret through {@code enrolment} and takes its first
     * code (null: such a user cannot sign in here).
     */
    public synchronized CognitoCredentials signIn(String username, String password, Supplier<String> totpCode,
            TotpEnrolment.Prompt enrolment) {
        InitiateAuthResponse answer = userPool.initiateAuth(r -> r.clientId(stack.userPoolClientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password)));
        AuthenticationResultType result = answer.authenticationResult();
        if (answer.challengeName() == ChallengeNameType.SOFTWARE_TOKEN_MFA) {
            if (totpCode == null) {
                throw new IllegalStateException("TOTP is on for " + username + ": a code from the authenticator app "
                        + "is needed (TESTAPI_TOTP_CODE)");
            }
            result = userPool.respondToAuthChallenge(r -> r.clientId(stack.userPoolClientId())
                    .challengeName(ChallengeNameType.SOFTWARE_TOKEN_MFA).session(answer.session())
                    .challengeResponses(Map.of("USERNAME", username, "SOFTWARE_TOKEN_MFA_CODE", totpCode.get())))
                    .authenticationResult();
        }
        if (answer.challengeName() == ChallengeNameType.MFA_SETUP) {
            if (enrolment == null) {
                throw new IllegalStateException("the user pool asks " + username + " to set TOTP up first (MFA_SETUP)");
            }
            result = TotpEnrolment.complete(userPool, stack.userPoolClientId(), username, answer.session(), enrolment);
        }
        if (result == null) {
            throw new IllegalStateException("sign-in needs a challenge answered (" + answer.challengeNameAsString()
                    + "): a temporary password is changed at the first sign-in in the browser app (docs/mfa.md)");
        }
        accept(result);
        refreshToken = result.refreshToken();
        credentialsExpire = Instant.EPOCH;
        return this;
    }

    /**
     * Ends the sign-in: RevokeToken makes the refresh token (and the access tokens issued from it) useless, then this
     * object forgets everything; {@link #current()} then needs a new {@link #signIn}. Credentials already handed out
     * stay valid until they expire (the identity pool cannot take them back).
     */
    public synchronized void signOut() {
        String token = refreshToken;
        idToken = null;
        refreshToken = null;
        identityId = null;
        credentials = null;
        credentialsExpire = Instant.EPOCH;
        if (token != null) {
            userPool.revokeToken(r -> r.clientId(stack.userPoolClientId()).token(token));
        }
    }

    /** {@link #signOut}, a failure of the revocation aside: the session ends here either way. */
    private void signOutQuietly() {
        try {
            signOut();
        } catch (AwsServiceException | software.amazon.awssdk.core.exception.SdkClientException e) {
            // the refresh token then ends when it expires
        }
    }

    public synchronized String identityId() {
        current();
        return identityId;
    }

    @Override
    public synchronized AwsCredentialsIdentity current() {
        if (idToken == null) {
            throw new IllegalStateException("sign in first");
        }
        Instant now = clock.instant();
        if (now.isBefore(credentialsExpire.minus(EARLY))) {
            return credentials;
        }
        // An administrator's ID token is used to its end: a refresh would carry no Admins (docs/mfa.md).
        if (!now.isBefore(idTokenExpires.minus(administrator() ? Duration.ZERO : EARLY))) {
            try {
                accept(userPool.initiateAuth(r -> r.clientId(stack.userPoolClientId())
                        .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                        .authParameters(Map.of("REFRESH_TOKEN", refreshToken))).authenticationResult());
                if (adminNotProven()) {
                    // An administrator's rights last one sign-in with the code: the refresh carries none of them,
                    // and the session ends here, not on with the user's other groups.
                    signOutQuietly();
                    throw new SessionEnded("REFRESH_TOKEN_AUTH", new IllegalStateException(
                            "administrator rights need a new sign-in with a TOTP code"));
                }
            } catch (AwsServiceException e) {
                // Any refusal of the refresh (4xx) ends the session; a failure of the service (5xx) is not a refusal.
                throw e.statusCode() < 500 ? new SessionEnded("REFRESH_TOKEN_AUTH", e) : e;
            }
        }
        Map<String, String> logins = Map.of(stack.loginsProvider(), idToken);
        try {
            if (identityId == null) {
                identityId = identityPool.getId(r -> r.identityPoolId(stack.identityPoolId()).logins(logins))
                        .identityId();
            }
            Credentials issued = identityPool.getCredentialsForIdentity(r -> r.identityId(identityId).logins(logins))
                    .credentials();
            credentials = AwsSessionCredentialsIdentity.create(issued.accessKeyId(), issued.secretKey(),
                    issued.sessionToken());
            credentialsExpire = issued.expiration();
        } catch (NotAuthorizedException | ResourceNotFoundException e) {
            // The identity pool no longer takes the ID token (user signed out everywhere, deleted) or the identity.
            // Other errors (a misconfigured pool: InvalidIdentityPoolConfigurationException) are not the session's.
            throw new SessionEnded("GetCredentialsForIdentity", e);
        }
        return credentials;
    }

    /** New credentials now (the gateway refused the current ones, perhaps as expired by its clock). */
    @Override
    public synchronized boolean renew() {
        if (idToken == null) {
            return false;
        }
        credentialsExpire = Instant.EPOCH;
        current();
        return true;
    }

    /** Whether the stack left Admins out of the ID token for want of a sign-in that asked for the code. */
    private boolean adminNotProven() {
        return "totp_not_proven".equals(claim("admin_withheld"));
    }

    /** Whether the ID token carries Admins (the rights of a sign-in with the code). */
    private boolean administrator() {
        return claim("cognito:groups") instanceof java.util.List<?> groups && groups.contains("Admins");
    }

    private Object claim(String name) {
        try {
            return JWTParser.parse(idToken).getJWTClaimsSet().getClaim(name);
        } catch (ParseException e) {
            return null; // accept() has read it already
        }
    }

    /**
     * Takes new tokens; the ID token's lifetime is its own {@code exp} (read, not verified: the identity pool
     * verifies it), not ExpiresIn, which AWS does not document as the ID token's.
     */
    private void accept(AuthenticationResultType result) {
        idToken = result.idToken();
        try {
            idTokenExpires = JWTParser.parse(idToken).getJWTClaimsSet().getExpirationTime().toInstant();
        } catch (ParseException | RuntimeException e) {
            throw new IllegalStateException("the user pool's ID token has no readable exp: " + e.getMessage(), e);
        }
    }
}
