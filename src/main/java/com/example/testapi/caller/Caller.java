package com.example.testapi.caller;

/**
 * The IAM identity API Gateway verified, as read from {@code requestContext.authorizer.iam}. Holds no secret: the
 * access key is kept masked only.
 *
 * @param accountId        account of the assumed role
 * @param roleName         the assumed role, e.g. {@code mystack-TestApiFullAccess-1A2B3C4D5E6F}
 * @param sessionName      the role session, {@code CognitoIdentityCredentials} for identity-pool callers
 * @param userId           IAM's {@code userId} ({@code AROA…:session})
 * @param identityId       Cognito identity id, when the caller came through an identity pool
 * @param identityPoolId   that identity pool
 * @param userPoolProvider {@code cognito-idp.REGION.amazonaws.com/POOL_ID} the user signed in with
 * @param userSub          the user pool user's {@code sub}
 * @param authenticated    whether Cognito lists the identity as {@code authenticated}
 * @param maskedAccessKey  the temporary access key with all but its last 4 characters masked
 */
public record Caller(String accountId, String roleName, String sessionName, String userId, String identityId,
        String identityPoolId, String userPoolProvider, String userSub, boolean authenticated,
        String maskedAccessKey) {

    /** The part of the caller that is shown and stored. */
    public CallerIdentity identity() {
        return new CallerIdentity(roleName, identityId, userSub, accountId);
    }
}
