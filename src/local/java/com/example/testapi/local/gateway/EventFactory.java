package com.example.testapi.local.gateway;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.example.testapi.local.template.LocalAccount;
import com.example.testapi.local.iam.AdministratorKey;
import com.example.testapi.local.iam.QueryParameters;
import com.example.testapi.local.iam.SigningKey;
import com.example.testapi.local.iam.IssuedCredentials;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the payload-2.0 event API Gateway's HTTP API hands a Lambda integration, with {@code authorizer.iam} filled
 * as for a Cognito identity-pool caller.
 */
public final class EventFactory {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final ObjectMapper mapper;
    private final LocalAccount account;
    private final Clock clock;

    public EventFactory(ObjectMapper mapper, LocalAccount account, Clock clock) {
        this.mapper = mapper;
        this.account = account;
        this.clock = clock;
    }

    /** One received request: lower-cased header names, values in arrival order. */
    public record Incoming(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
            byte[] body, String sourceIp) {
    }

    /** The event for a caller with identity-pool credentials, on a route without path parameters. */
    public ObjectNode build(Incoming request, IssuedCredentials caller) {
        return build(request, iam(caller), request.method() + " " + request.rawPath(), Map.of());
    }

    /**
     * The event for whoever signed (identity-pool credentials, or the account administrator, an IAM user) on the
     * route {@code routeKey} ({@code PUT /admin/users/{name}/group}) with its path parameters' values.
     */
    public ObjectNode build(Incoming request, SigningKey caller, String routeKey, Map<String, String> pathParameters) {
        return build(request, caller.administrator() ? iamUser(caller.accessKeyId()) : iam(caller.issued()), routeKey,
                pathParameters);
    }

    private ObjectNode build(Incoming request, ObjectNode iam, String routeKey, Map<String, String> pathParameters) {
        Instant now = clock.instant();
        String domain = first(request.headers(), "host", account.apiId() + ".execute-api.localhost");
        String userAgent = first(request.headers(), "user-agent", "");

        ObjectNode event = mapper.createObjectNode().put("version", "2.0").put("routeKey", routeKey)
                .put("rawPath", request.rawPath()).put("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        List<String> cookies = headers.remove("cookie");
        if (cookies != null) {
            var array = event.putArray("cookies");
            cookies.stream().flatMap(c -> List.of(c.split(";\\s*")).stream()).filter(c -> !c.isEmpty())
                    .forEach(array::add);
        }
        ObjectNode headerNode = event.putObject("headers");
        headers.forEach((name, values) -> headerNode.put(name, String.join(",", values)));
        headerNode.put("x-amzn-trace-id", "Root=1-" + Long.toHexString(now.getEpochSecond()) + "-"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 24));
        headerNode.put("x-forwarded-for", request.sourceIp());
        headerNode.put("x-forwarded-proto", "http");

        Map<String, List<String>> query = new LinkedHashMap<>();
        QueryParameters.of(request.rawQuery())
                .forEach(p -> query.computeIfAbsent(p.getKey(), k -> new ArrayList<>()).add(p.getValue()));
        if (!query.isEmpty()) {
            ObjectNode queryNode = event.putObject("queryStringParameters");
            query.forEach((name, values) -> queryNode.put(name, String.join(",", values)));
        }

        if (!pathParameters.isEmpty()) {
            ObjectNode pathNode = event.putObject("pathParameters");
            pathParameters.forEach(pathNode::put);
        }

        ObjectNode context = event.putObject("requestContext").put("accountId", account.accountId())
                .put("apiId", account.apiId()).put("domainName", domain)
                .put("domainPrefix", domain.contains(".") ? domain.substring(0, domain.indexOf('.')) : domain)
                .put("requestId", Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII)).substring(0, 16))
                .put("routeKey", routeKey).put("stage", "$default").put("time", TIME.format(now))
                .put("timeEpoch", now.toEpochMilli());
        context.putObject("http").put("method", request.method()).put("path", request.rawPath())
                .put("protocol", "HTTP/1.1").put("sourceIp", request.sourceIp()).put("userAgent", userAgent);
        context.putObject("authorizer").set("iam", iam);

        if (request.body().length > 0) {
            String text = utf8Text(request.body(), first(request.headers(), "content-type", ""));
            event.put("body", text != null ? text : Base64.getEncoder().encodeToString(request.body()));
            event.put("isBase64Encoded", text == null);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    /** {@code authorizer.iam} as API Gateway fills it for credentials of a Cognito identity pool. */
    private ObjectNode iam(IssuedCredentials caller) {
        // A stable pretend role id: IAM's are AROA + 17 characters.
        String roleId = "AROA" + String.format("%017X", Integer.toUnsignedLong(caller.roleName().hashCode()));
        String callerId = roleId + ":CognitoIdentityCredentials";
        ObjectNode iam = mapper.createObjectNode().put("accessKey", caller.accessKeyId())
                .put("accountId", account.accountId()).put("callerId", callerId);
        ObjectNode cognito = iam.putObject("cognitoIdentity");
        caller.amr().forEach(cognito.putArray("amr")::add);
        cognito.put("identityId", caller.identityId()).put("identityPoolId", caller.identityPoolId());
        return iam.putNull("principalOrgId")
                .put("userArn", "arn:aws:sts::" + account.accountId() + ":assumed-role/" + caller.roleName()
                        + "/CognitoIdentityCredentials")
                .put("userId", callerId);
    }

    /** {@code authorizer.iam} for an IAM user's long-term key: no Cognito identity, the user's ARN. */
    private ObjectNode iamUser(String accessKeyId) {
        String userId = "AIDA" + String.format("%017X", Integer.toUnsignedLong(AdministratorKey.USER_NAME.hashCode()));
        ObjectNode iam = mapper.createObjectNode().put("accessKey", accessKeyId).put("accountId", account.accountId())
                .put("callerId", userId);
        iam.putNull("cognitoIdentity");
        return iam.putNull("principalOrgId")
                .put("userArn", "arn:aws:iam::" + account.accountId() + ":user/" + AdministratorKey.USER_NAME)
                .put("userId", userId);
    }

    /** The body as text when it is declared textual and is valid UTF-8; else null (sent base64, as API Gateway does). */
    private static String utf8Text(byte[] body, String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        boolean textual = type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.contains("javascript") || type.startsWith("application/x-www-form-urlencoded");
        if (!textual) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String first(Map<String, List<String>> headers, String name, String fallback) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }
}
