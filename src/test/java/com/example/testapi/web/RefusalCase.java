package com.example.testapi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

import com.example.testapi.support.TestCloud;

/**
 * What the browser app says when a call fails, in one of the two worlds the local gateway plays: API Gateway's own
 * refusals with CORS headers (the browser reads the 403) or without (the browser sees only a failed fetch, like a
 * network error). In both, bob's POST is a refusal, credentials the gateway sees as expired are renewed and the call
 * goes through, and a gateway that is down is an outage; never one said as the other. Each test stands alone (the
 * outage stops a gateway: its own cloud's). Screenshots are named after the world ({@link #world()}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RefusalCase {

    TestCloud cloud;
    Browser browser;
    URI app;

    /** Whether the gateway's own refusals carry CORS headers in this class's world. */
    abstract boolean refusalCors();

    /** What the app says of bob's refused POST in this world. */
    abstract String bobsRefusal();

    String world() {
        return refusalCors() ? "refusal-cors" : "refusal-no-cors";
    }

    /** In @BeforeEach, once: Quarkus sets the mock event server's port for test methods, not for @BeforeAll. */
    @BeforeEach
    void start() throws Exception {
        if (cloud != null) {
            return;
        }
        cloud = AppCloud.start(AppCloud.settings(Path.of("target", "web")).withRefusalCors(refusalCors()),
                TestCloud.USERS);
        app = cloud.cloud.webAppUri();
        browser = new Browser();
    }

    /**
     * No console errors but the browser's own lines for the failures these tests cause on purpose: a refusal it could
     * not read (a CORS block, without CORS headers only) and a refused connection (the outage).
     */
    @AfterEach
    void noOtherConsoleErrors() {
        assertNoOtherConsoleErrors(browser, cloud);
    }

    private void assertNoOtherConsoleErrors(Browser browser, TestCloud cloud) {
        String api = cloud.cloud.gateway().baseUri().toString();
        assertEquals(List.of(), browser.consoleErrors().stream()
                .filter(line -> refusalCors() || !(line.contains(api) && line.contains("blocked by CORS policy")))
                .filter(line -> !line.contains("net::ERR_FAILED") || refusalCors())
                .filter(line -> !line.contains("net::ERR_CONNECTION_REFUSED"))
                .toList(), "the page logged errors");
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

    private void signIn(String user, String password, String role) {
        signIn(browser, app, user, password, role);
    }

    private static void signIn(Browser browser, URI app, String user, String password, String role) {
        browser.signIn(app, user, password);
        browser.waitForText("who-text", "role " + role);
    }

    private long gatewayLines(String part) {
        synchronized (cloud.log) {
            return cloud.log.stream().filter(line -> line.startsWith("[gateway] ") && line.contains(part)).count();
        }
    }

    @Test
    void bobsPostIsARefusalNotAnOutageAndStoresNothing() {
        signIn("bob", "Bob-Str0ng-Passw0rd!", "local-TestApiReadAccess");
        int before = browser.driver.findElements(By.cssSelector("#items li")).size();
        long refused = gatewayLines("POST /test -> 403");

        browser.type("Message", "bob tries to write " + UUID.randomUUID());
        browser.button("Call POST API endpoint").click();
        browser.waitForText("status", bobsRefusal());
        browser.screenshot(world() + "-bob-refused");
        // Tried once more with renewed credentials (a refusal may be expired credentials), then explained.
        assertEquals(refused + 2, gatewayLines("POST /test -> 403"), "the POST and its one retry were refused");

        browser.button("Call GET API endpoint").click();
        browser.wait.withMessage("the GET's answer is shown").until(d -> {
            String said = browser.text("status");
            return said.endsWith(" shown.") || said.equals("No items yet.");
        });
        assertEquals(before, browser.driver.findElements(By.cssSelector("#items li")).size(), "nothing stored");
        browser.button("Sign out").click();
    }

    /**
     * The gateway sees alice's credentials as expired while the app believes them valid (a clock behind): it refuses
     * with "expired", readable or not; the app renews them once and the POST is stored, said as stored.
     */
    @Test
    void credentialsTheGatewaySeesExpiredAreRenewedAndThePostGoesThrough() {
        signIn("alice", "Alice-Str0ng-Passw0rd!", "local-TestApiFullAccess");
        long expired = gatewayLines("POST /test -> 403 (signature: The security token included in the request is expired)");
        cloud.cloud.credentials().expireAll(Instant.now().minusSeconds(1));

        String message = "after renewal " + UUID.randomUUID();
        browser.type("Message", message);
        browser.button("Call POST API endpoint").click();
        browser.waitForText("status", "Stored.");
        assertEquals(expired + 1, gatewayLines("POST /test -> 403 (signature: The security token included in the "
                + "request is expired)"), "the first try met expired credentials");
        assertEquals(message, browser.driver.findElement(By.cssSelector("#items li .message")).getText());
        browser.screenshot(world() + "-renewed-and-stored");
        browser.button("Sign out").click();
    }

    /** A gateway that stops (a cloud of this test's own): both calls say the API could not be reached. */
    @Test
    void aGatewayThatIsDownIsAnOutageNotARefusal() throws Exception {
        try (TestCloud own = AppCloud.start(AppCloud.settings(Path.of("target", "web")).withRefusalCors(refusalCors()),
                TestCloud.USERS); Browser alice = new Browser()) {
            signIn(alice, own.cloud.webAppUri(), "alice", "Alice-Str0ng-Passw0rd!", "local-TestApiFullAccess");
            String api = own.cloud.gateway().baseUri().toString();
            own.cloud.gateway().close();

            alice.button("Call GET API endpoint").click();
            alice.waitForText("status", "The API at " + api + " could not be reached.");
            alice.type("Message", "while the API is down");
            ((org.openqa.selenium.JavascriptExecutor) alice.driver)
                    .executeScript("document.getElementById('status').textContent = ''");
            alice.button("Call POST API endpoint").click();
            alice.waitForText("status", "The API at " + api + " could not be reached.");
            alice.screenshot(world() + "-api-down");
            assertNoOtherConsoleErrors(alice, own);
        }
    }
}
