package com.example.testapi.acceptance;

import java.net.http.HttpResponse;

import com.example.testapi.client.TestApiClient;

/** An API to run the acceptance matrix against: clients for a FullAccess and a ReadOnlyAccess user, and no user. */
interface AcceptanceTarget extends AutoCloseable {

    TestApiClient fullAccess();

    TestApiClient readOnly();

    TestApiClient unsigned();

    /** A GET signed as the FullAccess user, for a query the client never writes itself (raw, as typed). */
    HttpResponse<String> getAsFullAccess(String pathAndQuery);

    @Override
    void close();
}
