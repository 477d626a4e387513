package com.example.testapi.acceptance;

import java.net.http.HttpResponse;

import com.example.testapi.client.TestApiClient;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * An API to run the acceptance matrix against: clients for a FullAccess, a ReadOnlyAccess and an Admins user, and no
 * user; and Cognito's admin API signed with a group's identity-pool credentials (what the Users screen does).
 */
interface AcceptanceTarget extends AutoCloseable {

    TestApiClient fullAccess();

    TestApiClient readOnly();

    TestApiClient unsigned();

    TestApiClient admin();

    /** The username of the signed-in member of {@code group} (the clients above). */
    String usernameOf(String group);

    /** A new user in {@code group}, removed with the target: name and password. */
    String[] newUser(String group);

    /** The user pool's API signed with the identity-pool credentials of the signed-in member of {@code group}. */
    CognitoIdentityProviderClient userPoolAs(String group);

    /** The stack's user pool id. */
    String userPoolId();

    /** A GET signed as the FullAccess user, for a query the client never writes itself (raw, as typed). */
    HttpResponse<String> getAsFullAccess(String pathAndQuery);

    @Override
    void close();
}
