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

    @BeforeEach
    void openThePage() throws Exception {
        if (page == null) {
            page = new AmplifyPage(version());
            browser = page.browser;
        }
        browser.driver.get(page.uri.toString());
        browser.waitForVisible("Username");
    }

    @AfterEach
    void noConsoleErrors() {
        // Left out: the browser's own complaint when Amplify v5's Signer sets Host (it sends the same host anyway).
        assertEquals(List.of(), browser.consoleErrors().stream()
                .filter(line -> !line.contains("Refused to set unsafe header")).toList(), "the page logged errors");
    }

    @AfterAll
    void closeThePage() {
        if (page != null) {
            page.close();
        }
    }

    /** The page said "Not allowed!!" because API Gateway refused the call (403), not for another failure. */
    void assertRefusedByTheGateway() {
        Object error = ((JavascriptExecutor) browser.driver).executeScript("return window.__compat.lastError");
        assertTrue(String.valueOf(error).contains("403"), "refused by the gateway, not failed otherwise: " + error);
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
