package com.example.testapi.web;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The local gateway's default world: its own refusals carry no CORS headers, so the browser cannot read bob's 403.
 * The app looks before it speaks: the API answers (so no outage), and a GET with fresh credentials is readable (so this
 * page may read the API's answers): the POST was refused by API Gateway.
 */
@QuarkusTest
class RefusalsWithoutCorsTest extends RefusalCase {

    @Override
    boolean refusalCors() {
        return false;
    }

    @Override
    String bobsRefusal() {
        return "Refused by API Gateway (the browser could not read the details): your group ReadOnlyAccess may not "
                + "call POST /test.";
    }
}
