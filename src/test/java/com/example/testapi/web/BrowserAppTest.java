package com.example.testapi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.example.testapi.support.LocalAdminFunction;
import com.example.testapi.local.LocalCloud;
import com.example.testapi.support.CognitoSdk;
import com.example.testapi.support.TemplateCopy;
import com.example.testapi.support.TestCloud;

import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The browser app (target/web) in headless Chromium against the local cloud, as a person uses it. The app is served
 * from its own origin, which the cloud's template allows through the AllowedOrigins parameter, as a deployment would.
 * Credentials live 20 s here, so the app's renewal before expiry runs on every call.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserAppTest {

    private TestCloud cloud;
    private Browser browser;
    private URI app;

    /** In @BeforeEach, once: Quarkus sets the mock event server's port for test methods, not for @BeforeAll. */
    @BeforeEach
    void start() throws Exception {
        if (cloud == null) {
            startCloud();
        }
        LocalAdminFunction.install(cloud.cloud); // the Users screen's /admin routes, per test
    }

    private void startCloud() throws Exception {
        // ID tokens of 5 minutes (ExpiresIn says 60): inside the app's renewal window, every renewal refreshes first.
        Path template = TemplateCopy.withIdTokenMinutes(Files.createTempDirectory("browser-template"), 5);
        // With a hosted-UI domain, its callback and sign-out URL being the app, as docs/browser-app.md sets up.
        LocalCloud.Settings settings = AppCloud.settings(template, Path.of("target", "web"), port -> Map.of(
                "HostedUiDomainPrefix", "local", "CallbackUrls", "http://localhost:" + port + "/",
                "LogoutUrls", "http://localhost:" + port + "/")).withCredentialsLifetime(Duration.ofSeconds(20));
        cloud = AppCloud.start(settings, TestCloud.USERS);
        app = cloud.cloud.webAppUri();
        browser = new Browser();
    }

    @AfterEach
    void noConsoleErrors() {
        assertEquals(List.of(), browser.consoleErrors(), "the page logged errors");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    private void signIn(String user, String password) {
        browser.signIn(app, user, password);
    }

    private List<WebElement> items() {
        return browser.driver.findElements(By.cssSelector("#items li"));
    }

    @Test
    void aliceSignsInPostsAndSeesHerMessageFirst() {
        signIn("alice", "Alice-Str0ng-Passw0rd!");
        browser.waitForText("who-text", "role local-TestApiFullAccess");
        assertTrue(browser.text("who-text").contains("Signed in as alice · group FullAccess"), browser.text("who-text"));
        assertFalse(browser.field("Username").isDisplayed(), "the sign-in form is gone once signed in");
        assertFalse(browser.field("New password").isDisplayed());

        String message = "Hello from alice " + UUID.randomUUID().toString().substring(0, 8);
        browser.type("Message", message);
        browser.button("Call POST API endpoint").click();
        browser.waitForText("status", "Stored.");
        WebElement first = items().get(0);
        assertEquals(message, first.findElement(By.className("message")).getText());
        assertTrue(first.findElement(By.className("meta")).getText().startsWith("by alice (you) · "),
                first.getText());
        browser.screenshot("alice-posted");
        long signIns = cloud.cloud.userPool().activeSignIns("alice");
        browser.button("Sign out").click();
        browser.waitForText("notice", "Signed out.");
        assertEquals(signIns - 1, cloud.cloud.userPool().activeSignIns("alice"),
                "Sign out revoked the sign-in's refresh token (RevokeToken)");
    }

    /** The hosted UI's page is another origin: the browser leaves the app, signs in there, and comes back. */
    @Test
    void aliceSignsInThroughTheHostedUiAndOut() {
        browser.driver.get(app.toString());
        browser.waitForVisible("Username");
        browser.screenshot("sign-in");
        browser.button("Sign in with the hosted UI").click();
        browser.waitForUrl(cloud.cloud.userPool().hostedUi().orElseThrow() + "/login?");
        browser.type("Username", "alice");
        browser.type("Password", "not-her-password");
        browser.button("Sign in").click();
        browser.waitForText("loginErrorMessage", "Incorrect username or password.");
        browser.screenshot("hosted-ui-wrong-password");
        browser.type("Password", "Alice-Str0ng-Passw0rd!");
        browser.button("Sign in").click();

        browser.waitForText("who-text", "role local-TestApiFullAccess");
        assertTrue(browser.text("who-text").contains("Signed in as alice · group FullAccess"), browser.text("who-text"));
        assertEquals(app.toString(), browser.driver.getCurrentUrl(), "the code is gone from the address bar");
        browser.type("Message", "via the hosted UI");
        browser.button("Call POST API endpoint").click();
        browser.waitForText("status", "Stored.");
        browser.screenshot("hosted-ui-signed-in");

        browser.button("Sign out").click();
        browser.waitForUrl(app.toString());
        browser.waitForVisible("Username");
        assertFalse(browser.driver.findElement(By.id("workspace")).isDisplayed());
    }

    /**
     * The app is served with its Content-Security-Policy (the hosted app's, with the local endpoints): an inline script
     * does not run and a call to an origin outside connect-src is refused, each reported as a violation. (Every other
     * test fails on a console error, so on any violation the app itself causes.)
     */
    @Test
    void thePageRunsUnderItsContentSecurityPolicy() {
        browser.driver.get(app.toString());
        browser.waitForVisible("Username");
        Object violations = ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const seen = [];
                document.addEventListener('securitypolicyviolation', e => seen.push(e.effectiveDirective));
                const inline = document.createElement('script');
                inline.textContent = 'window.inlineRan = true';
                document.body.append(inline);
                fetch('http://127.0.0.1:9/elsewhere').catch(() => {})
                  .finally(() => setTimeout(() => done([String(window.inlineRan === true), ...seen]), 200));
                """);
        assertEquals(List.of("false", "script-src-elem", "connect-src"), violations);
        List<String> reported = browser.consoleErrors();
        assertTrue(reported.stream().allMatch(line -> line.contains("Content Security Policy")), reported::toString);
    }

    @Test
    void aWrongPasswordIsSaidInWords() {
        signIn("alice", "not-her-password");
        browser.waitForText("notice", "Incorrect username or password.");
        assertFalse(browser.driver.findElement(org.openqa.selenium.By.id("workspace")).isDisplayed());
        browser.screenshot("wrong-password");
    }

    @Test
    void aFirstSignInWithATemporaryPasswordAsksForANewOne() {
        String poolId = cloud.cloud.outputs().get("UserPoolId");
        try (CognitoIdentityProviderClient admin = CognitoSdk.userPool(cloud.cloud)) {
            admin.adminCreateUser(r -> r.userPoolId(poolId).username("ivan").temporaryPassword("Temp-Passw0rd-123!")
                    .messageAction("SUPPRESS"));
            admin.adminAddUserToGroup(r -> r.userPoolId(poolId).username("ivan").groupName("ReadOnlyAccess"));
        }
        signIn("ivan", "Temp-Passw0rd-123!");
        browser.waitForText("new-password", "Choose a new password");
        browser.type("New password", "weak");
        browser.type("Repeat the new password", "weak");
        browser.button("Set password and sign in").click();
        browser.waitForText("notice", "That password is too weak: Password not long enough");
        browser.type("New password", "Ivan-Own-Passw0rd!");
        browser.type("Repeat the new password", "Ivan-Own-Passw0rd!");
        browser.screenshot("new-password");
        browser.button("Set password and sign in").click();
        browser.waitForText("who-text", "Signed in as ivan · group ReadOnlyAccess");
        browser.button("Sign out").click();
    }

    @Test
    void shortLivedCredentialsAreRenewedAndAnEndedSessionAsksToSignInAgain() {
        signIn("dave", "Dave-Local-Passw0rd!");
        browser.waitForText("who-text", "role local-TestApiFullAccess");
        long issued = issuedCredentials();
        long refreshes = answered("InitiateAuth");
        browser.button("Call GET API endpoint").click();
        browser.wait.withMessage("20 s credentials are renewed before the call")
                .until(d -> issuedCredentials() > issued);
        assertTrue(answered("InitiateAuth") > refreshes,
                "the 5-minute ID token was refreshed first: its exp decides, not ExpiresIn's 60 minutes");

        // An administrator removes dave: the identity pool's server-side check ends his session at the next renewal.
        try (CognitoIdentityProviderClient admin = CognitoSdk.userPool(cloud.cloud)) {
            admin.adminDeleteUser(r -> r.userPoolId(cloud.cloud.outputs().get("UserPoolId")).username("dave"));
        }
        browser.button("Call GET API endpoint").click();
        browser.waitForText("notice", "Your session has expired or was ended. Please sign in again.");
        assertTrue(browser.field("Username").isDisplayed());
        browser.screenshot("session-ended");
    }

    private long answered(String operation) {
        synchronized (cloud.log) {
            return cloud.log.stream().filter(line -> line.endsWith("." + operation + " -> 200")).count();
        }
    }

    /**
     * An administrator without TOTP through the hosted UI: the set-up (the hosted access token may call it) ends the
     * hosted session too; the next hosted sign-in asks for the code, yet its tokens carry no Admins: the app's form does.
     */
    @Test
    void anAdministratorSetsTotpUpAfterAHostedSignInAndAnswersItsCodePage() {
        cloud.cloud.userPool().createUser("hana", "Hana-Str0ng-Passw0rd!", java.util.List.of("Admins"), null);
        startHostedSignIn();
        browser.type("Username", "hana");
        browser.type("Password", "Hana-Str0ng-Passw0rd!");
        browser.button("Sign in").click();
        browser.waitForText("totp-why", "You were in Admins without a second factor");
        String secret = browser.text("totp-secret").trim();
        browser.type("Code from your app", com.example.testapi.support.TotpCodes.unused(secret));
        browser.button("Confirm and turn on").click();
        browser.waitForUrl(app.toString()); // through the hosted UI's /logout, back to the app's sign-in
        browser.waitForVisible("Username");
        cloud.addToGroup("hana", "Admins"); // her first sign-in took her out of Admins (no TOTP then)

        startHostedSignIn();
        browser.type("Username", "hana");
        browser.type("Password", "Hana-Str0ng-Passw0rd!");
        browser.button("Sign in").click();
        browser.waitForVisible("Enter the code from your authenticator app");
        browser.screenshot("hosted-ui-totp-code");
        browser.type("Enter the code from your authenticator app", com.example.testapi.support.TotpCodes.unused(secret));
        browser.button("Sign in").click();
        // The hosted UI's tokens never carry Admins (its session cookie can skip the code): the app's own form does.
        browser.waitForText("notice", "Administrator rights come only with a sign-in where you type your code");
        browser.screenshot("hosted-ui-admin-signs-in-in-app");
        browser.signIn(app, "hana", "Hana-Str0ng-Passw0rd!", secret);
        browser.waitForText("who-text", "role local-TestApiAdmin");
    }

    /** Leaves for the hosted UI's sign-in page and returns the state the app sent there. */
    private String startHostedSignIn() {
        browser.driver.get(app.toString());
        browser.waitForVisible("Username");
        // Shown once the app has read its config.json: under load that can come after the form.
        browser.wait.withMessage("the hosted-UI button shows").until(d -> browser.button("Sign in with the hosted UI")
                .isDisplayed());
        browser.button("Sign in with the hosted UI").click();
        browser.waitForUrl(cloud.cloud.userPool().hostedUi().orElseThrow() + "/login?");
        return URI.create(browser.driver.getCurrentUrl()).getQuery().replaceAll(".*(?:^|&)state=([^&]*).*", "$1");
    }

    /**
     * A hosted-UI error redirect is shown as the OAuth error, with its state or without one (Cognito does not document
     * whether it sends state back with an error); one with a state this tab did not send is not taken for ours.
     */
    @Test
    void hostedUiErrorRedirectsAreShownWithOrWithoutState() {
        // A real one: the local hosted UI refuses the implicit flow this client does not have, and says so back.
        startHostedSignIn();
        browser.driver.get(browser.driver.getCurrentUrl().replace("/login?", "/oauth2/authorize?")
                .replace("response_type=code", "response_type=token"));
        browser.waitForText("notice", "Sign-in through the hosted UI did not complete (unauthorized_client");
        browser.screenshot("hosted-ui-error");

        startHostedSignIn();
        browser.driver.get(app + "?error=access_denied&error_description=The+user+cancelled");
        browser.waitForText("notice", "Sign-in through the hosted UI did not complete (access_denied: The user "
                + "cancelled). Please sign in again.");

        startHostedSignIn();
        browser.driver.get(app + "?error=access_denied&state=not-this-tabs");
        browser.waitForText("notice", "The hosted UI answered a sign-in this tab did not start.");
        assertTrue(browser.field("Username").isDisplayed());
    }

    private long issuedCredentials() {
        synchronized (cloud.log) {
            return cloud.log.stream().filter(line -> line.contains("GetCredentialsForIdentity -> 200")).count();
        }
    }
}
