package com.example.testapi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The page of the original write-up, unchanged but for its endpoints (src/test/amplify/v5): aws-amplify v5's
 * {@code withAuthenticator} with its default sign-in flow (SRP), {@code fromCognitoIdentityPool}, {@code Signer.sign}
 * and axios, in Chromium against the local cloud, through everything a person does with it. Screenshots:
 * target/screenshots/amplify-v5-*.png.
 */
@QuarkusTest
class AmplifyV5PageTest extends AmplifyPageCase {

    @Override
    String version() {
        return "v5";
    }

    private void signIn(String user, String password) {
        submitCredentials(user, password);
        browser.wait.withMessage(user + " is signed in (the page shows its API buttons)")
                .until(d -> !d.findElements(By.xpath("//button[.='Call GET API endpoint']")).isEmpty());
    }

    private String answerAfter(String button) {
        String before = browser.text("api-response");
        browser.button(button).click();
        browser.wait.withMessage("the page shows the answer to " + button)
                .until(d -> !d.findElement(By.id("api-response")).getText().isEmpty()
                        && !d.findElement(By.id("api-response")).getText().equals(before));
        return browser.text("api-response");
    }

    @Test
    void aliceSignsInWithTheDefaultFlowReadsWritesRefreshesAndSignsOut() {
        long verifiers = page.answered("RespondToAuthChallenge");
        signIn("alice", "Alice-Str0ng-Passw0rd!");
        assertEquals(verifiers + 1, page.answered("RespondToAuthChallenge"), "signed in by SRP's PASSWORD_VERIFIER");
        browser.screenshot("amplify-v5-alice-signed-in");

        String posted = answerAfter("Call POST API endpoint");
        assertTrue(posted.startsWith("hello from amplify v5 "), posted);
        String read = answerAfter("Call GET API endpoint");
        assertTrue(read.matches("Read \\d+ items?(, newest first)?\\..*"), read);
        browser.screenshot("amplify-v5-alice-read");

        // An hour later, as far as the page can tell: its next call refreshes the tokens first.
        String idToken = page.stored(".idToken");
        long refreshes = page.answered("InitiateAuth");
        page.setClockDrift(-7200); // two hours on
        browser.button("Call POST API endpoint").click();
        browser.wait.withMessage("the page refreshed its tokens").until(d -> page.answered("InitiateAuth") > refreshes);
        browser.wait.withMessage("a new ID token is stored").until(d -> !idToken.equals(page.stored(".idToken")));
        browser.waitForText("api-response", "hello from amplify v5 ");

        signOutRevokesTheSignIn();
        browser.screenshot("amplify-v5-signed-out");
    }

    @Test
    void bobReadsAndHisPostIsNotAllowed() {
        signIn("bob", "Bob-Str0ng-Passw0rd!");
        assertEquals("Not allowed!!", answerAfter("Call POST API endpoint"));
        assertRefusedByTheGateway();
        browser.screenshot("amplify-v5-bob-refused");
        assertTrue(answerAfter("Call GET API endpoint").matches("(Read \\d+ items?|No items stored yet).*"));
        browser.button("Sign out").click();
        browser.waitForVisible("Username");
    }

    @Test
    void createAccountShowsTheUserPoolsRefusal() {
        browser.driver.findElement(By.xpath("//button[@role='tab' and normalize-space()='Create Account']")).click();
        browser.waitForVisible("Confirm Password");
        browser.type("Username", "walk-in");
        browser.type("Password", "Walk-In-Str0ng-Passw0rd!");
        browser.type("Confirm Password", "Walk-In-Str0ng-Passw0rd!");
        browser.driver.findElement(By.xpath("//button[@type='submit' and normalize-space()='Create Account']")).click();
        browser.wait.withMessage("the refusal is shown").until(d -> d.findElements(By.cssSelector("[role=alert]"))
                .stream().anyMatch(e -> e.getText().contains("SignUp is not permitted for this user pool")));
        browser.screenshot("amplify-v5-create-account-refused");
        browser.driver.findElement(By.xpath("//button[@role='tab' and normalize-space()='Sign In']")).click();
    }

    @Test
    void forgotPasswordDeliversACodeAndTheNewPasswordSignsIn() {
        page.cloud.cloud.userPool().createUser("erin", "Erin-Old-Passw0rd!", List.of("FullAccess"), "erin@example.com");
        browser.button("Forgot your password?").click();
        browser.waitForVisible("Enter your username");
        browser.type("Enter your username", "erin");
        int sent = page.cloud.cloud.userPool().deliveredCodes().size();
        browser.button("Send code").click();
        browser.wait.withMessage("a code is delivered").until(d -> page.cloud.cloud.userPool().deliveredCodes().size() > sent);
        String code = page.cloud.cloud.userPool().deliveredCodes().get(sent).code();
        browser.wait.withMessage("the code form shows").until(d -> !d.findElements(By.name("confirmation_code")).isEmpty());
        browser.driver.findElement(By.name("confirmation_code")).sendKeys(code);
        browser.type("New Password", "Erin-New-Passw0rd!");
        browser.type("Confirm Password", "Erin-New-Passw0rd!");
        browser.screenshot("amplify-v5-reset-password");
        browser.button("Submit").click();
        browser.waitForVisible("Username");

        signIn("erin", "Erin-New-Passw0rd!");
        assertNotEquals("Not allowed!!", answerAfter("Call GET API endpoint"));
        browser.screenshot("amplify-v5-erin-after-reset");
        browser.button("Sign out").click();
        browser.waitForVisible("Username");
    }
}
