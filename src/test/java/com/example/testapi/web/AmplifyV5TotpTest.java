package com.example.testapi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import com.example.testapi.support.TotpCodes;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The unchanged Amplify v5 page (withAuthenticator) against the local cloud of the template with
 * {@code MfaConfiguration=ON}: a user without a factor meets the Authenticator's TOTP set-up (its QR code read back
 * from a screenshot, the code computed by the test from the secret in it), then the TOTP code prompt at the next
 * sign-in; ada, whose authenticator is set up, goes straight to the code prompt. Screenshots:
 * target/screenshots/amplify-v5-totp-*.png.
 */
@QuarkusTest
class AmplifyV5TotpTest extends AmplifyPageCase {

    @Override
    String version() {
        return "v5";
    }

    @Override
    Map<String, String> parameters() {
        return Map.of("MfaConfiguration", "ON");
    }

    /** The Authenticator's code field (labelled "Code *"), then its Confirm button. */
    private void confirmCode(String code) {
        browser.wait.withMessage("the Authenticator's code field").until(d -> !d.findElements(
                By.name("confirmation_code")).isEmpty());
        browser.driver.findElement(By.name("confirmation_code")).sendKeys(code);
        browser.button("Confirm").click();
        browser.wait.withMessage("the page is signed in").until(d -> !d.findElements(By.xpath(
                "//button[normalize-space()='Call GET API endpoint']")).isEmpty());
    }

    @Test
    void aUserWithoutAFactorSetsTotpUpThenSignsInWithACode() {
        page.cloud.cloud.userPool().createUser("mia", "Mia-Str0ng-Passw0rd!", List.of("FullAccess"), null);
        submitCredentials("mia", "Mia-Str0ng-Passw0rd!");
        browser.wait.withMessage("the Authenticator's QR code").until(d -> !d.findElements(By.cssSelector(
                "img[alt='qr code']")).isEmpty());
        String uri = Browser.qrCode(browser.driver.findElement(By.cssSelector("img[alt='qr code']")));
        assertTrue(uri.startsWith("otpauth://totp/AWSCognito:mia?secret="), uri);
        String secret = uri.replaceAll(".*[?&]secret=([A-Z2-7]+).*", "$1");
        browser.screenshot("amplify-v5-totp-setup");
        confirmCode(TotpCodes.unused(secret));
        assertEquals(List.of("SOFTWARE_TOKEN_MFA"), mfaOf("mia"), "the set-up turned TOTP on");
        browser.button("Sign out").click();
        browser.waitForVisible("Username");

        submitCredentials("mia", "Mia-Str0ng-Passw0rd!");
        browser.screenshot("amplify-v5-totp-code");
        confirmCode(TotpCodes.unused(secret));
        browser.button("Sign out").click();
        browser.waitForVisible("Username");
    }

    @Test
    void adaAnswersTheCodePromptAndGetsHerRole() {
        submitCredentials("ada", "Ada-Str0ng-Passw0rd!");
        confirmCode(TotpCodes.unused(AppCloud.ADA_TOTP_SECRET));
        browser.button("Call GET API endpoint").click();
        browser.wait.withMessage("the page shows the answer").until(d -> !d.findElement(By.id("api-response"))
                .getText().isEmpty());
        assertTrue(browser.text("api-response").matches("(Read \\d+ items?|No items stored yet).*"),
                browser.text("api-response"));
        browser.button("Sign out").click();
        browser.waitForVisible("Username");
    }
}
