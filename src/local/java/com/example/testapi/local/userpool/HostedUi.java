package com.example.testapi.local.userpool;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import com.example.testapi.local.http.LoopbackServer;
import com.example.testapi.local.http.RequestBodies;
import com.example.testapi.local.http.RequestBodies.TooLarge;
import com.example.testapi.local.state.ShortLived;
import com.example.testapi.local.awsjson.AwsError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.util.MultivaluedMapUtils;
import com.nimbusds.oauth2.sdk.util.URLUtils;

import com.sun.net.httpserver.HttpExchange;

/**
 * The user pool's hosted UI (its domain's OAuth 2.0 endpoints) for app clients with the code flow:
 * {@code /oauth2/authorize} sends the browser to {@code /login}, whose form signs the user in and redirects to the
 * client's callback URL with a single-use code; {@code /oauth2/token} trades the code (with its PKCE verifier) for
 * the same tokens InitiateAuth gives; {@code /logout} ends the browser's session ({@link HostedUiSessions}) and returns
 * to a registered sign-out URL. Requests are parsed and
 * PKCE is checked with the Nimbus OAuth 2.0 SDK. Started only when the template gives the pool a domain.
 */
final class HostedUi implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(5);

    /** An issued code; its PKCE challenge, if any, is S256 (the authorization request refuses any other). */
    private record Grant(String clientId, URI redirectUri, CodeChallenge challenge, JsonNode tokens) {
    }

    /** A form's largest body: a username (128), a password (256) or a code grant's fields, many times over. */
    static final int MAX_FORM = 16 * 1024;
    /** At most this many codes wait to be traded at a time; more sign-ins are refused until some expire. */
    static final int MAX_CODES = 10_000;

    /** A request the hosted UI cannot send back to the client: shown as an error page, as Cognito does. */
    private static final class Unredirectable extends Exception {
        Unredirectable(String error) {
            super(error);
        }
    }

    private final UserPoolSettings settings;
    private final AuthOperations auth;
    private final Consumer<String> log;
    private final ShortLived<String, Grant> codes;
    private final HostedUiSessions sessions;
    private final HostedUiReplies replies;
    private final LoopbackServer server;

    HostedUi(UserPoolSettings settings, AuthOperations auth, int port, Set<String> origins, Clock clock,
            Consumer<String> log)
            throws IOException {
        this.settings = settings;
        this.auth = auth;
        this.replies = new HostedUiReplies(Set.copyOf(origins));
        this.codes = new ShortLived<>(clock, CODE_LIFETIME, MAX_CODES);
        this.sessions = new HostedUiSessions(clock);
        this.log = log;
        server = LoopbackServer.start(port, "/", this::handle, Executors.newFixedThreadPool(4));
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            try {
                switch (route) {
                    case "GET /oauth2/authorize" -> authorize(exchange);
                    case "GET /login" -> replies.page(exchange, 200,
                            HostedUiPages.loginForm(authorization(exchange.getRequestURI()), null, ""));
                    case "POST /login", "POST /login/mfa" -> login(exchange);
                    case "POST /oauth2/token" -> token(exchange);
                    case "OPTIONS /oauth2/token" -> replies.send(exchange, 204, null, new byte[0]);
                    case "GET /logout" -> logout(exchange);
                    default -> replies.page(exchange, 404, "<h1>Not found</h1>");
                }
            } catch (Unredirectable e) {
                replies.page(exchange, 400, HostedUiPages.errorPage(e.getMessage()));
            } catch (ParseException e) {
                if (e.getRedirectionURI() == null) {
                    replies.page(exchange, 400, HostedUiPages.errorPage(e.getMessage()));
                    return;
                }
                replies.redirect(exchange, new AuthorizationErrorResponse(e.getRedirectionURI(), e.getErrorObject(),
                        e.getState(), e.getResponseMode()).toURI());
            } catch (TooLarge e) {
                replies.page(exchange, 413, "<h1>Request Entity Too Large</h1>");
            } catch (RuntimeException e) {
                log.accept(route + " -> 500 (" + e + ")");
                replies.page(exchange, 500, "<h1>Internal error</h1>");
            }
        }
    }

    /** The sign-in form, or at once the code when the browser's hosted-UI session still lasts (no form, no code). */
    private void authorize(HttpExchange exchange) throws IOException, Unredirectable, ParseException {
        AuthorizationRequest request = authorization(exchange.getRequestURI());
        Optional<JsonNode> known = sessions.user(exchange)
                .flatMap(user -> auth.sessionSignIn(request.getClientID().getValue(), user));
        if (known.isPresent()) {
            issueCode(exchange, request, known.get(), null);
        } else {
            replies.redirect(exchange, URI.create("/login?" + exchange.getRequestURI().getRawQuery()));
        }
    }

    /**
     * The authorization request, checked in Cognito's order: client and redirect URI first (an error about them
     * cannot go back to the client), then what can be answered at the redirect URI as an OAuth error.
     */
    private AuthorizationRequest authorization(URI uri) throws Unredirectable, ParseException {
        Map<String, List<String>> query = URLUtils.parseParameters(uri.getRawQuery());
        UserPoolSettings.Client client = client(query);
        if (client == null || !client.oauth().enabled()) {
            throw new Unredirectable("invalid_request: unknown client or client without the hosted UI");
        }
        if (!client.oauth().callbackUrls().contains(MultivaluedMapUtils.getFirstValue(query, "redirect_uri"))) {
            throw new Unredirectable("redirect_mismatch");
        }
        AuthorizationRequest request = AuthorizationRequest.parse(uri);
        // Cognito's authorize endpoint: unsupported_response_type "the response_type isn't code or token";
        // unauthorized_client when the client may not use that flow (this local UI plays the code flow only).
        ResponseType type = request.getResponseType();
        if (!type.equals(ResponseType.CODE) && !type.equals(ResponseType.TOKEN)) {
            throw new ParseException("unsupported response type", OAuth2Error.UNSUPPORTED_RESPONSE_TYPE,
                    request.getClientID(), request.getRedirectionURI(), null, request.getState());
        }
        if (!type.equals(ResponseType.CODE) || !client.oauth().flows().contains("code")) {
            throw new ParseException("flow not allowed for this client", OAuth2Error.UNAUTHORIZED_CLIENT,
                    request.getClientID(), request.getRedirectionURI(), null, request.getState());
        }
        // Cognito supports PKCE with S256 only (authorize endpoint, code_challenge_method); a challenge without a
        // method is plain by RFC 7636, so refused too. The error code Cognito sends for it is not documented.
        if (request.getCodeChallenge() != null
                && !CodeChallengeMethod.S256.equals(request.getCodeChallengeMethod())) {
            throw new ParseException("code_challenge_method must be S256", new ErrorObject("invalid_request",
                    "code_challenge_method must be S256"), request.getClientID(), request.getRedirectionURI(), null,
                    request.getState());
        }
        Scope scope = request.getScope() == null ? new Scope() : request.getScope();
        if (!client.oauth().scopes().containsAll(scope.toStringList())) {
            throw new ParseException("scope not allowed", OAuth2Error.INVALID_SCOPE, request.getClientID(),
                    request.getRedirectionURI(), null, request.getState());
        }
        return request;
    }

    /**
     * The sign-in form's answer, and the TOTP code page's (which carries the challenge's session): tokens go back to
     * the client as a code; a challenge the local UI plays shows its page; a refusal shows the page again, in
     * Cognito's words (a wrong or used code the code page; a wrong password, a lockout or an ended session the form).
     */
    private void login(HttpExchange exchange) throws IOException, Unredirectable, ParseException, TooLarge {
        AuthorizationRequest request = authorization(exchange.getRequestURI());
        Map<String, List<String>> form = form(exchange);
        String username = MultivaluedMapUtils.getFirstValue(form, "username");
        String session = MultivaluedMapUtils.getFirstValue(form, "session");
        String query = exchange.getRequestURI().getRawQuery();
        JsonNode answer;
        try {
            answer = session == null ? auth.passwordSignIn(request.getClientID().getValue(), username,
                    MultivaluedMapUtils.getFirstValue(form, "password"))
                    : auth.mfa().answerCode(settings.client(request.getClientID().getValue()), session, Map.of(
                            "USERNAME", String.valueOf(username), "SOFTWARE_TOKEN_MFA_CODE",
                            String.valueOf(MultivaluedMapUtils.getFirstValue(form, "code"))), UserTokens.HOSTED_AUTH);
        } catch (AwsError refused) {
            replies.page(exchange, 200, session != null && !CognitoErrors.INVALID_SESSION.equals(refused.getMessage())
                    ? HostedUiPages.codeForm(query, session, username, refused.getMessage())
                    : HostedUiPages.loginForm(request, refused.getMessage(), username));
            return;
        }
        if (SoftwareTokenMfa.SOFTWARE_TOKEN_MFA.equals(answer.path("ChallengeName").asText())) {
            replies.page(exchange, 200, HostedUiPages.codeForm(query, answer.path("Session").asText(), username, null));
        } else if (answer.has("ChallengeName")) {
            // Not played here yet: a password-change page and the TOTP set-up (docs/mfa.md).
            replies.page(exchange, 200, HostedUiPages.loginForm(request, "This account needs a step the local hosted UI does "
                    + "not offer (" + answer.path("ChallengeName").asText() + "): sign in with the app's own form.",
                    username));
        } else {
            sessions.open(exchange, username);
            issueCode(exchange, request, answer, username);
        }
    }

    /** A single-use code for the tokens of a completed sign-in, sent to the client's callback URL. */
    private void issueCode(HttpExchange exchange, AuthorizationRequest request, JsonNode answer, String username)
            throws IOException {
        AuthorizationCode code = new AuthorizationCode();
        // The access token carries the scopes asked for; none asked, all the client allows (authorize endpoint).
        ObjectNode tokens = answer.path("AuthenticationResult").deepCopy();
        String scope = request.getScope() == null || request.getScope().isEmpty()
                ? String.join(" ", settings.client(request.getClientID().getValue()).oauth().scopes())
                : request.getScope().toString();
        tokens.put("AccessToken", auth.scoped(tokens.path("AccessToken").asText(), scope));
        if (!codes.put(code.getValue(), new Grant(request.getClientID().getValue(), request.getRedirectionURI(),
                request.getCodeChallenge(), tokens))) {
            replies.page(exchange, 200, HostedUiPages.loginForm(request, CognitoErrors.tooManyRequests().getMessage(),
                    username));
            return;
        }
        replies.redirect(exchange, new AuthorizationSuccessResponse(request.getRedirectionURI(), code, null,
                request.getState(), null).toURI());
    }

    /** The code grant: the code once, from the client it went to, for the same redirect URI, with its verifier. */
    private void token(HttpExchange exchange) throws IOException, TooLarge {
        Map<String, List<String>> form = form(exchange);
        ErrorObject error;
        try {
            if (!"authorization_code".equals(MultivaluedMapUtils.getFirstValue(form, "grant_type"))) {
                throw new ParseException("grant", OAuth2Error.UNSUPPORTED_GRANT_TYPE);
            }
            AuthorizationCodeGrant grant = AuthorizationCodeGrant.parse(form);
            Grant issued = codes.take(grant.getAuthorizationCode().getValue()).orElse(null);
            boolean valid = issued != null && issued.clientId().equals(MultivaluedMapUtils.getFirstValue(form, "client_id"))
                    && issued.redirectUri().equals(grant.getRedirectionURI())
                    && (issued.challenge() == null || grant.getCodeVerifier() != null && issued.challenge().equals(
                            CodeChallenge.compute(CodeChallengeMethod.S256, grant.getCodeVerifier())));
            if (valid) {
                JsonNode tokens = issued.tokens();
                byte[] body = MAPPER.createObjectNode().put("id_token", tokens.path("IdToken").asText())
                        .put("access_token", tokens.path("AccessToken").asText())
                        .put("refresh_token", tokens.path("RefreshToken").asText())
                        .put("expires_in", tokens.path("ExpiresIn").asLong()).put("token_type", "Bearer")
                        .toString().getBytes(StandardCharsets.UTF_8);
                replies.send(exchange, 200, "application/json", body);
                return;
            }
            error = OAuth2Error.INVALID_GRANT;
        } catch (ParseException e) {
            error = e.getErrorObject() == null ? OAuth2Error.INVALID_REQUEST : e.getErrorObject();
        }
        replies.send(exchange, 400, "application/json", MAPPER.createObjectNode().put("error", error.getCode()).toString()
                .getBytes(StandardCharsets.UTF_8));
    }

    private void logout(HttpExchange exchange) throws IOException, Unredirectable {
        Map<String, List<String>> query = URLUtils.parseParameters(exchange.getRequestURI().getRawQuery());
        UserPoolSettings.Client client = client(query);
        String target = MultivaluedMapUtils.getFirstValue(query, "logout_uri");
        if (client == null || !client.oauth().logoutUrls().contains(target)) {
            throw new Unredirectable("invalid_request: logout_uri is not a sign-out URL of this client");
        }
        sessions.end(exchange);
        replies.redirect(exchange, URI.create(target));
    }

    /** A form's fields: at most {@link #MAX_FORM} bytes of it, far above a sign-in's or a code grant's. */
    private static Map<String, List<String>> form(HttpExchange exchange) throws IOException, TooLarge {
        return URLUtils.parseParameters(new String(RequestBodies.read(exchange, MAX_FORM), StandardCharsets.UTF_8));
    }

    /** The app client a request names; null when it names none or an unknown one. */
    private UserPoolSettings.Client client(Map<String, List<String>> parameters) {
        String id = MultivaluedMapUtils.getFirstValue(parameters, "client_id");
        return id == null ? null : settings.clients().get(id);
    }

    @Override
    public void close() {
        server.close();
    }
}
