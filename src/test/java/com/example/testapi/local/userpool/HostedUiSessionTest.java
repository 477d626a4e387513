package com.example.testapi.local.userpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.example.testapi.support.CognitoSdk;
import com.example.testapi.support.CognitoSignIn;
import com.example.testapi.support.TestCloud;
import com.example.testapi.support.TotpCodes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.MultivaluedMapUtils;
import com.nimbusds.oauth2.sdk.util.URLUtils;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

/**
 * The local hosted UI keeps its session in a cookie, as Cognito's managed login does, so "a session from before
 * enrolment" can be seen: nora signs in on the hosted UI with the password alone, turns TOTP on and is made an
 * administrator; the same browser's next authorization is answered at once, without the form or the code, and its
 * tokens carry no Admins. GlobalSignOut leaves the session; /logout ends it. Its access tokens carry the scopes asked
 * for, and the user's own calls need theirs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostedUiSessionTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CALLBACK = "http://localhost:8080/";
    private static final String PASSWORD = "Hosted-Session-Passw0rd!";

    private TestCloud cloud;
    private CognitoIdentityProviderClient cognito;
    private URI hostedUi;
    private HostedUiCalls calls;
    private String clientId;

    @BeforeAll
    void start() throws Exception {
        cloud = HostedUiCalls.cloudWithHostedUi();
        cognito = CognitoSdk.userPool(cloud.cloud);
        hostedUi = cloud.cloud.userPool().hostedUi().orElseThrow();
        calls = new HostedUiCalls(hostedUi);
        clientId = cloud.cloud.outputs().get("UserPoolClientId");
    }

    @AfterAll
    void stop() {
        cognito.close();
        cloud.close();
    }

    private HttpResponse<String> post(String pathAndQuery, Map<String, String> form) throws Exception {
        return calls.post(pathAndQuery, form);
    }

    private String query(CodeVerifier verifier) {
        return query(verifier, "openid");
    }

    private String query(CodeVerifier verifier, String scope) {
        return "response_type=code&client_id=" + clientId + "&redirect_uri="
                + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8) + "&scope="
                + URLEncoder.encode(scope, StandardCharsets.UTF_8) + "&state=s"
                + "&code_challenge_method=S256&code_challenge="
                + CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue();
    }

    /** The ID token the code of {@code callback} (a redirect's Location) gives. */
    private String idToken(HttpResponse<String> callback, CodeVerifier verifier) throws Exception {
        return tokens(callback, verifier).path("id_token").asText();
    }

    /** The token endpoint's answer to the code of {@code callback}. */
    private JsonNode tokens(HttpResponse<String> callback, CodeVerifier verifier) throws Exception {
        assertEquals(302, callback.statusCode(), callback::body);
        URI location = URI.create(callback.headers().firstValue("location").orElseThrow());
        assertEquals(CALLBACK, location.resolve("/").toString(), "straight back to the app: " + location);
        String code = MultivaluedMapUtils.getFirstValue(URLUtils.parseParameters(location.getRawQuery()), "code");
        return MAPPER.readTree(post("/oauth2/token", Map.of("grant_type", "authorization_code",
                "client_id", clientId, "code", code, "redirect_uri", CALLBACK, "code_verifier", verifier.getValue()))
                .body());
    }

    /**
     * The user's own operations need {@code aws.cognito.signin.user.admin} in the access token's scope ("Must
     * include a scope claim for aws.cognito.signin.user.admin", each operation's API reference): a hosted-UI sign-in
     * carries what its authorize request asked for, kept at a refresh; an API sign-in carries that scope alone.
     */
    @Test
    void accessTokensCarryTheScopesAskedForAndTheUsersOwnCallsNeedTheirs() throws Exception {
        cloud.cloud.userPool().createUser("olga", PASSWORD, List.of("ReadOnlyAccess"), null);
        CodeVerifier narrow = new CodeVerifier();
        JsonNode openid = tokens(post("/login?" + query(narrow, "openid"), Map.of("username", "olga",
                "password", PASSWORD)), narrow);
        String access = openid.path("access_token").asText();
        assertEquals("openid", CognitoSignIn.claims(access).getStringClaim("scope"));
        var refused = assertThrows(NotAuthorizedException.class, () -> cognito.getUser(r -> r.accessToken(access)));
        assertEquals("Access Token does not have required scopes", refused.awsErrorDetails().errorMessage());
        assertThrows(NotAuthorizedException.class, () -> cognito.associateSoftwareToken(r -> r.accessToken(access)));
        String refreshed = cognito.initiateAuth(r -> r.clientId(clientId).authFlow("REFRESH_TOKEN_AUTH")
                .authParameters(Map.of("REFRESH_TOKEN", openid.path("refresh_token").asText())))
                .authenticationResult().accessToken();
        assertEquals("openid", CognitoSignIn.claims(refreshed).getStringClaim("scope"), "kept at a refresh");

        CodeVerifier wide = new CodeVerifier();
        String allowed = tokens(post("/login?" + query(wide, "openid aws.cognito.signin.user.admin"),
                Map.of("username", "olga", "password", PASSWORD)), wide).path("access_token").asText();
        assertEquals("olga", cognito.getUser(r -> r.accessToken(allowed)).username());

        String api = new CognitoSignIn(cloud.cloud, cognito).password("olga", PASSWORD).authenticationResult()
                .accessToken();
        assertEquals("aws.cognito.signin.user.admin", CognitoSignIn.claims(api).getStringClaim("scope"));
    }

    @Test
    void aSessionFromBeforeEnrolmentIsKeptButYieldsNoAdmins() throws Exception {
        cloud.cloud.userPool().createUser("nora", PASSWORD, List.of("ReadOnlyAccess"), null);
        CodeVerifier first = new CodeVerifier();
        String firstQuery = query(first);
        HttpResponse<String> signedIn = post("/login?" + firstQuery, Map.of("username", "nora", "password", PASSWORD));
        String cookie = signedIn.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("cognito="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + signedIn.headers()))
                .split(";")[0];
        assertEquals(List.of("ReadOnlyAccess"), CognitoSignIn.claims(idToken(signedIn, first))
                .getStringListClaim("cognito:groups"));

        // nora turns TOTP on (her own access token), signs out everywhere (the hosted session is not the API's), and
        // an administrator makes her one.
        var access = new CognitoSignIn(cloud.cloud, cognito).password("nora", PASSWORD).authenticationResult()
                .accessToken();
        String secret = cognito.associateSoftwareToken(r -> r.accessToken(access)).secretCode();
        cognito.verifySoftwareToken(r -> r.accessToken(access).userCode(TotpCodes.at(secret, Instant.now())));
        cognito.setUserMFAPreference(r -> r.accessToken(access).softwareTokenMfaSettings(t -> t.enabled(true)
                .preferredMfa(true)));
        cognito.globalSignOut(r -> r.accessToken(access));
        cloud.addToGroup("nora", "Admins");

        CodeVerifier second = new CodeVerifier();
        HttpResponse<String> again = calls.get("/oauth2/authorize?" + query(second), cookie);
        String later = idToken(again, second); // no form, no code: the session answered
        assertEquals("totp_not_proven", CognitoSignIn.claims(later).getStringClaim("admin_withheld"));
        List<String> groups = CognitoSignIn.claims(later).getStringListClaim("cognito:groups");
        assertTrue(groups == null || !groups.contains("Admins"), String.valueOf(groups));

        HttpResponse<String> out = calls.get("/logout?client_id=" + clientId + "&logout_uri="
                + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8), cookie);
        assertEquals(302, out.statusCode(), out::body);
        assertTrue(out.headers().allValues("set-cookie").stream().anyMatch(c -> c.startsWith("cognito=;")),
                "the browser is told to forget it");
        HttpResponse<String> afterLogout = calls.get("/oauth2/authorize?" + query(new CodeVerifier()),
                cookie);
        assertEquals(302, afterLogout.statusCode());
        assertTrue(afterLogout.headers().firstValue("location").orElseThrow().startsWith("/login?"),
                "the form again");
    }
}
