package com.example.testapi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A page on aws-amplify v6 as its documentation builds one (src/test/amplify/v6): {@code signIn} with the default
 * flow (SRP), {@code fetchAuthSession} for the identity pool's credentials (Amplify's own provider, pointed at the
 * local identity pool by {@code identityPoolEndpoint}), {@code signOut}, {@code signUp} and {@code resetPassword}; the
 * call signed with {@code @smithy/signature-v4}. In Chromium against the local cloud; screenshots:
 * target/screenshots/amplify-v6-*.png.
 */
@QuarkusTest
class AmplifyV6PageTest extends AmplifyPageCase {

    @Override
    String version() {
        return "v6";
    }

    private void signIn(String user, String password) {
        submitCredentials(user, password);
        browser.waitForText("signed-in-user", user);
    }

    private String answerAfter(String button) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                .executeScript("document.getElementById('api-response').textContent = ''");
        browser.button(button).click();
        browser.wait.withMessage("the page shows the answer to " + button)
                .until(d -> !d.findElement(By.id("api-response")).getText().isEmpty());
        return browser.text("api-response");
    }

    private void signOut() {
        browser.button("Sign out").click();
        browser.waitForVisible("Username");
    }

    @Test
    void aliceSignsInWithTheDefaultFlowReadsWritesRefreshesAndSignsOut() {
        long verifiers = page.answered("RespondToAuthChallenge");
        signIn("alice", "Alice-Str0ng-Passw0rd!");
        assertEquals(verifiers + 1, page.answered("RespondToAuthChallenge"), "signed in by SRP's PASSWORD_VERIFIER");

        String posted = answerAfter("Call POST API endpoint");
        assertTrue(posted.startsWith("hello from amplify v6 "), posted);
        String read = answerAfter("Call GET API endpoint");
        assertTrue(read.matches("Read \\d+ items?(, newest first)?\\..*"), read);
        browser.screenshot("amplify-v6-alice-read");

        // An hour later, as far as the page can tell: fetchAuthSession refreshes the tokens first.
        String idToken = page.stored(".idToken");
        long refreshes = page.answered("GetTokensFromRefreshToken");
        page.setClockDrift(7_200_000); // two hours on
        assertTrue(answerAfter("Call POST API endpoint").startsWith("hello from amplify v6 "));
        assertEquals(refreshes + 1, page.answered("GetTokensFromRefreshToken"), "the page refreshed its tokens");
        assertNotEquals(idToken, page.stored(".idToken"), "a new ID token is stored");

        signOutRevokesTheSignIn();
        browser.screenshot("amplify-v6-signed-out");
    }

    @Test
    void bobReadsAndHisPostIsNotAllowed() {
        signIn("bob", "Bob-Str0ng-Passw0rd!");
        assertEquals("Not allowed!!", answerAfter("Call POST API endpoint"));
        assertRefusedByTheGateway();
        browser.screenshot("amplify-v6-bob-refused");
        assertTrue(answerAfter("Call GET API endpoint").matches("(Read \\d+ items?|No items stored yet).*"));
        signOut();
    }

    @Test
    void createAccountShowsTheUserPoolsRefusal() {
        browser.button("Create Account").click();
        browser.waitForVisible("Choose a username");
        browser.type("Choose a username", "walk-in");
        browser.type("Choose a password", "Walk-In-Str0ng-Passw0rd!");
        browser.button("Create Account").click();
        browser.waitForText("auth-error", "SignUp is not permitted for this user pool");
        browser.screenshot("amplify-v6-create-account-refused");
    }

    @Test
    void forgotPasswordDeliversACodeAndTheNewPasswordSignsIn() {
        page.cloud.cloud.userPool().createUser("frank", "Frank-Old-Passw0rd!", List.of("ReadOnlyAccess"),
                "frank@example.com");
        browser.button("Forgot your password?").click();
        browser.waitForVisible("Enter your username");
        browser.type("Enter your username", "frank");
        int sent = page.cloud.cloud.userPool().deliveredCodes().size();
        browser.button("Send code").click();
        browser.waitForText("code-sent", "A code was sent to f***@e***.");
        String code = page.cloud.cloud.userPool().deliveredCodes().get(sent).code();
        browser.type("Code", code);
        browser.type("New Password", "Frank-New-Passw0rd!");
        browser.screenshot("amplify-v6-reset-password");
        browser.button("Submit").click();
        browser.waitForText("auth-error", "Password changed");

        signIn("frank", "Frank-New-Passw0rd!");
        assertNotEquals("Not allowed!!", answerAfter("Call GET API endpoint"));
        signOut();
    }
}
