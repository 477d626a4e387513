package com.example.testapi.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.example.testapi.client.SigV4;

import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Requests signed with the AWS SDK v2 signer exactly as the consumer client signs them ({@link SigV4}), sent with the JDK
 * HTTP client. Signing and sending are separate so a test can change a signed request before it goes out.
 */
public final class SignedHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** How long a test waits for any answer: far above any healthy call, far below a stalled build. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** What to sign with: keys, optional session token, and the scope. */
    public record Signing(String accessKeyId, String secretAccessKey, String sessionToken, String region,
            String service, Instant at) {

        public static Signing of(String accessKeyId, String secretAccessKey, String sessionToken, String region) {
            return new Signing(accessKeyId, secretAccessKey, sessionToken, region, "execute-api", null);
        }

        public Signing withSecret(String secret) {
            return new Signing(accessKeyId, secret, sessionToken, region, service, at);
        }

        public Signing withSessionToken(String token) {
            return new Signing(accessKeyId, secretAccessKey, token, region, service, at);
        }

        public Signing withScope(String newRegion, String newService) {
            return new Signing(accessKeyId, secretAccessKey, sessionToken, newRegion, newService, at);
        }

        public Signing at(Instant time) {
            return new Signing(accessKeyId, secretAccessKey, sessionToken, region, service, time);
        }
    }

    /** A signed request: its headers (Host, X-Amz-Date, Authorization…), URI and body. */
    public record Signed(String method, URI uri, Map<String, List<String>> headers, byte[] body) {
        public Signed withBody(String text) {
            return new Signed(method, uri, headers, text.getBytes(StandardCharsets.UTF_8));
        }

        public Signed withUri(URI other) {
            return new Signed(method, other, headers, body);
        }
    }

    private SignedHttp() {
    }

    public static Signed sign(Signing signing, String method, URI uri, Map<String, String> headers, String body) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest.Builder request = SigV4.request(method, uri);
        headers.forEach(request::putHeader);
        AwsCredentialsIdentity identity = signing.sessionToken() == null
                ? AwsCredentialsIdentity.create(signing.accessKeyId(), signing.secretAccessKey())
                : AwsSessionCredentialsIdentity.create(signing.accessKeyId(), signing.secretAccessKey(),
                        signing.sessionToken());
        Clock clock = signing.at() == null ? null : Clock.fixed(signing.at(), ZoneOffset.UTC);
        SdkHttpRequest signed = SigV4.sign(request.build(), bytes, identity, signing.region(), signing.service(), clock);
        return new Signed(method, uri, signed.headers(), bytes);
    }

    public static HttpResponse<String> send(Signed request) {
        return send(SigV4.toJdk(request.method(), request.uri(), request.headers(), request.body()).build());
    }

    /**
     * Sends {@code request}; one without a timeout of its own gets {@link #TIMEOUT}, so that a hang fails fast with
     * an error naming the request instead of stalling the build.
     */
    public static HttpResponse<String> send(HttpRequest request) {
        HttpRequest bounded = request.timeout().isPresent() ? request
                : HttpRequest.newBuilder(request, (name, value) -> true).timeout(TIMEOUT).build();
        try {
            return CLIENT.send(bounded, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.net.http.HttpTimeoutException e) {
            throw new AssertionError("no answer within " + bounded.timeout().orElseThrow().toSeconds() + " s: "
                    + bounded.method() + " " + bounded.uri(), e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
