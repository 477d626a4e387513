package com.example.testapi.web;

import static com.example.testapi.web.Accessibility.assertAccessible;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import com.example.testapi.support.LocalAdminFunction;
import com.example.testapi.local.LocalUsers;
import com.example.testapi.support.TestCloud;
import com.example.testapi.support.TotpCodes;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The second factor in Chromium, as people meet it. grace, new in Admins without TOTP, gets the set-up screen
 * before any Users screen: its QR code (read back from a screenshot, as a phone's camera would) holds the otpauth
 * URI of the secret the page shows as text; a wrong code is refused, the right one (computed by the test from the
 * shown secret) turns TOTP on and ends her sessions; she signs in again, a wrong code is refused, and the right one
 * gives her the Users screen. There she sees everyone's MFA state, cannot turn her own TOTP off or reset it, and
 * ada resets it for her, after which grace's next sign-in asks for the set-up again. bob (ReadOnlyAccess) turns TOTP
 * on for himself and off again. Every screen passes axe-core; screenshots under target/screenshots.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecondFactorScreensTest {

    private static final String GRACE_PASSWORD = "Grace-Str0ng-Passw0rd!";

    private TestCloud cloud;
    private URI app;

    @BeforeEach
    void start() throws Exception {
        if (cloud == null) {
            cloud = AppCloud.start(AppCloud.settings(Path.of("target", "web")),
                    LocalUsers.load(Path.of(LocalUsers.DEFAULT_FILE)));
            app = cloud.cloud.webAppUri();
            cloud.cloud.userPool().createUser("grace", GRACE_PASSWORD, List.of("Admins"), "grace@example.com");
        }
        LocalAdminFunction.install(cloud.cloud); // the Users screen's /admin routes, per test
    }

    @AfterAll
    void stop() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void anAdministratorSetsUpTotpBeforeTheUsersScreen() throws Exception {
        try (Browser grace = new Browser(); Browser ada = new Browser()) {
            String secret = setUp(grace, "grace", GRACE_PASSWORD, "You were in Admins without a second factor");
            assertFalse(grace.driver.findElement(By.id("totp-later")).isDisplayed(),
                    "no \"Not now\" for an administrator in no other group: nothing would be left to go on with");
            grace.screenshot("mfa-set-up-screen");
            grace.type("Code from your app", TotpCodes.wrong(TotpCodes.at(secret, java.time.Instant.now())));
            grace.button("Confirm and turn on").click();
            grace.waitForText("notice", "That code is not right.");
            grace.type("Code from your app", TotpCodes.unused(secret));
            grace.button("Confirm and turn on").click();
            grace.waitForText("notice", "Two-factor sign-in is on, and your other sessions have ended.");
            grace.screenshot("mfa-set-up-done-sign-in-again");

            grace.signIn(app, "grace", GRACE_PASSWORD);
            grace.waitForVisible("Code");
            assertAccessible(grace, "the code prompt");
            grace.screenshot("mfa-code-prompt");
            grace.type("Code", TotpCodes.wrong(TotpCodes.at(secret, java.time.Instant.now())));
            grace.button("Verify code").click();
            grace.waitForText("notice", "That code is not right.");
            grace.type("Code", TotpCodes.unused(secret));
            grace.button("Verify code").click();
            // Her first sign-in took her out of Admins (she had no TOTP): in no group, she may not use the API...
            grace.waitForText("notice", "Your account is in no group that may use this API.");
            // ...until another administrator makes her one again, which the function allows now that TOTP is on.
            ada.signIn(app, "ada", "Ada-Str0ng-Passw0rd!", AppCloud.ADA_TOTP_SECRET);
            ada.waitForText("users-status", " shown.");
            new Select(ada.field("Group of grace")).selectByVisibleText("Admins");
            ada.button("Move grace").click();
            ada.waitForText("users-status", "grace is now in Admins");
            grace.signIn(app, "grace", GRACE_PASSWORD, secret);
            grace.waitForText("who-text", "role local-TestApiAdmin");
            grace.waitForText("users-status", " shown.");
            assertEquals("TOTP on", cell(grace, "grace", 3));
            assertEquals("TOTP on", cell(grace, "ada", 3));
            assertEquals("off", cell(grace, "alice", 3));
            grace.waitForText("totp-state", "Two-factor sign-in is on");
            assertFalse(grace.driver.findElement(By.id("totp-off")).isEnabled(), "an administrator keeps it on");
            assertTrue(grace.text("totp-off-why").contains("Administrators keep it on while they are in Admins"));
            grace.button("Reset grace's TOTP").click();
            grace.waitForText("users-status", "You cannot reset your own two-factor sign-in");
            assertAccessible(grace, "the Users screen with MFA");
            grace.screenshot("mfa-users-screen");

            // Another administrator's MFA is theirs alone: ada takes grace out of Admins first, then resets it.
            ada.button("Reset grace's TOTP").click();
            ada.waitForText("users-status", "grace is an administrator: their password and two-factor sign-in");
            new Select(ada.field("Group of grace")).selectByVisibleText("FullAccess");
            ada.button("Move grace").click();
            ada.waitForText("users-status", "grace is now in FullAccess");
            ada.button("Reset grace's TOTP").click();
            ada.waitForText("users-status", "grace's two-factor sign-in is off");
            assertTrue(ada.text("users-status").contains("They are signed out everywhere"));
            ada.wait.until(d -> cell(ada, "grace", 3).equals("off"));
            ada.screenshot("mfa-admin-reset-grace");
            // Back into Admins only once TOTP is on again: the function refuses, the screen says why.
            new Select(ada.field("Group of grace")).selectByVisibleText("Admins");
            ada.button("Move grace").click();
            ada.waitForText("users-status", "grace has no two-factor sign-in (TOTP) on: only a user with TOTP on "
                    + "joins Admins");
            ada.screenshot("admin-refused-totp-required");
        }
    }

    @Test
    void anyUserTurnsTotpOnAndOffForThemselves() throws Exception {
        try (Browser bob = new Browser()) {
            bob.signIn(app, "bob", "Bob-Str0ng-Passw0rd!");
            bob.waitForText("totp-state", "Two-factor sign-in is off.");
            bob.button("Turn on two-factor sign-in").click();
            bob.waitForVisible("Code from your app");
            String secret = shownSecret(bob);
            bob.type("Code from your app", TotpCodes.unused(secret));
            bob.button("Confirm and turn on").click();
            bob.waitForText("notice", "Two-factor sign-in is on");
            bob.signIn(app, "bob", "Bob-Str0ng-Passw0rd!", secret);
            bob.waitForText("who-text", "role local-TestApiReadAccess");
            bob.waitForText("totp-state", "Two-factor sign-in is on");
            bob.button("Turn off two-factor sign-in").click();
            bob.waitForText("totp-state", "Two-factor sign-in is off.");
            bob.screenshot("mfa-bob-turned-it-off");
            bob.button("Sign out").click();
            bob.signIn(app, "bob", "Bob-Str0ng-Passw0rd!");
            bob.waitForText("who-text", "role local-TestApiReadAccess"); // no code asked
        }
    }

    /**
     * Signs in and waits for the set-up screen; checks what it shows (the reason, the QR code a camera reads as the
     * otpauth URI of the secret shown as text) and that it is accessible; returns the secret.
     */
    private String setUp(Browser browser, String user, String password, String why) throws Exception {
        browser.signIn(app, user, password);
        browser.waitForVisible("Code from your app");
        browser.waitForText("totp-why", why);
        assertFalse(browser.driver.findElement(By.id("users")).isDisplayed(), "no Users screen before the set-up");
        String secret = shownSecret(browser);
        assertTrue(secret.matches("[A-Z2-7]{52}"), secret);
        String uri = "otpauth://totp/Test%20API%3A" + user + "?secret=" + secret + "&issuer=Test%20API";
        assertEquals(uri, browser.driver.findElement(By.id("totp-uri")).getAttribute("href"));
        assertEquals(uri, Browser.qrCode(browser.driver.findElement(By.id("totp-qr"))), "what a phone's camera reads");
        assertAccessible(browser, "the TOTP set-up screen");
        return secret;
    }

    private static String shownSecret(Browser browser) {
        return browser.text("totp-secret").trim();
    }

    /** The text of column {@code index} in {@code user}'s row of the Users screen. */
    private static String cell(Browser browser, String user, int index) {
        return browser.driver.findElements(By.cssSelector("#users-rows tr")).stream()
                .map(row -> row.findElements(By.cssSelector("td")))
                .filter(cells -> cells.get(0).getText().equals(user)).map(cells -> cells.get(index).getText())
                .findFirst().orElse("(no row for " + user + ")");
    }
}
