package com.example.testapi.local.identitypool;

import com.example.testapi.local.awsjson.AwsError;

/** The identity pool's refusals, each type and shared message written once, in Cognito's words. */
final class IdentityPoolErrors {

    private IdentityPoolErrors() {
    }

    static AwsError notAuthorized(String message) {
        return new AwsError("NotAuthorizedException", message);
    }

    /** A Logins token the pool does not accept, and why. */
    static AwsError invalidLogin(String why) {
        return notAuthorized("Invalid login token. " + why);
    }

    static AwsError poolNotFound(String poolId) {
        return new AwsError("ResourceNotFoundException", "IdentityPool '" + poolId + "' not found.");
    }

    static AwsError identityNotFound(String identityId) {
        return new AwsError("ResourceNotFoundException", "Identity '" + identityId + "' not found.");
    }

    /** More live credentials than the local cloud keeps ({@code iam.CredentialsStore#MAX_LIVE}). */
    static AwsError tooManyRequests() {
        return new AwsError("TooManyRequestsException", "Too many requests");
    }

    /** No role to give: none mapped, none by default, or a role whose trust policy does not admit the pool. */
    static AwsError invalidConfiguration() {
        return new AwsError("InvalidIdentityPoolConfigurationException",
                "Invalid identity pool configuration. Check assigned IAM roles for this pool.");
    }
}
