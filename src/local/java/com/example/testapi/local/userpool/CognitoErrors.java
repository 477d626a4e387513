package com.example.testapi.local.userpool;

import com.example.testapi.local.awsjson.AwsError;

/**
 * The user pool's refusals, each type and shared message written once, with the words of Cognito's API reference (or,
 * where it gives none, the words reported of it; docs/fidelity-ledger.md). The model-shape tests check every type
 * against the operations' error lists in the service model.
 */
final class CognitoErrors {

    static final String WRONG_CREDENTIALS = "Incorrect username or password.";
    static final String USER_DISABLED = "User is disabled.";
    static final String PASSWORD_ATTEMPTS_EXCEEDED = "Password attempts exceeded";
    static final String WRONG_MFA_CODE = "Invalid code or auth state for the user.";
    static final String SOFTWARE_TOKEN_NOT_VERIFIED = "Code mismatch and fail enable Software Token MFA";
    static final String SOFTWARE_TOKEN_USED = "Your software token has already been used once.";
    static final String INVALID_SESSION = "Invalid session for the user, session is expired.";

    private CognitoErrors() {
    }

    static AwsError notAuthorized(String message) {
        return new AwsError("NotAuthorizedException", message);
    }

    /** A wrong password, or (hiding which users exist) an unknown user. */
    static AwsError wrongCredentials() {
        return notAuthorized(WRONG_CREDENTIALS);
    }

    static AwsError invalidSession() {
        return notAuthorized(INVALID_SESSION);
    }

    static AwsError invalidParameter(String message) {
        return new AwsError("InvalidParameterException", message);
    }

    /** A member the model leaves optional but the flow needs (e.g. USERNAME in AuthParameters). */
    static AwsError missingParameter(String name) {
        return invalidParameter("Missing required parameter " + name);
    }

    static AwsError userNotFound() {
        return new AwsError("UserNotFoundException", "User does not exist.");
    }

    /** The self-service operations' words for an unknown user, where the client does not hide which users exist. */
    static AwsError userNotFoundForClient() {
        return new AwsError("UserNotFoundException", "Username/client id combination not found.");
    }

    static AwsError usernameExists() {
        return new AwsError("UsernameExistsException", "User account already exists");
    }

    static AwsError poolNotFound(String poolId) {
        return new AwsError("ResourceNotFoundException", "User pool " + poolId + " does not exist.");
    }

    static AwsError clientNotFound(String clientId) {
        return new AwsError("ResourceNotFoundException", "User pool client " + clientId + " does not exist.");
    }

    static AwsError groupNotFound() {
        return new AwsError("ResourceNotFoundException", "Group not found.");
    }

    static AwsError invalidPassword(String brokenRule) {
        return new AwsError("InvalidPasswordException", "Password does not conform to policy: " + brokenRule);
    }

    static AwsError codeMismatch() {
        return new AwsError("CodeMismatchException", "Invalid verification code provided, please try again.");
    }

    static AwsError expiredCode() {
        return new AwsError("ExpiredCodeException", "Invalid code provided, please request a code again.");
    }

    static AwsError attemptLimitExceeded() {
        return new AwsError("LimitExceededException", "Attempt limit exceeded, please try after some time.");
    }

    static AwsError tooManyRequests() {
        return new AwsError("TooManyRequestsException", "Too many requests");
    }

    static AwsError unsupportedTokenType() {
        return new AwsError("UnsupportedTokenTypeException", "Only refresh tokens can be revoked.");
    }

    static AwsError tokenOfAnotherClient() {
        return new AwsError("UnauthorizedException", "The token was not issued to this client.");
    }

    /** A wrong MFA code at sign-in, in the words public reports show (evidence C: docs/fidelity-ledger.md). */
    static AwsError wrongMfaCode() {
        return new AwsError("CodeMismatchException", WRONG_MFA_CODE);
    }

    /** A wrong code in VerifySoftwareToken: the authenticator is not set up (evidence C, as above). */
    static AwsError softwareTokenNotVerified() {
        return new AwsError("EnableSoftwareTokenMFAException", SOFTWARE_TOKEN_NOT_VERIFIED);
    }

    static AwsError softwareTokenUsed() {
        return new AwsError("ExpiredCodeException", SOFTWARE_TOKEN_USED);
    }

    /** The developer guide's words for a pool whose EnabledMfas lacks SOFTWARE_TOKEN_MFA. */
    static AwsError softwareTokenMfaNotOffered() {
        return new AwsError("SoftwareTokenMFANotFoundException",
                "Software Token MFA has not been enabled by the userPool");
    }
}
