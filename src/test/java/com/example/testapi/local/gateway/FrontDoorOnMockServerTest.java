package com.example.testapi.local.gateway;

import java.net.URI;

import com.example.testapi.local.lambda.FunctionBackend;
import com.example.testapi.local.lambda.MockEventServerBackend;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The matrix with the function behind Quarkus's mock event server: the dev-mode back end. */
@QuarkusTest
class FrontDoorOnMockServerTest extends FrontDoorMatrix {

    @Override
    protected FunctionBackend startBackend() {
        return new MockEventServerBackend(URI.create("http://localhost:" + RestAssured.port + "/_lambda_"));
    }
}
