package com.example.testapi.local.userpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.example.testapi.support.CognitoSdk;
import com.example.testapi.support.SignedHttp;
import com.example.testapi.support.TestCloud;
import com.example.testapi.support.TotpCodes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.MultivaluedMapUtils;
import com.nimbusds.oauth2.sdk.util.URLUtils;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;

/**
 * The hosted UI of a pool with a domain (template parameter HostedUiDomainPrefix), driven over HTTP as a browser and
 * an app do: authorize, the sign-in form, the code for tokens with PKCE, sign-out; and each refusal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostedUiTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CALLBACK = "http://localhost:8080/";
    // Follows no redirect: each step is seen. Each request below is bounded, so a hang fails fast.

    private TestCloud cloud;
    private URI hostedUi;
    private HostedUiCalls calls;
    private String clientId;

    @BeforeAll
    void start() throws Exception {
        cloud = HostedUiCalls.cloudWithHostedUi();
        hostedUi = cloud.cloud.userPool().hostedUi().orElseThrow();
        calls = new HostedUiCalls(hostedUi);
        clientId = cloud.cloud.userPool().settings().clients().keySet().iterator().next();
    }

    @AfterAll
    void stop() {
        cloud.close();
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return calls.get(pathAndQuery, null);
    }

    private HttpResponse<String> post(String pathAndQuery, Map<String, String> form) throws Exception {
        return calls.post(pathAndQuery, form);
    }

    private String authorizeQuery(String redirect, String scope, CodeVerifier verifier) {
        String challenge = CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue();
        return "response_type=code&client_id=" + clientId + "&redirect_uri=" + URLEncoder.encode(redirect,
                StandardCharsets.UTF_8) + "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8)
                + "&state=st4te&code_challenge_method=S256&code_challenge=" + challenge;
    }

    /** The query of the callback the sign-in form redirects to. */
    private Map<String, List<String>> signIn(CodeVerifier verifier, String username, String password)
            throws Exception {
        String query = authorizeQuery(CALLBACK, "openid profile", verifier);
        HttpResponse<String> authorize = get("/oauth2/authorize?" + query);
        assertEquals(302, authorize.statusCode(), authorize::body);
        String login = authorize.headers().firstValue("location").orElseThrow();
        assertEquals("/login?" + query, login);
        HttpResponse<String> form = get(login);
        assertTrue(form.body().contains("name=\"password\""), form::body);
        HttpResponse<String> signedIn = post(login, Map.of("username", username, "password", password));
        assertEquals(302, signedIn.statusCode(), signedIn::body);
        URI callback = URI.create(signedIn.headers().firstValue("location").orElseThrow());
        assertEquals(CALLBACK, callback.resolve("/").toString());
        return URLUtils.parseParameters(callback.getRawQuery());
    }

    private HttpResponse<String> token(String code, String redirect, CodeVerifier verifier) throws Exception {
        return post("/oauth2/token", Map.of("grant_type", "authorization_code", "client_id", clientId, "code", code,
                "redirect_uri", redirect, "code_verifier", verifier.getValue()));
    }

    @Test
    void theCodeWithItsVerifierGivesTheTokensSignInGives() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        Map<String, List<String>> callback = signIn(verifier, "alice", "Alice-Str0ng-Passw0rd!");
        assertEquals("st4te", MultivaluedMapUtils.getFirstValue(callback, "state"));
        String code = MultivaluedMapUtils.getFirstValue(callback, "code");

        HttpResponse<String> answer = token(code, CALLBACK, verifier);
        assertEquals(200, answer.statusCode(), answer::body);
        JsonNode tokens = MAPPER.readTree(answer.body());
        assertEquals("Bearer", tokens.get("token_type").asText());
        Optional<JWTClaimsSet> id = cloud.cloud.userPool().verifiedClaims(tokens.get("id_token").asText());
        assertTrue(id.isPresent(), "signed by the pool");
        assertEquals("alice", id.get().getStringClaim("cognito:username"));
        assertEquals(List.of(clientId), id.get().getAudience());
        assertEquals(List.of("FullAccess"), id.get().getStringListClaim("cognito:groups"));

        // The refresh token works with InitiateAuth, as the app renews sessions.
        try (CognitoIdentityProviderClient sdk = CognitoSdk.userPool(cloud.cloud)) {
            assertFalse(sdk.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                    .authParameters(Map.of("REFRESH_TOKEN", tokens.get("refresh_token").asText())))
                    .authenticationResult().idToken().isEmpty());
        }
        assertEquals("invalid_grant", MAPPER.readTree(token(code, CALLBACK, verifier).body()).get("error").asText(),
                "a code is good once");
    }

    @Test
    void aWrongVerifierOrRedirectIsAnInvalidGrant() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        String code = MultivaluedMapUtils.getFirstValue(signIn(verifier, "bob", "Bob-Str0ng-Passw0rd!"), "code");
        HttpResponse<String> wrongVerifier = token(code, CALLBACK, new CodeVerifier());
        assertEquals(400, wrongVerifier.statusCode());
        assertEquals("invalid_grant", MAPPER.readTree(wrongVerifier.body()).get("error").asText());

        String other = MultivaluedMapUtils.getFirstValue(signIn(verifier, "bob", "Bob-Str0ng-Passw0rd!"), "code");
        HttpResponse<String> wrongRedirect = token(other, "http://localhost:8080/elsewhere", verifier);
        assertEquals("invalid_grant", MAPPER.readTree(wrongRedirect.body()).get("error").asText());
    }

    /**
     * ada's TOTP is on: after her password the code page comes (the session in a hidden field), a wrong code shows
     * it again with Cognito's words, and the right one (computed by the test) gives the code whose tokens carry no
     * Admins: the trigger ran with the hosted UI's source, whose tokens never do (docs/mfa.md).
     */
    @Test
    void aUserWithTotpAnswersTheCodePageThenGetsTheCode() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        String login = "/login?" + authorizeQuery(CALLBACK, "openid", verifier);
        HttpResponse<String> codePage = post(login, Map.of("username", "ada", "password", "Ada-Str0ng-Passw0rd!"));
        assertEquals(200, codePage.statusCode());
        assertTrue(codePage.body().contains("Enter the code from your authenticator app"), codePage::body);
        String action = codePage.body().replaceAll("(?s).*action=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        String session = codePage.body().replaceAll("(?s).*name=\"session\" value=\"([^\"]+)\".*", "$1");
        String right = TotpCodes.at(TestCloud.ADA_TOTP_SECRET, java.time.Instant.now());
        HttpResponse<String> wrong = post(action, Map.of("username", "ada", "session", session, "code",
                TotpCodes.wrong(right)));
        assertTrue(wrong.body().contains(CognitoErrors.WRONG_MFA_CODE), wrong::body);
        assertTrue(wrong.headers().firstValue("location").isEmpty(), "no code");
        HttpResponse<String> signedIn = post(action, Map.of("username", "ada", "session", session, "code", right));
        assertEquals(302, signedIn.statusCode(), signedIn::body);
        String code = MultivaluedMapUtils.getFirstValue(URLUtils.parseParameters(URI.create(signedIn.headers()
                .firstValue("location").orElseThrow()).getRawQuery()), "code");
        JsonNode tokens = MAPPER.readTree(token(code, CALLBACK, verifier).body());
        assertEquals("totp_not_proven", cloud.cloud.userPool().verifiedClaims(tokens.get("id_token").asText())
                .orElseThrow().getStringClaim("admin_withheld"), "with the code, but hosted: no Admins (docs/mfa.md)");
    }

    @Test
    void aWrongPasswordShowsTheFormAgain() throws Exception {
        String login = "/login?" + authorizeQuery(CALLBACK, "openid", new CodeVerifier());
        HttpResponse<String> refused = post(login, Map.of("username", "alice", "password", "wrong"));
        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains("Incorrect username or password."), refused::body);
        assertTrue(refused.headers().firstValue("location").isEmpty(), "no code");
    }

    @Test
    void anUnregisteredCallbackIsAnErrorPageNotARedirect() throws Exception {
        HttpResponse<String> page = get("/oauth2/authorize?" + authorizeQuery("https://evil.example/", "openid",
                new CodeVerifier()));
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("redirect_mismatch"), page::body);
        assertTrue(page.headers().firstValue("location").isEmpty());
    }

    @Test
    void noOrAnUnknownClientIsAnErrorPage() throws Exception {
        for (String query : List.of("response_type=code&redirect_uri=http%3A%2F%2Flocalhost%3A8080%2F",
                "response_type=code&client_id=nope&redirect_uri=http%3A%2F%2Flocalhost%3A8080%2F")) {
            HttpResponse<String> page = get("/oauth2/authorize?" + query);
            assertEquals(400, page.statusCode(), page::body);
            assertTrue(page.body().contains("invalid_request"), page::body);
        }
        assertEquals(400, get("/logout?logout_uri=http%3A%2F%2Flocalhost%3A8080%2F").statusCode());
    }

    @Test
    void aScopeTheClientLacksGoesBackAsAnOAuthError() throws Exception {
        HttpResponse<String> answer = get("/oauth2/authorize?" + authorizeQuery(CALLBACK, "openid admin",
                new CodeVerifier()));
        assertEquals(302, answer.statusCode(), answer::body);
        URI back = URI.create(answer.headers().firstValue("location").orElseThrow());
        Map<String, List<String>> query = URLUtils.parseParameters(back.getRawQuery());
        assertEquals("invalid_scope", MultivaluedMapUtils.getFirstValue(query, "error"));
        assertEquals("st4te", MultivaluedMapUtils.getFirstValue(query, "state"));
    }

    /** The error a refused authorization request carries back to the redirect URI, and its state. */
    private Map<String, List<String>> refusedAuthorization(String query) throws Exception {
        HttpResponse<String> answer = get("/oauth2/authorize?" + query);
        assertEquals(302, answer.statusCode(), answer::body);
        URI back = URI.create(answer.headers().firstValue("location").orElseThrow());
        assertEquals(CALLBACK, back.resolve("/").toString());
        return URLUtils.parseParameters(back.getRawQuery());
    }

    /**
     * Authorize endpoint (docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html):
     * unauthorized_client when the client may not use the flow asked for (this client has the code flow only),
     * unsupported_response_type when response_type is neither code nor token.
     */
    @Test
    void aFlowTheClientMayNotUseIsUnauthorizedClientAnUnknownOneUnsupported() throws Exception {
        String code = authorizeQuery(CALLBACK, "openid", new CodeVerifier());
        Map<String, List<String>> implicit = refusedAuthorization(code.replace("response_type=code", "response_type=token"));
        assertEquals("unauthorized_client", MultivaluedMapUtils.getFirstValue(implicit, "error"));
        assertEquals("st4te", MultivaluedMapUtils.getFirstValue(implicit, "state"));
        Map<String, List<String>> unknown = refusedAuthorization(code.replace("response_type=code",
                "response_type=id_token"));
        assertEquals("unsupported_response_type", MultivaluedMapUtils.getFirstValue(unknown, "error"));
    }

    /**
     * Authorize endpoint, code_challenge_method: Cognito supports S256 only. plain, named or implied (a challenge
     * without a method is plain by RFC 7636), goes back as invalid_request (the code Cognito uses: none documented).
     */
    @Test
    void pkcePlainIsRefusedNamedOrImplied() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        String s256 = authorizeQuery(CALLBACK, "openid", verifier);
        String challenge = CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue();
        for (String query : List.of(s256.replace("code_challenge_method=S256", "code_challenge_method=plain")
                .replace(challenge, verifier.getValue()), s256.replace("code_challenge_method=S256&", ""))) {
            Map<String, List<String>> refused = refusedAuthorization(query);
            assertEquals("invalid_request", MultivaluedMapUtils.getFirstValue(refused, "error"), query);
            assertEquals("st4te", MultivaluedMapUtils.getFirstValue(refused, "state"));
        }
    }

    @Test
    void signOutReturnsOnlyToARegisteredUrl() throws Exception {
        HttpResponse<String> out = get("/logout?client_id=" + clientId + "&logout_uri="
                + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8));
        assertEquals(302, out.statusCode());
        assertEquals(CALLBACK, out.headers().firstValue("location").orElseThrow());
        assertEquals(400, get("/logout?client_id=" + clientId + "&logout_uri=https%3A%2F%2Fevil.example%2F")
                .statusCode());
    }

    @Test
    void theOutputsAndTheAppConfigNameTheHostedUi() throws Exception {
        assertEquals(hostedUi.toString(), cloud.cloud.outputs().get("HostedUiUrl"));
        assertEquals(hostedUi.toString(), MAPPER.readTree(cloud.cloud.webConfig()).get("hostedUiUrl").asText());
    }

    @Test
    void withoutADomainThereIsNoHostedUi() throws Exception {
        try (TestCloud plain = TestCloud.start(Path.of("template.yaml"), TestCloud.NO_FUNCTION)) {
            assertTrue(plain.cloud.userPool().hostedUi().isEmpty());
            assertFalse(plain.cloud.outputs().containsKey("HostedUiUrl"));
            assertFalse(plain.cloud.userPool().settings().clients().values().iterator().next().oauth().enabled());
        }
    }

    /** The app's origin may call the token endpoint from its page (CORS); no other page can read the answer. */
    @Test
    void theTokenEndpointAnswersCorsOnlyForTheTemplatesOrigins() {
        for (String[] origin : new String[][] { { "http://localhost:8080", "http://localhost:8080" },
                { "https://some-page.example", null } }) {
            HttpResponse<String> preflight = SignedHttp.send(HttpRequest.newBuilder(hostedUi.resolve("/oauth2/token"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", origin[0])
                    .header("Access-Control-Request-Method", "POST").build());
            assertEquals(origin[1], preflight.headers().firstValue("access-control-allow-origin").orElse(null),
                    origin[0]);
        }
    }
}
