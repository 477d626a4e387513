package com.example.testapi.acceptance.fidelity;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.example.testapi.client.StackOutputs;
import com.example.testapi.support.SignedHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/**
 * Observes every {@link Row} against a {@link ProbeTarget}, the same way against AWS and against the local cloud.
 * Each probe's requests carry a timeout; a probe that cannot run (no hosted UI, no expired keys at hand) says why.
 */
public final class FidelityProbe {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern ROLE = Pattern.compile(".*-TestApiFullAccess(-[A-Za-z0-9]+)?$");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(SignedHttp.TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final ProbeTarget target;
    private final StackOutputs stack;

    public FidelityProbe(ProbeTarget target) {
        this.target = target;
        this.stack = target.stack();
    }

    public List<Observation> observeAll() {
        List<Observation> all = new ArrayList<>();
        for (Row row : Row.values()) {
            all.add(observe(row));
        }
        return all;
    }

    Observation observe(Row row) {
        String origin = target.allowedOrigin();
        return switch (row) {
            case GATEWAY_UNSIGNED -> Observation.of(row, Refusals.facts(SignedHttp.send(HttpRequest.newBuilder(
                    api()).timeout(SignedHttp.TIMEOUT).header("Origin", origin).GET().build()), origin));
            case GATEWAY_BAD_SIGNATURE -> refusal(row, signing(target.keys("FullAccess")).withSecret("not-the-secret"),
                    "GET");
            case GATEWAY_EXPIRED_TOKEN -> target.expiredKeys().map(keys -> refusal(row, signing(keys), "GET"))
                    .orElseGet(() -> Observation.notObserved(row, "no expired credentials at hand: run once more an "
                            + "hour after a run, with -Dfidelity.expired-keys=target/acceptance/keys.json"));
            case GATEWAY_SIGNATURE_EXPIRED -> refusal(row, signing(target.keys("FullAccess"))
                    .at(Instant.now().minusSeconds(600)), "GET");
            case GATEWAY_IAM_DENY -> refusal(row, signing(target.keys("ReadOnlyAccess")), "POST");
            case AUTHORIZER_IAM -> caller(row);
            case REFRESH_DELETED_USER, REFRESH_DISABLED_USER -> refreshAfter(row);
            case EXPIRES_IN -> expiresIn(row);
            case HOSTED_UI_ERROR_STATE, HOSTED_UI_PKCE_PLAIN -> hostedUi(row);
            case LOCKOUT_ANSWER, RESET_CODE_TRIES, ADMIN_UNKNOWN_KEY, INPUT_VALIDATION -> new SignInProbes(target)
                    .observe(row);
            case TOTP_WRONG_CODE, TOTP_VERIFY_WRONG_CODE, TOTP_CODE_REUSED, TOTP_DRIFT, TOTP_WRONG_CODE_LOCKOUT,
                    TOTP_PENDING_ASSOCIATION ->
                new TotpProbes(target).observe(row);
            case ADMIN_WITHOUT_TOTP, CUSTOM_ROLE_ARN, BASIC_FLOW, REFRESH_BEFORE_ENROLMENT ->
                new LeakProbes(target).observe(row);
        };
    }

    private URI api() {
        return URI.create(stack.apiUrl().toString().replaceAll("/+$", "") + "/test");
    }

    private SignedHttp.Signing signing(AwsSessionCredentialsIdentity keys) {
        return SignedHttp.Signing.of(keys.accessKeyId(), keys.secretAccessKey(), keys.sessionToken(), stack.region());
    }

    private Observation refusal(Row row, SignedHttp.Signing signing, String method) {
        String origin = target.allowedOrigin();
        Map<String, String> headers = method.equals("POST")
                ? Map.of("origin", origin, "content-type", "application/json") : Map.of("origin", origin);
        String body = method.equals("POST") ? "{\"message\":\"fidelity probe: must not be stored\"}" : null;
        return Observation.of(row, Refusals.facts(SignedHttp.send(SignedHttp.sign(signing, method, api(), headers,
                body)), origin));
    }

    /** The shape of GET /test's caller, which the function reads from authorizer.iam. */
    private Observation caller(Row row) {
        HttpResponse<String> read = SignedHttp.send(SignedHttp.sign(signing(target.keys("FullAccess")), "GET", api(),
                Map.of(), null));
        if (read.statusCode() != 200) {
            return Observation.of(row, Map.of("status", Integer.toString(read.statusCode()), "body", read.body()));
        }
        JsonNode caller = json(read.body()).path("caller");
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("role", ROLE.matcher(caller.path("role").asText()).matches() ? "the group's role"
                : caller.path("role").asText("(none)"));
        facts.put("identityId", caller.path("identityId").asText().matches("[a-z]{2}(-[a-z]+)+-\\d:" + UUID)
                ? "REGION:UUID" : caller.path("identityId").asText("(none)"));
        facts.put("userSub", UUID.matcher(caller.path("userSub").asText()).matches() ? "UUID"
                : caller.path("userSub").asText("(none)"));
        facts.put("accountId", caller.path("accountId").asText().matches("\\d{12}") ? "12 digits"
                : caller.path("accountId").asText("(none)"));
        return Observation.of(row, facts);
    }

    private Observation refreshAfter(Row row) {
        String[] user = target.newUser("ReadOnlyAccess");
        String refreshToken = signIn(user).refreshToken();
        if (row == Row.REFRESH_DELETED_USER) {
            target.userPool().adminDeleteUser(r -> r.userPoolId(stack.userPoolId()).username(user[0]));
        } else {
            target.userPool().adminDisableUser(r -> r.userPoolId(stack.userPoolId()).username(user[0]));
        }
        try {
            target.userPool().initiateAuth(r -> r.clientId(stack.userPoolClientId())
                    .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH).authParameters(Map.of("REFRESH_TOKEN", refreshToken)));
            return Observation.of(row, Map.of("error", "(none: the refresh succeeded)"));
        } catch (AwsServiceException e) {
            return Observation.of(row, Map.of("error", e.awsErrorDetails().errorCode(),
                    "message", e.awsErrorDetails().errorMessage()));
        }
    }

    private Observation expiresIn(Row row) {
        AuthenticationResultType tokens = signIn(target.newUser("ReadOnlyAccess"));
        return Observation.of(row, Map.of("ExpiresIn", String.valueOf(tokens.expiresIn()),
                "idToken", lifetime(tokens.idToken()), "accessToken", lifetime(tokens.accessToken())));
    }

    private AuthenticationResultType signIn(String[] user) {
        return target.userPool().initiateAuth(r -> r.clientId(stack.userPoolClientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", user[0], "PASSWORD", user[1]))).authenticationResult();
    }

    private static String lifetime(String token) {
        try {
            JWTClaimsSet claims = JWTParser.parse(token).getJWTClaimsSet();
            return Long.toString((claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000);
        } catch (java.text.ParseException e) {
            return "(unreadable token)";
        }
    }

    private Observation hostedUi(Row row) {
        Optional<URI> hostedUi = target.hostedUi();
        Optional<String> callback = target.callbackUrl();
        if (hostedUi.isEmpty() || callback.isEmpty()) {
            return Observation.notObserved(row, "the stack has no hosted-UI domain (or no callback URL is known): "
                    + "deploy with HostedUiDomainPrefix and CallbackUrls");
        }
        String base = hostedUi.get() + "/oauth2/authorize?client_id=" + stack.userPoolClientId() + "&redirect_uri="
                + URLEncoder.encode(callback.get(), StandardCharsets.UTF_8) + "&scope=openid";
        if (row == Row.HOSTED_UI_PKCE_PLAIN) {
            Map<String, String> back = redirected(base + "&response_type=code&state=probe-state"
                    + "&code_challenge_method=plain&code_challenge=" + "a".repeat(43));
            return Observation.of(row, Map.of("error", back.getOrDefault("error", "(none)"),
                    "state", "probe-state".equals(back.get("state")) ? "returned" : "absent"));
        }
        Map<String, String> withState = redirected(base + "&response_type=token&state=probe-state");
        Map<String, String> withoutState = redirected(base + "&response_type=token");
        return Observation.of(row, Map.of("error", withState.getOrDefault("error", "(none)"),
                "stateSent", "probe-state".equals(withState.get("state")) ? "returned" : "absent",
                "stateNotSent", withoutState.containsKey("state") ? "present" : "absent"));
    }

    /** The query (or fragment) of where the hosted UI redirects; {"redirect": "none", …} when it did not. */
    private static Map<String, String> redirected(String url) {
        HttpResponse<String> answer;
        try {
            answer = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(SignedHttp.TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("GET " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        Optional<String> location = answer.headers().firstValue("location");
        if (location.isEmpty()) {
            out.put("redirect", "none (HTTP " + answer.statusCode() + ")");
            return out;
        }
        URI back = URI.create(location.get());
        String query = back.getRawQuery() != null ? back.getRawQuery() : back.getRawFragment();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            int eq = pair.indexOf('=');
            out.put(eq < 0 ? pair : pair.substring(0, eq),
                    eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static JsonNode json(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            return MAPPER.createObjectNode();
        }
    }
}
