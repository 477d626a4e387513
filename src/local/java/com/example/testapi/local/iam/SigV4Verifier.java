package com.example.testapi.local.iam;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;

/**
 * Checks an AWS Signature V4 as AWS does for one service ({@code execute-api} for the gateway, {@code cognito-idp}
 * for the user pool's admin API): the key must be one the local cloud knows ({@link SigningKeys}), and the signature
 * is recomputed by the AWS SDK's {@link Aws4Signer} over exactly the headers the client signed, at the client's own
 * date, and compared in constant time. ({@code AwsV4HttpSigner} cannot verify: it always adds
 * {@code x-amz-content-sha256}, which curl does not sign.) A refusal carries its {@link Reason}, from which each
 * service picks its error code, and AWS's own message.
 */
@SuppressWarnings("deprecation") // Aws4Signer: the SDK's only signer that signs a given header set as is
public final class SigV4Verifier {

    public static final String SERVICE = "execute-api";

    /** Why a signature was refused; each service answers each in its own way (status, error code). */
    public enum Reason {
        /** No Authorization header at all. */
        MISSING_AUTHENTICATION,
        /** An Authorization header or signed header set that SigV4 does not accept. */
        INCOMPLETE_SIGNATURE,
        /** A key never issued here, or a session token that does not belong to the key. */
        UNRECOGNIZED_CLIENT,
        /** A key issued here whose credentials have expired. */
        EXPIRED_TOKEN,
        /** A known key, but a signature for another service, region or time, or not matching the request. */
        INVALID_SIGNATURE
    }

    /** A refusal: why, and AWS's words for it. */
    public record Refusal(Reason reason, String message) {
    }

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

    /** Either the verified caller's key, or the refusal. */
    public record Outcome(SigningKey key, Refusal refusal) {
        static Outcome refused(Reason reason, String message) {
            return new Outcome(null, new Refusal(reason, message));
        }
    }

    private final SigningKeys keys;
    private final String region;
    private final String service;
    private final Clock clock;
    private final Aws4Signer signer = Aws4Signer.create();

    /** API Gateway's check ({@value #SERVICE}). */
    public SigV4Verifier(SigningKeys keys, String region, Clock clock) {
        this(keys, region, SERVICE, clock);
    }

    /** The same check for another service's signing name (e.g. {@code cognito-idp}). */
    public SigV4Verifier(SigningKeys keys, String region, String service, Clock clock) {
        this.keys = keys;
        this.region = region;
        this.service = service;
        this.clock = clock;
    }

    public Outcome verify(Request request) {
        String authorization = request.header("authorization");
        if (authorization == null) {
            return Outcome.refused(Reason.MISSING_AUTHENTICATION, MISSING_TOKEN);
        }
        Matcher auth = AUTHORIZATION.matcher(authorization);
        if (!auth.matches()) {
            return Outcome.refused(Reason.INCOMPLETE_SIGNATURE, "Authorization header requires 'Credential', "
                    + "'SignedHeaders' and 'Signature' parameters, signed with AWS4-HMAC-SHA256.");
        }
        String[] scope = auth.group(1).split("/");
        if (scope.length != 5 || !scope[4].equals("aws4_request")) {
            return Outcome.refused(Reason.INCOMPLETE_SIGNATURE,
                    "Credential should be scoped with a valid terminator: 'aws4_request'.");
        }
        if (!scope[3].equals(service)) {
            return Outcome.refused(Reason.INVALID_SIGNATURE,
                    "Credential should be scoped to correct service: '" + service + "'.");
        }
        if (!scope[2].equals(region)) {
            return Outcome.refused(Reason.INVALID_SIGNATURE, "Credential should be scoped to a valid region.");
        }
        String token = request.header("x-amz-security-token");
        SigningKeys.Lookup found = keys.lookup(scope[0], token, clock.instant());
        if (found instanceof SigningKeys.Expired) {
            return Outcome.refused(Reason.EXPIRED_TOKEN, EXPIRED_TOKEN);
        }
        if (!(found instanceof SigningKeys.Known known)) {
            return Outcome.refused(Reason.UNRECOGNIZED_CLIENT, INVALID_TOKEN);
        }
        SigningKey key = known.key();
        if (key.administrator() && request.header("origin") != null) {
            // The administrator key is published (docs/local-cloud.md): a request from a web page (any request with an
            // Origin) never acts with it, so no page on localhost can become the account's administrator.
            return Outcome.refused(Reason.UNRECOGNIZED_CLIENT, INVALID_TOKEN);
        }
        List<String> signedHeaders = Arrays.asList(auth.group(2).split(";"));
        if (!signedHeaders.contains("host")) {
            return Outcome.refused(Reason.INCOMPLETE_SIGNATURE,
                    "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        String amzDate = request.header("x-amz-date");
        if (amzDate == null || !signedHeaders.contains("x-amz-date")) {
            return Outcome.refused(Reason.INCOMPLETE_SIGNATURE,
                    "Authorization header requires existence of a signed 'X-Amz-Date' header.");
        }
        Instant signedAt;
        try {
            signedAt = Instant.from(AMZ_DATE.parse(amzDate));
        } catch (DateTimeParseException e) {
            return Outcome.refused(Reason.INCOMPLETE_SIGNATURE,
                    "X-Amz-Date must be in the ISO-8601 basic format yyyyMMdd'T'HHmmss'Z'.");
        }
        if (!scope[1].equals(amzDate.substring(0, 8))) {
            return Outcome.refused(Reason.INVALID_SIGNATURE, "Date in Credential scope does not match YYYYMMDD from "
                    + "ISO-8601 version of date from HTTP: '" + scope[1] + "' != '" + amzDate.substring(0, 8)
                    + "', from '" + amzDate + "'.");
        }
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(MAX_SKEW))) {
            return Outcome.refused(Reason.INVALID_SIGNATURE, "Signature expired: " + amzDate + " is now earlier than "
                    + AMZ_DATE.format(now.minus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " - 5 min.)");
        }
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            return Outcome.refused(Reason.INVALID_SIGNATURE, "Signature not yet current: " + amzDate
                    + " is still later than " + AMZ_DATE.format(now.plus(MAX_SKEW)) + " (" + AMZ_DATE.format(now)
                    + " + 5 min.)");
        }
        if (!sameToken(token, key.sessionToken())) {
            return Outcome.refused(Reason.UNRECOGNIZED_CLIENT, INVALID_TOKEN);
        }
        if (key.expiration() != null && !now.isBefore(key.expiration())) {
            return Outcome.refused(Reason.EXPIRED_TOKEN, EXPIRED_TOKEN);
        }
        String expected = recompute(request, key, signedHeaders, signedAt);
        boolean same = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.group(3).getBytes(StandardCharsets.US_ASCII));
        return same ? new Outcome(key, null) : Outcome.refused(Reason.INVALID_SIGNATURE, MISMATCH);
    }

    /** The sent token against the key's: both absent (a long-term key), or equal (compared in constant time). */
    private static boolean sameToken(String sent, String issued) {
        if (sent == null || issued == null) {
            return sent == null && issued == null;
        }
        return MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), issued.getBytes(StandardCharsets.UTF_8));
    }

    private String recompute(Request request, SigningKey user, List<String> signedHeaders, Instant signedAt) {
        String host = request.header("host");
        if (host == null || !host.matches("([A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:.]+\\])(:\\d{1,5})?")) {
            return ""; // no or malformed Host: the client cannot have signed it, so the signature does not match
        }
        int colon = host.lastIndexOf(':') > host.lastIndexOf(']') ? host.lastIndexOf(':') : -1; // not inside [::1]
        SdkHttpFullRequest.Builder copy = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.fromValue(request.method()))
                .protocol("http")
                .host(colon < 0 ? host : host.substring(0, colon))
                .encodedPath(request.rawPath())
                .contentStreamProvider(() -> new ByteArrayInputStream(request.body()));
        if (colon >= 0) {
            copy.port(Integer.parseInt(host.substring(colon + 1)));
        }
        QueryParameters.of(request.rawQuery()).forEach(p -> copy.appendRawQueryParameter(p.getKey(), p.getValue()));
        for (String name : signedHeaders) {
            if (!name.equals("host") && request.headers().containsKey(name)) {
                request.headers().get(name).forEach(value -> copy.appendHeader(name, value));
            }
        }
        // The token is signed when the client put it in SignedHeaders (the SDKs do; curl only with -H).
        AwsCredentials signing = user.sessionToken() != null && signedHeaders.contains("x-amz-security-token")
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
