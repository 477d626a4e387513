package com.example.testapi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import com.example.testapi.local.LocalUsers;
import com.example.testapi.support.LocalAdminFunction;
import com.example.testapi.support.CognitoSdk;
import com.example.testapi.support.TemplateCopy;
import com.example.testapi.support.TestCloud;

import io.quarkus.test.junit.QuarkusTest;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;

/**
 * The Users screen in Chromium, as an administrator and the user they manage use it, in two browsers side by side:
 * ada (Admins) creates carol in ReadOnlyAccess; carol sets the temporary password the screen showed, reads, and is
 * refused POST; ada moves her to FullAccess and, once carol's session renews, her POST is stored; ada signs her out
 * everywhere, then disables her, and carol's next sign-in is refused; alice (FullAccess), in a browser of her own,
 * sees no Users screen. Each browser is named for the user in it. Every action goes to the API's /admin routes, and
 * the screen shows the administration function's reasons when it refuses: ada cannot take herself out of Admins,
 * disable herself, reset her own password or sign herself out everywhere; she cannot reset another administrator's
 * password or TOTP (the last administrator: {@code LastAdministratorScreenTest}). None of these refusals changes anything in Cognito. A move takes the user out of the old group before
 * adding the new one, the groups read again just before: carol, added to Admins elsewhere after the screen loaded,
 * leaves Admins too. Credentials live 20 s and ID tokens 5 minutes here, so every call renews both.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminScreenTest {

    private TestCloud cloud;
    private Browser ada;
    private Browser carol;
    private URI app;

    @BeforeEach
    void start() throws Exception {
        if (cloud == null) {
            startCloud();
        }
        // The administration function of this test's Quarkus app, for this cloud (QuarkusMock: per test).
        LocalAdminFunction.install(cloud.cloud);
    }

    private void startCloud() throws Exception {
        Path template = TemplateCopy.withIdTokenMinutes(Files.createTempDirectory("admin-template"), 5);
        cloud = AppCloud.start(AppCloud.settings(template, Path.of("target", "web"), port -> Map.of())
                .withCredentialsLifetime(Duration.ofSeconds(20)), LocalUsers.load(Path.of(LocalUsers.DEFAULT_FILE)));
        app = cloud.cloud.webAppUri();
        ada = new Browser();
        carol = new Browser();
    }


    /** No console errors but the browser's lines for refusals provoked on purpose (bob-like 403s without CORS). */
    @AfterEach
    void noOtherConsoleErrors() {
        for (Browser browser : List.of(ada, carol)) {
            assertNoOtherConsoleErrors(browser);
        }
    }

    private static void assertNoOtherConsoleErrors(Browser browser) {
        assertEquals(List.of(), browser.consoleErrors().stream()
                .filter(line -> !line.contains("blocked by CORS policy") && !line.contains("net::ERR_FAILED"))
                .toList(), "the page logged errors");
    }

    @AfterAll
    void stop() {
        for (Browser browser : new Browser[] { ada, carol }) {
            if (browser != null) {
                browser.close();
            }
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    private void signIn(Browser browser, String user, String password) {
        if (user.equals("ada")) {
            browser.signIn(app, user, password, AppCloud.ADA_TOTP_SECRET); // ada has her authenticator set up
            return;
        }
        browser.signIn(app, user, password);
    }

    /** The user's row as the administrator reads it: name, status, groups (not the actions' controls). */
    private String rowOf(String user) {
        return ada.driver.findElements(By.cssSelector("#users-rows tr")).stream()
                .map(r -> r.findElements(By.cssSelector("td")).stream().limit(3).map(td -> td.getText()).toList())
                .filter(cells -> cells.get(0).equals(user)).map(cells -> String.join(" | ", cells)).findFirst()
                .orElse("(no row for " + user + ")");
    }

    /**
     * The user pool's admin calls the local cloud answered since {@code from} (its log), in order, but AdminGetUser:
     * the screen's MFA column reads it for every row, and the token trigger at every renewal of an administrator.
     */
    private List<String> adminCallsSince(int from) {
        synchronized (cloud.log) {
            return cloud.log.subList(from, cloud.log.size()).stream().filter(line -> line.contains("ProviderService.Admin"))
                    .map(line -> line.replaceAll(".*ProviderService\\.(Admin\\w+).*", "$1"))
                    .filter(call -> !call.equals("AdminGetUser")).toList();
        }
    }

    private int logSize() {
        synchronized (cloud.log) {
            return cloud.log.size();
        }
    }

    /** The calls that change the pool, in the local cloud's log since {@code from}. */
    private List<String> changesSince(int from) {
        return adminCallsSince(from).stream().filter(call -> !call.equals("AdminListGroupsForUser")).toList();
    }

    /** ada tries to demote, disable, reset and sign out herself: each refused by the function, said in words. */
    private void adaCannotLowerHerOwnRights() {
        new Select(ada.field("Group of ada")).selectByVisibleText("FullAccess");
        ada.button("Move ada").click();
        ada.waitForText("users-status", "You cannot take yourself out of Admins: another administrator has to");
        ada.button("Reset ada's password").click();
        ada.waitForText("users-status", "You cannot reset your own password here");
        ada.button("Disable ada").click();
        ada.waitForText("users-status", "You cannot disable yourself");
        ada.button("Sign out ada everywhere").click();
        ada.waitForText("users-status", "You cannot sign yourself out everywhere here");
        assertEquals("ada | CONFIRMED | Admins", rowOf("ada"));
    }

    /** The temporary password the screen's sentence shows (the API answers it once). */
    private String temporaryPasswordShown() {
        return ada.text("users-status").replaceAll(".*Temporary password: (\\S+) .*", "$1");
    }

    @Test
    void anAdministratorManagesCarolFromTheApp() {
        signIn(ada, "ada", "Ada-Str0ng-Passw0rd!");
        ada.waitForText("who-text", "role local-TestApiAdmin");
        ada.waitForText("users-status", " shown.");
        assertEquals("ada | CONFIRMED | Admins", rowOf("ada"));

        int beforeRefusals = logSize();
        adaCannotLowerHerOwnRights();
        ada.screenshot("admin-refused-self");
        assertEquals(List.of(), changesSince(beforeRefusals), "the function refused before any change");

        ada.type("New user", "carol");
        new Select(ada.field("Group")).selectByVisibleText("ReadOnlyAccess");
        ada.button("Create user").click();
        ada.waitForText("users-status", "Created carol in ReadOnlyAccess. Temporary password: ");
        String carolsPassword = temporaryPasswordShown();
        ada.wait.withMessage(() -> "carol's row: " + rowOf("carol")).until(d -> rowOf("carol")
                .equals("carol | FORCE_CHANGE_PASSWORD | ReadOnlyAccess"));
        ada.screenshot("admin-created-carol");

        signIn(carol, "carol", carolsPassword);
        carol.waitForText("new-password", "Choose a new password");
        carol.type("New password", "Carol-Own-Passw0rd!");
        carol.type("Repeat the new password", "Carol-Own-Passw0rd!");
        carol.button("Set password and sign in").click();
        carol.waitForText("who-text", "role local-TestApiReadAccess");
        assertFalse(carol.driver.findElement(By.id("users")).isDisplayed(), "no Users screen for ReadOnlyAccess");
        carol.type("Message", "carol writes");
        carol.button("Call POST API endpoint").click();
        carol.waitForText("status", "your group ReadOnlyAccess may not call POST /test.");
        carol.screenshot("carol-refused-before-the-move");

        new Select(ada.field("Group of carol")).selectByVisibleText("FullAccess");
        int beforeMove = logSize();
        ada.button("Move carol").click();
        ada.waitForText("users-status", "carol is now in FullAccess. It applies when their session renews");
        List<String> moveCalls = adminCallsSince(beforeMove);
        assertEquals("AdminListGroupsForUser", moveCalls.get(0), "carol's groups read again first: " + moveCalls);
        assertEquals(List.of("AdminRemoveUserFromGroup", "AdminAddUserToGroup"), moveCalls.stream()
                .filter(call -> !call.equals("AdminListGroupsForUser")).toList(),
                "out of the old group first, then into the new one");
        ada.wait.withMessage(() -> "carol's row: " + rowOf("carol")).until(d -> rowOf("carol")
                .equals("carol | CONFIRMED | FullAccess"));
        ada.screenshot("admin-moved-carol");

        // carol's next call renews her credentials, and her 5-minute ID token first: it now says FullAccess.
        carol.button("Call POST API endpoint").click();
        carol.waitForText("status", "Stored.");
        carol.waitForText("who-text", "group FullAccess · role local-TestApiFullAccess");
        carol.screenshot("carol-stored-after-the-move");

        ada.button("Sign out carol everywhere").click();
        ada.waitForText("users-status", "carol is signed out everywhere");
        carol.button("Call GET API endpoint").click();
        carol.waitForText("notice", "Your session has expired or was ended. Please sign in again.");

        ada.button("Disable carol").click();
        ada.waitForText("users-status", "carol is disabled");
        ada.wait.withMessage(() -> "carol's row: " + rowOf("carol")).until(d -> rowOf("carol")
                .equals("carol | CONFIRMED · disabled | FullAccess"));
        signIn(carol, "carol", "Carol-Own-Passw0rd!");
        carol.waitForText("notice", "User is disabled.");
        carol.screenshot("carol-disabled");
        ada.screenshot("admin-disabled-carol");

        // eve, a second administrator with TOTP: ada may not reset her password or TOTP (theirs alone).
        String pool = cloud.cloud.outputs().get("UserPoolId");
        cloud.cloud.userPool().createUser("eve", "Eve-Str0ng-Passw0rd!", List.of("Admins"), null,
                "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
        int beforeEve = logSize();
        new Select(ada.field("Group of carol")).selectByVisibleText("ReadOnlyAccess"); // the list reloads with eve
        ada.button("Move carol").click();
        ada.waitForText("users-status", "carol is now in ReadOnlyAccess");
        ada.button("Reset eve's password").click();
        ada.waitForText("users-status", "eve is an administrator: their password and two-factor sign-in are theirs");
        ada.button("Reset eve's TOTP").click();
        ada.waitForText("users-status", "eve is an administrator: their password and two-factor sign-in are theirs");
        ada.screenshot("admin-refused-another-administrator");
        assertEquals(List.of("AdminRemoveUserFromGroup", "AdminAddUserToGroup"), changesSince(beforeEve),
                "only carol's move changed anything");

        // Made an administrator elsewhere (the AWS CLI, another screen) after ada's screen loaded: her move of carol
        // reads carol's groups again, so carol leaves Admins too, though the row on screen never showed it.
        try (CognitoIdentityProviderClient elsewhere = CognitoSdk.userPool(cloud.cloud)) {
            elsewhere.adminAddUserToGroup(r -> r.userPoolId(pool).username("carol").groupName("Admins"));
            assertEquals("carol | CONFIRMED · disabled | ReadOnlyAccess", rowOf("carol"), "the screen has not seen it");
            new Select(ada.field("Group of carol")).selectByVisibleText("FullAccess");
            ada.button("Move carol").click();
            ada.waitForText("users-status", "carol is now in FullAccess");
            assertEquals(List.of("FullAccess"), elsewhere.adminListGroupsForUser(r -> r.userPoolId(pool)
                    .username("carol")).groups().stream().map(GroupType::groupName).toList(),
                    "out of Admins as well as ReadOnlyAccess");
        }
        ada.screenshot("admin-moved-carol-out-of-admins-added-elsewhere");
    }

    @Test
    void aFullAccessUserSeesNoUsersScreen() throws Exception {
        try (Browser alice = new Browser()) {
            signIn(alice, "alice", "Alice-Str0ng-Passw0rd!");
            alice.waitForText("who-text", "role local-TestApiFullAccess");
            alice.wait.withMessage("the GET's answer is shown").until(d -> {
                String said = alice.text("status");
                return said.endsWith(" shown.") || said.equals("No items yet.");
            });
            assertFalse(alice.driver.findElement(By.id("users")).isDisplayed());
            alice.button("Sign out").click();
            assertNoOtherConsoleErrors(alice);
        }
    }
}
