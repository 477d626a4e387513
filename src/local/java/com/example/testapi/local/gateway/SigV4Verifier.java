package com.example.testapi.local.gateway;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.testapi.client.SigV4;
import com.example.testapi.local.identitypool.CredentialsStore;
import com.example.testapi.local.identitypool.IssuedCredentials;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;

/**
 * Checks an AWS Signature V4 as API Gateway does for {@code execute-api}: the signature is recomputed by the AWS SDK's
 * {@link Aws4Signer} over exactly the headers the client signed, at the client's own date, and compared in constant
 * time. ({@code AwsV4HttpSigner} cannot verify: it always adds {@code x-amz-content-sha256}, which curl does not sign.)
 * Refusals carry API Gateway's own messages.
 */
@SuppressWarnings("deprecation") // Aws4Signer: the SDK's only signer that signs a given header set as is
public final class SigV4Verifier {

    public static final String SERVICE = "execute-api";
    static final String MISSING_TOKEN = "Missing Authentication Token";
    static final String INVALID_TOKEN = "The security token included in the request is invalid.";
    static final String EXPIRED_TOKEN = "The security token included in the request is expired";
    static final String MISMATCH = "The request signature we calculated does not match the signature you provided. "
            + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
    private static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256\\s+Credential=([^,\\s]+),\\s*SignedHeaders=([^,\\s]+),\\s*Signature=([0-9a-f]{64})\\s*");

    /** The request as received: lower-cased header names, repeated values in order. */
    public record Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
            byte[] body) {
        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : String.join(",", values);
        }
    }

    /** Either the verified caller's credentials, or API Gateway's refusal message. */
    public record Outcome(IssuedCredentials credentials, String refusal) {
        static Outcome refused(String message) {
            return new Outcome(null, message);
        }
    }

    private final CredentialsStore credentials;
    private final String region;
    private final String service;
    private final Clock clock;
    private final Aws4Signer signer = Aws4Signer.create();

    /** API Gateway's check ({@value #SERVICE}). */
    public SigV4Verifier(CredentialsStore credentials, String region, Clock clock) {
        this(credentials, region, SERVICE, clock);
    }

    /** The same check for another service's signing name (e.g. {@code cognito-idp}). */
    public SigV4Verifier(CredentialsStore credentials, String region, String service, Clock clock) {
        this.credentials = credentials;
        this.region = region;
        this.service = service;
        this.clock = clock;
    }

    public Outcome verify(Request request) {
        String authorization = request.header("authorization");
        if (authorization == null) {
            return Outcome.refused(MISSING_TOKEN);
        }
        Matcher auth = AUTHORIZATION.matcher(authorization);
        if (!auth.matches()) {
            return Outcome.refused("Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' "
                    + "parameters, signed with AWS4-HMAC-SHA256.");
        }
        String[] scope = auth.group(1).split("/");
        if (scope.length != 5 || !scope[4].equals("aws4_request")) {
            return Outcome.refused("Credential should be scoped with a valid terminator: 'aws4_request'.");
        }
        if (!scope[3].equals(service)) {
            return Outcome.refused("Credential should be scoped to correct service: '" + service + "'.");
        }
        if (!scope[2].equals(region)) {
            return Outcome.refused("Credential should be scoped to a valid region.");
        }
        Optional<IssuedCredentials> found = credentials.byAccessKey(scope[0]);
        if (found.isEmpty()) {
            return Outcome.refused(INVALID_TOKEN);
        }
        IssuedCredentials user = found.get();
        List<String> signedHeaders = Arrays.asList(auth.group(2).split(";"));
        if (!signedHeaders.contains("host")) {
            return Outcome.refused("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        String amzDate = request.header("x-amz-date");
        if (amzDate == null || !signedHeaders.contains("x-amz-date")) {
            return Outcome.refused("Authorization header requires existence of a signed 'X-Amz-Date' header.");
        }
        Instant signedAt;
        try {
            signedAt = Instant.from(AMZ_DATE.parse(amzDate));
        } catch (DateTimeParseException e) {
            return Outcome.refused("X-Amz-Date must be in the ISO-8601 basic format yyyyMMdd'T'HHmmss'Z'.");
        }
        if (!amzDate.startsWith(scope[1])) {
            return Outcome.refused("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date "
                    + "from HTTP: '" + scope[1] + "' != '" + amzDate.substring(0, 8) + "', from '" + amzDate + "'.");
        }
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(MAX_SKEW))) {
            return Outcome.refused("Signature expired: " + amzDate + " is now earlier than "
                    + AMZ_DATE.format(now.minus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " - 5 min.)");
        }
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            return Outcome.refused("Signature not yet current: " + amzDate + " is still later than "
                    + AMZ_DATE.format(now.plus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " + 5 min.)");
        }
        String token = request.header("x-amz-security-token");
        if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                user.sessionToken().getBytes(StandardCharsets.UTF_8))) {
            return Outcome.refused(INVALID_TOKEN);
        }
        if (!now.isBefore(user.expiration())) {
            return Outcome.refused(EXPIRED_TOKEN);
        }
        String expected = recompute(request, user, signedHeaders, signedAt);
        boolean same = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.group(3).getBytes(StandardCharsets.US_ASCII));
        return same ? new Outcome(user, null) : Outcome.refused(MISMATCH);
    }

    private String recompute(Request request, IssuedCredentials user, List<String> signedHeaders, Instant signedAt) {
        String host = request.header("host");
        if (host == null || !host.matches("[A-Za-z0-9.\\-]+(:\\d{1,5})?")) {
            return ""; // no or malformed Host: the client cannot have signed it, so the signature does not match
        }
        int colon = host.lastIndexOf(':');
        SdkHttpFullRequest.Builder copy = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.fromValue(request.method()))
                .protocol("http")
                .host(colon < 0 ? host : host.substring(0, colon))
                .encodedPath(request.rawPath())
                .contentStreamProvider(() -> new ByteArrayInputStream(request.body()));
        if (colon >= 0) {
            copy.port(Integer.parseInt(host.substring(colon + 1)));
        }
        SigV4.queryParameters(request.rawQuery()).forEach(p -> copy.appendRawQueryParameter(p.getKey(), p.getValue()));
        for (String name : signedHeaders) {
            if (!name.equals("host") && request.headers().containsKey(name)) {
                request.headers().get(name).forEach(value -> copy.appendHeader(name, value));
            }
        }
        // The token is signed when the client put it in SignedHeaders (the SDKs do; curl only with -H).
        AwsCredentials signing = signedHeaders.contains("x-amz-security-token")
                ? AwsSessionCredentials.create(user.accessKeyId(), user.secretKey(), user.sessionToken())
                : AwsBasicCredentials.create(user.accessKeyId(), user.secretKey());
        Aws4SignerParams params = Aws4SignerParams.builder()
                .awsCredentials(signing)
                .signingName(service)
                .signingRegion(Region.of(region))
                .signingClockOverride(Clock.fixed(signedAt, ZoneOffset.UTC))
                .build();
        String authorization = signer.sign(copy.build(), params).firstMatchingHeader("Authorization").orElse("");
        return authorization.substring(authorization.indexOf("Signature=") + "Signature=".length());
    }


}
