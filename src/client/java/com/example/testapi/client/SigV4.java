package com.example.testapi.client;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** SigV4 signing with the AWS SDK's {@link AwsV4HttpSigner}, and the signed request handed to the JDK HTTP client. */
public final class SigV4 {

    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private SigV4() {
    }

    /**
     * The request to sign for {@code method} on {@code uri}, its query read as SigV4 reads it: pairs split at the first
     * '=' and percent-decoded, so a value holding '=' ({@code ?a==} is name a, value =) is signed as the service
     * canonicalises it ({@code a=%3D}). The SDK's own {@code uri(...)} keeps only what lies between the first and a
     * second '=' and would sign other content than is sent.
     */
    public static SdkHttpRequest.Builder request(String method, URI uri) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri)
                .clearQueryParameters();
        queryParameters(uri.getRawQuery()).forEach(p -> request.appendRawQueryParameter(p.getKey(), p.getValue()));
        return request;
    }

    /**
     * A raw query's pairs as SigV4 reads them, in order, repeats kept: split at '&' and at each pair's first '=',
     * percent-decoded. The signer (client) and the verifier (the local gateway) both read a query through this.
     */
    public static List<Map.Entry<String, String>> queryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(rawQuery.split("&")).filter(p -> !p.isEmpty()).map(pair -> {
            int eq = pair.indexOf('=');
            return Map.entry(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }).toList();
    }

    /**
     * Percent-decoding only: in a query a '+' is a '+' to SigV4 (signed as %2B), not a space. A broken escape (only
     * a raw request can hold one, never a {@link URI}) stays as it is: its signer cannot have read it another way.
     */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** {@code request} signed for {@code service} in {@code region}; {@code clock} null means now. */
    public static SdkHttpRequest sign(SdkHttpRequest request, byte[] body, AwsCredentialsIdentity identity,
            String region, String service, Clock clock) {
        return SIGNER.sign(r -> {
            r.identity(identity).request(request).payload(ContentStreamProvider.fromByteArray(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region);
            if (clock != null) {
                r.putProperty(HttpSigner.SIGNING_CLOCK, clock);
            }
        }).request();
    }

    /**
     * A JDK request carrying the signed headers. The JDK client sets Host and Content-Length itself (it refuses
     * them), to the values the signer saw.
     */
    public static HttpRequest.Builder toJdk(String method, URI uri, Map<String, List<String>> headers, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder;
    }
}
