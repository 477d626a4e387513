package com.example.testapi.acceptance.fidelity;

import java.util.Map;

/**
 * The behaviours the local cloud plays that a client depends on and that AWS documents only partly (evidence C:
 * public reports) or not at all (D: none found), each with what the local cloud does. docs/fidelity-ledger.md lists
 * the same rows with the same evidence and source ({@code FidelityLedgerTest} keeps the two together); the deployed
 * acceptance run observes each against AWS ({@link FidelityProbe}) and reports where they agree.
 *
 * @param local the facts the local cloud gives (see {@link FidelityProbe} for how each is observed)
 */
public enum Row {

    GATEWAY_UNSIGNED("gateway.unsigned", 'C', "https://github.com/aws/chalice/issues/12",
            "An unsigned request, with an Origin header", Map.of("status", "403",
                    "body", "{\"message\":\"Missing Authentication Token\"}", "cors", "none")),
    GATEWAY_BAD_SIGNATURE("gateway.bad-signature", 'C', "https://github.com/kndt84/aws-api-gateway-client/issues/31",
            "A request signed with a wrong secret key", Map.of("status", "403", "body", "{\"message\":\"The request "
                    + "signature we calculated does not match the signature you provided. Check your AWS Secret "
                    + "Access Key and signing method. Consult the service documentation for details.\"}",
                    "cors", "none")),
    GATEWAY_EXPIRED_TOKEN("gateway.expired-credentials", 'C', "https://github.com/aws/graph-explorer/issues/39",
            "A request signed with identity-pool credentials past their expiry", Map.of("status", "403",
                    "body", "{\"message\":\"The security token included in the request is expired\"}",
                    "cors", "none")),
    GATEWAY_SIGNATURE_EXPIRED("gateway.signature-expired", 'D', "none found",
            "A request whose X-Amz-Date is 10 minutes old (a clock behind)", Map.of("status", "403",
                    "body", "{\"message\":\"Signature expired: <date> is now earlier than <date> (<date> - 5 min.)\"}",
                    "cors", "none")),
    GATEWAY_IAM_DENY("gateway.iam-deny", 'C',
            "https://repost.aws/questions/QUOapdPrBBT7yRSERUdSolmw",
            "A ReadOnlyAccess user's POST (the role's policy lacks the route)", Map.of("status", "403",
                    "body", "{\"message\":\"Forbidden\"}", "cors", "none")),
    AUTHORIZER_IAM("function.authorizer-iam", 'D', "none found",
            "What the function reads from requestContext.authorizer.iam (GET /test's caller)", Map.of(
                    "role", "the group's role", "identityId", "REGION:UUID", "userSub", "UUID",
                    "accountId", "12 digits")),
    REFRESH_DELETED_USER("userpool.refresh-deleted-user", 'D', "none found",
            "REFRESH_TOKEN_AUTH after AdminDeleteUser", Map.of("error", "NotAuthorizedException",
                    "message", "Refresh Token has been revoked")),
    REFRESH_DISABLED_USER("userpool.refresh-disabled-user", 'C',
            "https://github.com/aws-amplify/amplify-android/pull/3390",
            "REFRESH_TOKEN_AUTH after AdminDisableUser", Map.of("error", "NotAuthorizedException",
                    "message", "User is disabled.")),
    EXPIRES_IN("userpool.expires-in", 'D', "none found",
            "Which token's lifetime InitiateAuth's ExpiresIn gives (seconds; each token's own from exp - iat)",
            Map.of("ExpiresIn", "3600", "idToken", "3600", "accessToken", "3600")),
    HOSTED_UI_ERROR_STATE("hostedui.error-redirect-state", 'D', "none found",
            "An authorization request for a flow the client lacks (response_type=token), with and without state",
            Map.of("error", "unauthorized_client", "stateSent", "returned", "stateNotSent", "absent")),
    HOSTED_UI_PKCE_PLAIN("hostedui.pkce-plain", 'D', "none found",
            "An authorization request with code_challenge_method=plain", Map.of("error", "invalid_request",
                    "state", "returned")),
    LOCKOUT_ANSWER("userpool.lockout-answer", 'C',
            "https://blog.ilearnaws.com/2020/05/10/dive-deep-on-the-lockout-policy-of-aws-cognito",
            "USER_PASSWORD_AUTH five times with a wrong password, then at once with the right one", Map.of(
                    "error", "NotAuthorizedException", "message", "Password attempts exceeded")),
    RESET_CODE_TRIES("userpool.reset-code-tries", 'C', "https://github.com/aws-amplify/amplify-ui-android/issues/180",
            "ConfirmForgotPassword with a wrong code seven times (a user with a verified email)", Map.of(
                    "tries1to5", "CodeMismatchException", "tries6and7", "LimitExceededException")),
    ADMIN_UNKNOWN_KEY("userpool.admin-unknown-key", 'C', "https://github.com/aws/aws-sdk-php/issues/2444",
            "ListUsers signed with an access key nobody issued", Map.of("status", "400",
                    "error", "UnrecognizedClientException",
                    "message", "The security token included in the request is invalid.")),
    INPUT_VALIDATION("userpool.input-validation", 'C', "https://github.com/amazon-archives/amazon-cognito-auth-js/issues/65",
            "Raw JSON to ForgotPassword: no Username; a 129-character Username; a number as Username; and"
                    + " InitiateAuth (USER_PASSWORD_AUTH) with a 129-character USERNAME in AuthParameters", Map.of(
                    "missing", "1 validation error detected: Value at 'username' failed to satisfy constraint: Member"
                            + " must not be null",
                    "tooLong", "1 validation error detected: Value at 'username' failed to satisfy constraint: Member"
                            + " must have length less than or equal to 128",
                    "number", "SerializationException", "longAuthUsername", "InvalidParameterException")),
    TOTP_WRONG_CODE("userpool.totp-wrong-code", 'C', "https://github.com/aws-amplify/amplify-js/issues/11069",
            "The SOFTWARE_TOKEN_MFA challenge answered with a wrong code", Map.of(
                    "error", "CodeMismatchException", "message", "Invalid code or auth state for the user.")),
    TOTP_VERIFY_WRONG_CODE("userpool.totp-verify-wrong-code", 'C',
            "https://github.com/aws-samples/aws-amplify-auth-starters/issues/15",
            "VerifySoftwareToken (access token) with a wrong code", Map.of("error", "EnableSoftwareTokenMFAException",
                    "message", "Code mismatch and fail enable Software Token MFA")),
    TOTP_CODE_REUSED("userpool.totp-code-reused", 'D', "none found",
            "The code that answered one sign-in's challenge, sent again for the next sign-in", Map.of(
                    "error", "ExpiredCodeException", "message", "Your software token has already been used once.")),
    TOTP_DRIFT("userpool.totp-drift", 'D', "none found",
            "The challenge answered with the code of the previous 30-second step (a phone clock 30 s behind)",
            Map.of("previousStep", "accepted")),
    TOTP_WRONG_CODE_LOCKOUT("userpool.totp-wrong-code-lockout", 'D', "none found",
            "Five sign-ins with the right password and a wrong code, then one with the right password and code",
            Map.of("error", "NotAuthorizedException", "message", "Password attempts exceeded")),
    TOTP_PENDING_ASSOCIATION("userpool.totp-pending-association", 'D', "none found",
            "A user with TOTP on calls AssociateSoftwareToken again and does not verify: their next password sign-in,"
                    + " and GetUser's UserMFASettingList", Map.of("signIn", "tokens", "listed", "SOFTWARE_TOKEN_MFA")),
    ADMIN_WITHOUT_TOTP("userpool.admin-without-totp", 'D', "none found",
            "An Admins member without TOTP signs in with the password alone: whether Cognito takes the trigger's"
                    + " \"preferredRole\": null, the groups of the ID and access tokens, admin_withheld, and the"
                    + " identity pool's answer, and the user's groups after it", Map.of("signIn", "tokens",
                    "idTokenGroups", "none", "accessTokenGroups", "none", "withheld", "totp_not_enabled",
                    "credentials", "NotAuthorizedException", "groupsAfter", "none")),
    CUSTOM_ROLE_ARN("identitypool.custom-role-arn", 'D', "none found",
            "GetCredentialsForIdentity with CustomRoleArn set to the Admins role, for that member's ID token",
            Map.of("error", "NotAuthorizedException")),
    BASIC_FLOW("identitypool.basic-flow", 'D', "none found",
            "GetOpenIdToken for that member (AllowClassicFlow: false)", Map.of("error", "InvalidParameterException")),
    REFRESH_BEFORE_ENROLMENT("userpool.refresh-before-enrolment", 'A',
            "https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html",
            "A ReadOnlyAccess user signs in with the password alone, turns TOTP on with that access token, is made an"
                    + " administrator, then refreshes the password-only sign-in",
            Map.of("idTokenGroups", "ReadOnlyAccess", "withheld", "totp_not_proven"));

    public final String id;
    public final char evidence;
    public final String source;
    public final String question;
    public final Map<String, String> local;

    Row(String id, char evidence, String source, String question, Map<String, String> local) {
        this.id = id;
        this.evidence = evidence;
        this.source = source;
        this.question = question;
        this.local = Map.copyOf(local);
    }
}
