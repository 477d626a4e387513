package com.example.testapi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.JavascriptExecutor;

/**
 * What the Amplify page tests share: one page and browser per class (made in the first test method, where Quarkus
 * has set the mock event server's port), each test starting on the page's sign-in form, no console errors after it,
 * and the checks both pages need.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AmplifyPageCase {

    AmplifyPage page;
    Browser browser;

    /** "v5" or "v6": which of target/amplify's pages. */
    abstract String version();

    /** The template parameters of the class's cloud (none: as deployed by default). */
    java.util.Map<String, String> parameters() {
        return java.util.Map.of();
    }

    @BeforeEach
    void openThePage() throws Exception {
        if (page == null) {
            page = new AmplifyPage(version(), parameters());
            browser = page.browser;
        }
        browser.driver.get(page.uri.toString());
        browser.waitForVisible("Username");
    }

    @AfterEach
    void noConsoleErrors() {
        // Left out: the browser's own complaint when Amplify v5's Signer sets Host (it sends the same host anyway),
        // and its lines for bob's refusal, which the local gateway sends without CORS headers by default.
        String api = page.cloud.cloud.gateway().baseUri().toString();
        assertEquals(List.of(), browser.consoleErrors().stream()
                .filter(line -> !line.contains("Refused to set unsafe header"))
                .filter(line -> !(line.contains(api) && line.contains("blocked by CORS policy")))
                .filter(line -> !line.contains("net::ERR_FAILED")).toList(), "the page logged errors");
    }

    @AfterAll
    void closeThePage() {
        if (page != null) {
            page.close();
        }
    }

    /** Fills the page's sign-in form and submits it (what follows is for the caller to wait for). */
    void submitCredentials(String user, String password) {
        browser.type("Username", user);
        browser.type("Password", password);
        browser.button("Sign in").click();
    }

    /** {@code user}'s MFA settings as the admin API reports them (AdminGetUser's UserMFASettingList). */
    List<String> mfaOf(String user) {
        try (var sdk = com.example.testapi.support.CognitoSdk.userPool(page.cloud.cloud)) {
            return sdk.adminGetUser(r -> r.userPoolId(page.cloud.cloud.outputs().get("UserPoolId")).username(user))
                    .userMFASettingList();
        }
    }

    /**
     * The page said "Not allowed!!" because API Gateway refused the POST (IAM: 403), not for another failure. The
     * gateway's log says so; the page's error may not (a refusal without CORS headers reads as a network error).
     */
    void assertRefusedByTheGateway() {
        Object error = ((JavascriptExecutor) browser.driver).executeScript("return window.__compat.lastError");
        assertTrue(error != null, "the page's call failed");
        String last;
        synchronized (page.cloud.log) {
            last = page.cloud.log.stream().filter(line -> line.startsWith("[gateway] POST /test")).reduce((a, b) -> b)
                    .orElse("(no POST reached the gateway)");
        }
        assertTrue(last.contains("-> 403") && last.contains("for execute-api:Invoke"),
                "refused by the gateway's IAM check: " + last + "; the page's error: " + error);
    }

    /** Signs out with the page's button: back at the sign-in form within a second, the refresh token revoked. */
    void signOutRevokesTheSignIn() {
        String refreshToken = page.stored(".refreshToken");
        long start = System.nanoTime();
        browser.button("Sign out").click();
        browser.waitForVisible("Username");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 1000, "sign-out took " + millis + " ms");
        assertEquals("Refresh Token has been revoked", page.refreshRefusal(refreshToken));
    }
}
