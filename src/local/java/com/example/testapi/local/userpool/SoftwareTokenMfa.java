package com.example.testapi.local.userpool;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import com.example.testapi.local.awsjson.Input;
import com.example.testapi.local.state.ShortLived;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * TOTP MFA as the Cognito API reference describes it. After the password (either flow, the hosted UI's form too) a
 * user with TOTP enabled gets the {@code SOFTWARE_TOKEN_MFA} challenge; in a pool whose MfaConfiguration is ON a user
 * without it gets {@code MFA_SETUP}, answered with {@code AssociateSoftwareToken} and {@code VerifySoftwareToken} on
 * the challenge's session. Signed in, a user sets TOTP up with their access token and turns it on or off with
 * {@code SetUserMFAPreference}; an administrator with {@code AdminSetUserMFAPreference}. Codes are checked by
 * {@link SoftwareTokens}; wrong ones are counted per user by a lockout of their own, so a right password does not
 * reset the count of wrong codes.
 */
final class SoftwareTokenMfa {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final String SOFTWARE_TOKEN_MFA = "SOFTWARE_TOKEN_MFA";

    /** A challenge waiting for its answer: whose, through which client, and which step it is at. */
    private record Pending(String username, String clientId, Stage stage) {
    }

    private enum Stage {
        CODE, SETUP, SETUP_VERIFIED
    }

    private final UserPoolSettings settings;
    private final UserDirectory directory;
    private final UserTokens tokens;
    private final SoftwareTokens codes;
    private final SignInLockout wrongCodes;
    private final ShortLived<String, Pending> sessions;

    SoftwareTokenMfa(UserPoolSettings settings, UserDirectory directory, UserTokens tokens, Clock clock,
            Duration sessionLifetime, int maxSessions) {
        this.settings = settings;
        this.directory = directory;
        this.tokens = tokens;
        this.codes = new SoftwareTokens(clock);
        this.wrongCodes = new SignInLockout(clock);
        // Full, the oldest unanswered challenge goes, as SRP's do: a flood of sign-ins keeps nobody else out.
        this.sessions = ShortLived.evictingOldest(clock, sessionLifetime, maxSessions);
    }

    /**
     * What a right password leads to: the TOTP challenge, MFA_SETUP, or tokens. A new authenticator associated but
     * not yet verified leaves the password alone where MFA is not required, as the AssociateSoftwareToken reference
     * says ("If you don't verify the software token and your user pool doesn't require MFA, the user can then
     * authenticate with user name and password credentials alone"), and MFA_SETUP where it is.
     */
    ObjectNode afterPassword(PoolUser user, UserPoolSettings.Client client, String source) {
        boolean associating = user.token().pending() != null;
        if (!associating && user.token().enabled() && user.token().secret() != null) {
            return challenge(SOFTWARE_TOKEN_MFA, new Pending(user.username(), client.clientId(), Stage.CODE));
        }
        if (settings.mfaRequired()) {
            ObjectNode setup = challenge("MFA_SETUP", new Pending(user.username(), client.clientId(), Stage.SETUP));
            ((ObjectNode) setup.get("ChallengeParameters")).put("MFAS_CAN_SETUP", "[\"SOFTWARE_TOKEN_MFA\"]");
            return setup;
        }
        return tokens.signedIn(user, client, source);
    }

    /**
     * The SOFTWARE_TOKEN_MFA answer: tokens for the right code. A wrong one leaves the session open for another try
     * (within its three minutes and the lockout). Amplify v5 sends the code as {@code SMS_MFA_CODE} too.
     */
    ObjectNode answerCode(UserPoolSettings.Client client, String sessionKey, Map<String, String> responses) {
        return answerCode(client, sessionKey, responses, UserTokens.AUTHENTICATION);
    }

    /** The same, for a sign-in whose tokens come from {@code source} (the hosted UI's code page). */
    ObjectNode answerCode(UserPoolSettings.Client client, String sessionKey, Map<String, String> responses,
            String source) {
        Pending pending = pending(sessionKey, client, responses, Stage.CODE);
        String code = responses.getOrDefault("SOFTWARE_TOKEN_MFA_CODE", responses.get("SMS_MFA_CODE"));
        PoolUser user = enabled(directory.require(pending.username()));
        spendCode(user.username(), user.token().secret(), code, CognitoErrors.wrongMfaCode());
        if (sessions.take(sessionKey).isEmpty()) {
            throw CognitoErrors.invalidSession(); // answered meanwhile by a parallel request
        }
        return tokens.signedIn(directory.require(user.username()), client, source);
    }

    /** The MFA_SETUP answer, after VerifySoftwareToken accepted a code on this session: tokens. */
    ObjectNode answerSetup(UserPoolSettings.Client client, String sessionKey, Map<String, String> responses) {
        pending(sessionKey, client, responses, Stage.SETUP_VERIFIED);
        Pending pending = sessions.take(sessionKey).orElseThrow(CognitoErrors::invalidSession);
        return tokens.signedIn(enabled(directory.require(pending.username())), client, UserTokens.AUTHENTICATION);
    }

    /** A user disabled between their password and this step gets no tokens, as at the password. */
    private static PoolUser enabled(PoolUser user) {
        if (!user.enabled()) {
            throw CognitoErrors.notAuthorized(CognitoErrors.USER_DISABLED);
        }
        return user;
    }

    /** A user of the local users file with their authenticator already set up: verified, on and preferred. */
    void setUp(String username, String secret) {
        directory.setSoftwareToken(username, token -> new PoolUser.SoftwareToken(null, secret, true, true));
    }

    /**
     * Completes a SOFTWARE_TOKEN_MFA challenge without a code: only for {@link LocalUserPool#signIn}, the local
     * cloud's own in-process sign-in (the banner's ready-made credentials, tests of what follows a sign-in); the API
     * cannot reach it.
     */
    ObjectNode completeWithoutCode(UserPoolSettings.Client client, String sessionKey) {
        Pending pending = sessions.take(sessionKey).filter(p -> p.stage() == Stage.CODE)
                .orElseThrow(CognitoErrors::invalidSession);
        return tokens.signedIn(directory.require(pending.username()), client, UserTokens.AUTHENTICATION);
    }

    /** AssociateSoftwareToken: a new secret for the user of the access token, or of an MFA_SETUP session. */
    ObjectNode associate(Input input) {
        requireOffered();
        String secret = codes.newSecret();
        ObjectNode answer = MAPPER.createObjectNode().put("SecretCode", secret);
        String session = input.text("Session", null);
        if (session == null) {
            directory.setSoftwareToken(tokens.accessTokenUser(input.text("AccessToken", null)),
                    token -> token.associated(secret));
            return answer;
        }
        Pending pending = sessions.take(session).filter(p -> p.stage() == Stage.SETUP)
                .orElseThrow(CognitoErrors::invalidSession);
        directory.setSoftwareToken(pending.username(), token -> token.associated(secret));
        return answer.put("Session", open(pending));
    }

    /**
     * VerifySoftwareToken: the code proves the user's app holds the associated secret, which becomes theirs. On an
     * MFA_SETUP session it also turns TOTP on (the user leaves the setup with MFA) and answers the session that
     * completes the challenge; with an access token, SetUserMFAPreference turns it on.
     */
    ObjectNode verify(Input input) {
        requireOffered();
        String session = input.text("Session", null);
        // Read, not taken: a wrong code leaves the set-up session as it was (same expiry) for another try.
        Pending pending = session == null ? null
                : sessions.get(session).filter(p -> p.stage() == Stage.SETUP).orElseThrow(
                        CognitoErrors::invalidSession);
        String username = pending != null ? pending.username()
                : tokens.accessTokenUser(input.text("AccessToken", null));
        String secret = directory.require(username).token().pending();
        if (secret == null) {
            throw CognitoErrors.invalidParameter("User has not associated a software token.");
        }
        spendCode(username, secret, input.text("UserCode"), CognitoErrors.softwareTokenNotVerified());
        if (pending != null && sessions.take(session).isEmpty()) {
            throw CognitoErrors.invalidSession(); // answered meanwhile by a parallel request
        }
        // Only the secret the code was checked against becomes the user's: an association made meanwhile is not.
        boolean[] promoted = new boolean[1];
        directory.setSoftwareToken(username, token -> {
            promoted[0] = secret.equals(token.pending());
            return promoted[0] ? token.verified(pending != null) : token;
        });
        if (!promoted[0]) {
            throw CognitoErrors.softwareTokenNotVerified();
        }
        ObjectNode answer = MAPPER.createObjectNode().put("Status", "SUCCESS");
        if (pending != null) {
            answer.put("Session", open(new Pending(username, pending.clientId(), Stage.SETUP_VERIFIED)));
        }
        return answer;
    }

    /** SetUserMFAPreference: the user of the access token turns TOTP on or off, and prefers it or not. */
    ObjectNode setPreference(Input input) {
        setPreference(tokens.accessTokenUser(input.text("AccessToken")), input);
        return MAPPER.createObjectNode();
    }

    /** AdminSetUserMFAPreference: the same for any user of the pool, as IAM allows the caller. */
    ObjectNode adminSetPreference(Input input) {
        if (!settings.poolId().equals(input.text("UserPoolId"))) {
            throw CognitoErrors.poolNotFound(input.text("UserPoolId"));
        }
        setPreference(directory.require(input.text("Username")).username(), input);
        return MAPPER.createObjectNode();
    }

    /** GetUser's and AdminGetUser's MFA fields (none for a user without a factor, as Cognito leaves them out). */
    static void describe(PoolUser user, ObjectNode answer) {
        if (user.token().enabled()) {
            answer.putArray("UserMFASettingList").add(SOFTWARE_TOKEN_MFA);
            if (user.token().preferred()) {
                answer.put("PreferredMfaSetting", SOFTWARE_TOKEN_MFA);
            }
        }
    }

    private void setPreference(String username, Input input) {
        Input wanted = input.structure("SoftwareTokenMfaSettings").orElse(null);
        if (wanted == null) {
            return; // only the SMS and email settings, which this pool does not offer: nothing changes
        }
        boolean enable = wanted.bool("Enabled", false);
        boolean prefer = wanted.bool("PreferredMfa", false);
        if (enable && directory.require(username).token().secret() == null) {
            throw CognitoErrors.invalidParameter("User has not verified software token mfa");
        }
        directory.setSoftwareToken(username, token -> token.preference(enable, prefer));
    }

    /** A code for {@code secret}: right once, else {@code wrong}, ExpiredCodeException when used, all counted. */
    private void spendCode(String username, String secret, String code, RuntimeException wrong) {
        SoftwareTokens.Verdict[] verdict = new SoftwareTokens.Verdict[1];
        wrongCodes.attempt(username, () -> {
            verdict[0] = secret == null ? SoftwareTokens.Verdict.WRONG : codes.check(username, secret, code);
            return verdict[0] == SoftwareTokens.Verdict.RIGHT;
        });
        if (verdict[0] == SoftwareTokens.Verdict.USED) {
            throw CognitoErrors.softwareTokenUsed();
        }
        if (verdict[0] != SoftwareTokens.Verdict.RIGHT) {
            throw wrong;
        }
    }

    private Pending pending(String sessionKey, UserPoolSettings.Client client, Map<String, String> responses,
            Stage stage) {
        Pending pending = sessions.get(sessionKey).orElse(null);
        if (pending == null || pending.stage() != stage || !pending.clientId().equals(client.clientId())
                || !pending.username().equals(responses.getOrDefault("USERNAME", pending.username()))) {
            throw CognitoErrors.invalidSession();
        }
        return pending;
    }

    private ObjectNode challenge(String name, Pending pending) {
        ObjectNode challenge = MAPPER.createObjectNode().put("ChallengeName", name).put("Session", open(pending));
        challenge.putObject("ChallengeParameters");
        return challenge;
    }

    private String open(Pending pending) {
        String session = tokens.randomToken(96);
        if (!sessions.put(session, pending)) {
            throw CognitoErrors.tooManyRequests();
        }
        return session;
    }

    private void requireOffered() {
        if (!settings.softwareTokenMfa()) {
            throw CognitoErrors.softwareTokenMfaNotOffered();
        }
    }
}
