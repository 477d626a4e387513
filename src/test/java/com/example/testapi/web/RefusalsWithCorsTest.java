package com.example.testapi.web;

import io.quarkus.test.junit.QuarkusTest;

/** The other world ({@code -Dlocal.gateway-refusal-cors=true}): the browser reads API Gateway's 403 itself. */
@QuarkusTest
class RefusalsWithCorsTest extends RefusalCase {

    @Override
    boolean refusalCors() {
        return true;
    }

    @Override
    String bobsRefusal() {
        return "Refused by API Gateway: your group ReadOnlyAccess may not call POST /test.";
    }
}
