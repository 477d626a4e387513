package com.example.testapi.local.userpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.testapi.local.LocalCloud;
import com.example.testapi.support.SignedHttp;
import com.example.testapi.support.TemplateCopy;
import com.example.testapi.support.TestCloud;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;

import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

/**
 * Cognito's lockout after failed sign-ins, in every flow, on the test clock: "After five failed unauthenticated or
 * IAM-authorized sign-in attempts with a password, Amazon Cognito locks out your user for one second. The lockout
 * duration then doubles after each additional one failed attempt, up to a maximum of approximately 15 minutes.
 * Attempts made during a lockout period generate a Password attempts exceeded exception [...] To reset the lockout
 * [...] sign in successfully after a lockout period expires, or not initiate any sign-in attempts for 15 consecutive
 * minutes" (docs.aws.amazon.com/cognito/latest/developerguide/authentication.html#authentication-flow-lockout-behavior).
 */
class SignInLockoutTest extends UserPoolCase {

    private static final String WRONG = "Incorrect username or password.";
    private static final String LOCKED = "Password attempts exceeded";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The lockout's seconds are counted on a frozen clock: this machine's own pace never ends a lock early. */
    @BeforeEach
    void freezeTime() {
        cloud.clock.freeze();
    }

    /** The template with a hosted-UI domain and a second app client, so that one count can be seen across both. */
    @Override
    LocalCloud.Settings settings() throws IOException {
        return LocalCloud.Settings.of(TemplateCopy.withSecondAppClient(Files.createTempDirectory("lockout")),
                TestCloud.REGION).withParameters(Map.of("HostedUiDomainPrefix", "local"));
    }

    /** USER_PASSWORD_AUTH through the pool's other app client. */
    private String otherClientFlow(String username, String password) {
        String other = cloud.cloud.userPool().settings().clients().keySet().stream()
                .filter(id -> !id.equals(clientId)).findFirst().orElseThrow();
        try {
            sdk.initiateAuth(r -> r.clientId(other).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", username, "PASSWORD", password)));
            return "signed in";
        } catch (NotAuthorizedException e) {
            return e.awsErrorDetails().errorMessage();
        }
    }

    /** One sign-in attempt in a flow: nothing when it signs in, else the refusal's message. */
    private interface Flow {
        String attempt(String username, String password) throws Exception;
    }

    private String passwordFlow(String username, String password) {
        try {
            assertFalse(passwordSignIn(username, password).idToken().isEmpty());
            return "signed in";
        } catch (NotAuthorizedException e) {
            return e.awsErrorDetails().errorMessage();
        }
    }

    private String srpFlow(String username, String password) {
        try {
            assertFalse(srpSignIn(username, password).authenticationResult().idToken().isEmpty());
            return "signed in";
        } catch (NotAuthorizedException e) {
            return e.awsErrorDetails().errorMessage();
        }
    }

    /** The hosted UI's form, as a browser posts it: a redirect to the app, or the form again with the error. */
    private String hostedUiFlow(String username, String password) throws Exception {
        URI hostedUi = cloud.cloud.userPool().hostedUi().orElseThrow();
        String challenge = CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier()).getValue();
        String login = "/login?response_type=code&client_id=" + clientId + "&redirect_uri="
                + URLEncoder.encode("http://localhost:8080/", StandardCharsets.UTF_8)
                + "&scope=openid&code_challenge_method=S256&code_challenge=" + challenge;
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(hostedUi.resolve(login))
                .timeout(SignedHttp.TIMEOUT).header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 302) {
            return "signed in";
        }
        for (String message : List.of(LOCKED, WRONG)) {
            if (answer.body().contains(message)) {
                return message;
            }
        }
        return answer.statusCode() + " " + answer.body();
    }

    /** Five failures free, then 1 s, then 2 s; the right password refused while locked; the lock ends by itself. */
    private void locksOutAndLetsGo(String user, Flow flow) throws Exception {
        String password = user.substring(0, 1).toUpperCase() + user.substring(1) + "-Str0ng-Passw0rd!";
        newUser(user, password);
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(flow.attempt(user, "Wrong-Passw0rd-" + i));
        }
        assertEquals(List.of(WRONG, WRONG, WRONG, WRONG, WRONG), answers);
        assertEquals(LOCKED, flow.attempt(user, password), "the right password during the lockout");
        cloud.clock.advance(Duration.ofSeconds(1));
        assertEquals(WRONG, flow.attempt(user, "Wrong-Passw0rd-5"), "one second later: tried, and a 2 s lockout");
        cloud.clock.advance(Duration.ofMillis(1500));
        assertEquals(LOCKED, flow.attempt(user, password), "1.5 s into 2 s");
        cloud.clock.advance(Duration.ofMillis(500));
        assertEquals("signed in", flow.attempt(user, password), "the lockout ended by itself");
        assertEquals(WRONG, flow.attempt(user, "Wrong-Passw0rd-6"), "a success starts the count again");
    }

    @Test
    void userPasswordAuthLocksOut() throws Exception {
        locksOutAndLetsGo("pam", this::passwordFlow);
    }

    @Test
    void userSrpAuthLocksOut() throws Exception {
        locksOutAndLetsGo("sam", this::srpFlow);
    }

    @Test
    void theHostedUiLocksOut() throws Exception {
        locksOutAndLetsGo("hugo", this::hostedUiFlow);
    }

    @Test
    void theFlowsShareOneCountAndAnUnknownUserAnswersAlike() throws Exception {
        newUser("mixie", "Mixie-Str0ng-Passw0rd!");
        List<BiConsumer<String, List<String>>> attempts = List.of(
                (user, out) -> out.add(passwordFlow(user, "Wrong-Passw0rd!")),
                (user, out) -> out.add(srpFlow(user, "Wrong-Passw0rd!")));
        List<String> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            attempts.get(i % 2).accept("mixie", known);
            attempts.get(i % 2).accept("nobody-such", unknown);
        }
        assertEquals(List.of(WRONG, WRONG, WRONG, WRONG, WRONG, LOCKED), known);
        assertEquals(known, unknown, "a name that is no user is counted the same: the lockout tells nothing");
    }

    /** The hosted UI's form, the API through one app client and through another all add to one count per name. */
    @Test
    void theHostedUiAndEveryAppClientShareOneCount() throws Exception {
        newUser("shared", "Shared-Str0ng-Passw0rd!");
        List<Flow> flows = List.of(this::hostedUiFlow, this::passwordFlow, this::otherClientFlow);
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(flows.get(i % 3).attempt("shared", "Wrong-Passw0rd!"));
        }
        assertEquals(List.of(WRONG, WRONG, WRONG, WRONG, WRONG, LOCKED), answers);
        for (Flow flow : flows) {
            assertEquals(LOCKED, flow.attempt("shared", "Shared-Str0ng-Passw0rd!"), "locked in every flow");
        }
    }

    /**
     * Guesses sent at once each count: after ten failures (the last lockout over), twenty wrong passwords sent together
     * get one judged (its failure locks for 64 s) and nineteen "Password attempts exceeded", none slipping past the
     * lockout the first is setting. (A long lockout keeps a slow machine from ending it within the burst.)
     */
    @Test
    void parallelGuessesEachCount() throws Exception {
        newUser("rita", "Rita-Str0ng-Passw0rd!");
        for (int failures = 1; failures <= 10; failures++) {
            assertEquals(WRONG, passwordFlow("rita", "Wrong-Passw0rd!"));
            if (failures >= 5) {
                cloud.clock.advance(SignInLockout.lockout(failures));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                boolean srp = i % 2 == 0;
                answers.add(pool.submit(() -> {
                    start.await();
                    return srp ? srpFlow("rita", "Wrong-Passw0rd!") : passwordFlow("rita", "Wrong-Passw0rd!");
                }));
            }
            start.countDown();
            Map<String, Long> counts = new TreeMap<>();
            for (Future<String> answer : answers) {
                counts.merge(answer.get(60, TimeUnit.SECONDS), 1L, Long::sum);
            }
            assertEquals(Map.of(WRONG, 1L, LOCKED, 19L), counts);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(LOCKED, passwordFlow("rita", "Rita-Str0ng-Passw0rd!"));
    }

    @Test
    void fifteenQuietMinutesForgetTheFailuresAndTheLockoutTopsOutAtFifteenMinutes() {
        newUser("quinn", "Quinn-Str0ng-Passw0rd!");
        for (int i = 0; i < 4; i++) {
            assertEquals(WRONG, passwordFlow("quinn", "Wrong-Passw0rd!"));
        }
        cloud.clock.advance(Duration.ofMinutes(15));
        assertEquals(WRONG, passwordFlow("quinn", "Wrong-Passw0rd!"), "counted from one again");
        assertEquals("signed in", passwordFlow("quinn", "Quinn-Str0ng-Passw0rd!"), "no lockout after 1 of 5");

        assertEquals(Duration.ofSeconds(1), SignInLockout.lockout(5));
        assertEquals(Duration.ofSeconds(2), SignInLockout.lockout(6));
        assertEquals(Duration.ofSeconds(512), SignInLockout.lockout(14));
        assertEquals(Duration.ofMinutes(15), SignInLockout.lockout(15), "2^10 s would pass 15 minutes");
        assertEquals(Duration.ofMinutes(15), SignInLockout.lockout(1000));
    }
}
