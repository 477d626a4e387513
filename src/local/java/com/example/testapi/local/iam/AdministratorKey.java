package com.example.testapi.local.iam;

/**
 * The local account's one administrator: the access key the manual exports ({@code local} / {@code local}) for the AWS
 * CLI and the tests' SDK clients. Its signatures are checked like any other; it may do anything, as an account
 * administrator with AdministratorAccess may. It is one fixed, documented key, not a setting, so that nothing else
 * (an invented key, a mistyped secret, a page on another local port) ever becomes administrator of the local pool:
 * every other key must have been issued by the identity pool.
 */
public final class AdministratorKey {

    public static final String ACCESS_KEY_ID = "local";
    public static final String SECRET_ACCESS_KEY = "local";
    /** The IAM user the key belongs to, as an event's {@code authorizer.iam} names it. */
    public static final String USER_NAME = "local-administrator";

    private AdministratorKey() {
    }

    /** The administrator as a signing key: long-term (no session token), never expiring. */
    static SigningKey signingKey() {
        return new SigningKey(ACCESS_KEY_ID, SECRET_ACCESS_KEY, null, null, null);
    }
}
