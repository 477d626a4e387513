package com.example.testapi.web;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;

import com.example.testapi.local.LocalCloud;
import com.example.testapi.local.LocalUsers;
import com.example.testapi.local.lambda.MockEventServerBackend;
import com.example.testapi.support.TestCloud;

import io.restassured.RestAssured;

/**
 * A local cloud serving a browser page from its own origin, which the template allows through AllowedOrigins as a
 * deployment would, with the function in Quarkus's mock event server (call from a test method: Quarkus sets its port
 * for those, not for @BeforeAll).
 */
final class AppCloud {

    /** ada's authenticator secret (her TOTP is set up in the local users file). */
    static final String ADA_TOTP_SECRET = TestCloud.ADA_TOTP_SECRET;

    private AppCloud() {
    }

    /**
     * Settings serving {@code page} (a built app) from a free port; {@code parameters} gets that port (for callback
     * URLs and the like), AllowedOrigins defaults to the page's origin.
     */
    static LocalCloud.Settings settings(Path template, Path page, IntFunction<Map<String, String>> parameters)
            throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> values = new HashMap<>(parameters.apply(port));
        values.putIfAbsent("AllowedOrigins", "http://localhost:" + port);
        return LocalCloud.Settings.of(template, TestCloud.REGION).withPorts(new LocalCloud.Ports(0, 0, 0, port, 0))
                .withParameters(values).withWebApp(page);
    }

    static LocalCloud.Settings settings(Path page) throws IOException {
        return settings(Path.of("template.yaml"), page, port -> Map.of());
    }

    static TestCloud start(LocalCloud.Settings settings, LocalUsers users) throws IOException {
        return TestCloud.start(settings, new MockEventServerBackend(URI.create("http://localhost:" + RestAssured.port
                + "/_lambda_")), users);
    }
}
