package com.example.testapi.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The local gateway picks a route as an HTTP API does, from template.yaml: exact paths, {@code {name}} for one
 * segment, the route key and the decoded path parameters the function receives, and 404 for anything else.
 */
class RouteMatchingTest {

    private final TemplateAccess access = TemplateAccess.load(Path.of("template.yaml"), "us-east-1");

    private Optional<TemplateAccess.Match> match(String method, String path) {
        return access.match(method, path);
    }

    @Test
    void exactRoutesAndParameters() {
        assertEquals("GET /test", match("GET", "/test").orElseThrow().route().key());
        TemplateAccess.Match list = match("GET", "/admin/users").orElseThrow();
        assertEquals("AdminFunction", list.route().function());
        assertEquals(Map.of(), list.pathParameters());
        TemplateAccess.Match group = match("PUT", "/admin/users/carol/group").orElseThrow();
        assertEquals("PUT /admin/users/{name}/group", group.route().key());
        assertEquals(Map.of("name", "carol"), group.pathParameters());
        assertEquals("POST /admin/users/{name}/reset-totp",
                match("POST", "/admin/users/carol/reset-totp").orElseThrow().route().key());
    }

    @Test
    void parametersArriveDecodedAndABrokenEscapeAsItCame() {
        assertEquals(Map.of("name", "ann@example.com"),
                match("POST", "/admin/users/ann%40example.com/disable").orElseThrow().pathParameters());
        assertEquals(Map.of("name", "a+b"), match("POST", "/admin/users/a+b/disable").orElseThrow().pathParameters());
        assertEquals(Map.of("name", "%zz"), match("POST", "/admin/users/%zz/disable").orElseThrow().pathParameters());
    }

    @Test
    void anythingElseIsNoRoute() {
        assertTrue(match("GET", "/admin/users/carol/group").isEmpty(), "wrong method");
        assertTrue(match("POST", "/admin/users//disable").isEmpty(), "empty parameter");
        assertTrue(match("POST", "/admin/users/carol/disable/more").isEmpty(), "extra segment");
        assertTrue(match("POST", "/admin/users/carol/delete").isEmpty(), "no such action");
        assertTrue(match("DELETE", "/test").isEmpty());
        assertTrue(match("GET", "/test/").isEmpty());
    }
}
