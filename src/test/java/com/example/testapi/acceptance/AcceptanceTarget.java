package com.example.testapi.acceptance;

import com.example.testapi.client.TestApiClient;

/** An API to run the acceptance matrix against: clients for a FullAccess and a ReadOnlyAccess user, and no user. */
interface AcceptanceTarget extends AutoCloseable {

    TestApiClient fullAccess();

    TestApiClient readOnly();

    TestApiClient unsigned();

    @Override
    void close();
}
