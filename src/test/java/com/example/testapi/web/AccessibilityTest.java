package com.example.testapi.web;

import static com.example.testapi.web.Accessibility.assertAccessible;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import com.example.testapi.support.LocalAdminFunction;
import com.example.testapi.local.LocalUsers;
import com.example.testapi.support.TestCloud;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The browser app passes axe-core's WCAG 2.x A/AA rules in every state a person meets: signed out (and a refused
 * sign-in), after a POST and a GET, a refusal, the Users screen, and a phone-width window. Each test has a browser of
 * its own, named for the user in it.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityTest {

    private TestCloud cloud;
    private URI app;

    @BeforeEach
    void start() throws Exception {
        if (cloud == null) {
            cloud = AppCloud.start(AppCloud.settings(Path.of("target", "web")),
                    LocalUsers.load(Path.of(LocalUsers.DEFAULT_FILE)));
            app = cloud.cloud.webAppUri();
        }
        LocalAdminFunction.install(cloud.cloud); // the Users screen's /admin routes, per test
    }

    @AfterAll
    void stop() {
        if (cloud != null) {
            cloud.close();
        }
    }

    /** {@code browser}, signed in as {@code user}, once the app shows their role. */
    private Browser signedIn(Browser browser, String user, String password, String role) {
        if (user.equals("ada")) {
            browser.signIn(app, user, password, AppCloud.ADA_TOTP_SECRET);
        } else {
            browser.signIn(app, user, password);
        }
        browser.waitForText("who-text", "role " + role);
        return browser;
    }

    @Test
    void signedOutAndAWrongPassword() throws Exception {
        try (Browser nobody = new Browser()) {
            nobody.driver.get(app.toString());
            nobody.waitForVisible("Username");
            assertAccessible(nobody, "signed out");
            nobody.signIn(app, "alice", "not-her-password");
            nobody.waitForText("notice", "Incorrect username or password.");
            assertAccessible(nobody, "a refused sign-in");
        }
    }

    @Test
    void aliceAfterAPostAndAGet() throws Exception {
        try (Browser alice = signedIn(new Browser(), "alice", "Alice-Str0ng-Passw0rd!", "local-TestApiFullAccess")) {
            alice.type("Message", "accessible " + UUID.randomUUID());
            alice.button("Call POST API endpoint").click();
            alice.waitForText("status", "Stored.");
            assertAccessible(alice, "after a POST");
            alice.button("Call GET API endpoint").click();
            alice.waitForText("status", " shown.");
            int shown = alice.driver.findElements(By.cssSelector("#items li")).size();
            assertEquals(shown == 1 ? "1 item shown." : shown + " items shown.", alice.text("status"), "the count");
            assertAccessible(alice, "after a GET");
        }
    }

    @Test
    void bobsRefusedPost() throws Exception {
        try (Browser bob = signedIn(new Browser(), "bob", "Bob-Str0ng-Passw0rd!", "local-TestApiReadAccess")) {
            bob.type("Message", "bob tries");
            bob.button("Call POST API endpoint").click();
            bob.waitForText("status", "may not call POST /test.");
            assertAccessible(bob, "a refusal");
        }
    }

    @Test
    void adaOnTheUsersScreen() throws Exception {
        try (Browser ada = signedIn(new Browser(), "ada", "Ada-Str0ng-Passw0rd!", "local-TestApiAdmin")) {
            ada.waitForText("users-status", " shown.");
            assertAccessible(ada, "the Users screen");
        }
    }

    @Test
    void aliceOnAPhone() throws Exception {
        try (Browser alice = new Browser()) {
            alice.driver.manage().window().setSize(new Dimension(390, 844));
            alice.driver.get(app.toString());
            alice.waitForVisible("Username");
            assertAccessible(alice, "signed out, phone width");
            signedIn(alice, "alice", "Alice-Str0ng-Passw0rd!", "local-TestApiFullAccess");
            alice.type("Message", "from a phone " + UUID.randomUUID());
            alice.button("Call POST API endpoint").click();
            alice.waitForText("status", "Stored.");
            alice.button("Call GET API endpoint").click();
            alice.waitForText("status", " shown.");
            assertAccessible(alice, "after a POST and a GET, phone width");
        }
    }
}
