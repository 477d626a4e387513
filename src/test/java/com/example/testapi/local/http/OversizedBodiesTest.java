package com.example.testapi.local.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.example.testapi.local.LocalCloud;
import com.example.testapi.local.userpool.UserPoolSettings;
import com.example.testapi.support.TestCloud;

/**
 * Every local service refuses a body larger than its cap with 413 before reading it: the request here declares
 * 11 MB (or 300 KiB, or 20 KiB) and sends 16 bytes of it, then waits for the answer. The gateway's cap is HTTP APIs'
 * 10 MB payload quota; the Cognito endpoints' and the hosted UI form's are far above any real request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OversizedBodiesTest {

    private TestCloud cloud;

    @BeforeAll
    void start() throws IOException {
        cloud = TestCloud.start(LocalCloud.Settings.of(Path.of("template.yaml"), TestCloud.REGION)
                .withParameters(Map.of("HostedUiDomainPrefix", "local")), TestCloud.ANSWERS_200);
    }

    @AfterAll
    void stop() {
        cloud.close();
    }

    /** The status line and body of the answer to a request that declares {@code length} bytes and sends 16. */
    private static String declared(URI base, String path, long length, Map<String, String> headers)
            throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + base.getPort()
                    + "\r\nContent-Length: " + length + "\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write((request + "\r\n0123456789abcdef").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.append((char) b);
            }
            int answerLength = head.toString().lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT)
                    .startsWith("content-length:")).mapToInt(l -> Integer.parseInt(l.substring(15).strip()))
                    .findFirst().orElse(0);
            return head.toString().lines().findFirst().orElse("") + "\n"
                    + new String(in.readNBytes(answerLength), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theGatewayRefusesAPayloadOverTenMegabytesUnread() throws IOException {
        String answer = declared(URI.create(cloud.cloud.outputs().get("ApiUrl")), "/test", 10L * 1024 * 1024 + 1,
                Map.of("Content-Type", "application/json"));
        assertEquals("HTTP/1.1 413 Request Entity Too Large\n{\"message\":\"Request Entity Too Large\"}", answer);
        assertTrue(cloud.log.stream().anyMatch(line -> line.contains("POST /test -> 413")), cloud.log::toString);
    }

    @Test
    void theCognitoEndpointsRefuseAnOversizedBodyUnread() throws IOException {
        for (URI endpoint : List.of(cloud.cloud.userPool().endpoint(), cloud.cloud.identityPool().endpoint())) {
            String answer = declared(endpoint, "/", 300 * 1024, Map.of("Content-Type", "application/x-amz-json-1.1",
                    "X-Amz-Target", "AWSCognitoIdentityProviderService.InitiateAuth"));
            assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
            assertTrue(answer.contains("\"__type\":\"RequestEntityTooLargeException\""), answer);
        }
    }

    @Test
    void theHostedUiRefusesAnOversizedFormUnread() throws IOException {
        URI hostedUi = cloud.cloud.userPool().hostedUi().orElseThrow();
        UserPoolSettings.Client client = cloud.cloud.userPool().settings().clients().values().stream()
                .filter(c -> c.oauth().enabled()).findFirst().orElseThrow();
        String login = "/login?response_type=code&client_id=" + client.clientId() + "&redirect_uri="
                + URLEncoder.encode(client.oauth().callbackUrls().get(0), StandardCharsets.UTF_8);
        for (String path : List.of(login, "/oauth2/token")) {
            String answer = declared(hostedUi, path, 20 * 1024, Map.of("Content-Type",
                    "application/x-www-form-urlencoded"));
            assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
        }
    }
}
