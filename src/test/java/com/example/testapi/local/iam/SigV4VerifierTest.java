package com.example.testapi.local.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.testapi.client.SigV4;

import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The verifier's own rules, on requests signed by the AWS SDK at a fixed time: the credential scope's date must be
 * X-Amz-Date's date exactly, a host written as [::1] verifies as the server accepts it, and the published
 * administrator key never acts for a web page (a request with an Origin).
 */
class SigV4VerifierTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private final SigV4Verifier verifier = new SigV4Verifier(new SigningKeys(new CredentialsStore(CLOCK)), "us-east-1",
            CLOCK);

    private static SigV4Verifier.Request signed(URI uri, Map<String, String> extra) {
        SdkHttpRequest.Builder builder = SigV4.request("GET", uri);
        SdkHttpRequest request = SigV4.sign(builder.build(), new byte[0],
                AwsCredentialsIdentity.create(AdministratorKey.ACCESS_KEY_ID, AdministratorKey.SECRET_ACCESS_KEY),
                "us-east-1", SigV4Verifier.SERVICE, CLOCK);
        Map<String, List<String>> headers = new HashMap<>();
        request.headers().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(values)));
        headers.putIfAbsent("host", List.of(uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())));
        extra.forEach((name, value) -> headers.put(name, List.of(value)));
        return new SigV4Verifier.Request("GET", uri.getRawPath(), uri.getRawQuery(), headers, new byte[0]);
    }

    private static SigV4Verifier.Request withScopeDate(SigV4Verifier.Request request, String date) {
        Map<String, List<String>> headers = new HashMap<>(request.headers());
        headers.put("authorization", List.of(request.header("authorization").replaceFirst("/\\d{8}/", "/" + date
                + "/")));
        return new SigV4Verifier.Request(request.method(), request.rawPath(), request.rawQuery(), headers,
                request.body());
    }

    @Test
    void theScopesDateMustBeTheRequestsDateExactly() {
        SigV4Verifier.Request request = signed(URI.create("http://127.0.0.1:3000/test"), Map.of());
        assertNull(verifier.verify(request).refusal(), "as signed");
        for (String date : List.of("", "2026120", "20261205")) {
            SigV4Verifier.Refusal refusal = verifier.verify(withScopeDate(request, date)).refusal();
            assertEquals(SigV4Verifier.Reason.INVALID_SIGNATURE, refusal.reason(), date);
            assertTrue(refusal.message().startsWith("Date in Credential scope does not match YYYYMMDD"),
                    refusal::message);
        }
    }

    @Test
    void anIpv6LoopbackHostVerifies() {
        assertNull(verifier.verify(signed(URI.create("http://[::1]:3000/test?a=1"), Map.of())).refusal());
    }

    @Test
    void theAdministratorKeyActsForNoWebPage() {
        URI uri = URI.create("http://127.0.0.1:3000/test");
        assertNull(verifier.verify(signed(uri, Map.of())).refusal());
        SigV4Verifier.Refusal refusal = verifier.verify(signed(uri, Map.of("origin", "http://localhost:8080")))
                .refusal();
        assertEquals(SigV4Verifier.Reason.UNRECOGNIZED_CLIENT, refusal.reason());
        assertEquals(SigV4Verifier.INVALID_TOKEN, refusal.message());
    }
}
