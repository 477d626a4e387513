package com.example.testapi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.testapi.support.TotpCodes;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The Amplify v6 page (its signIn next steps answered with confirmSignIn, as Amplify's documentation shows) against
 * the local cloud of the template with {@code MfaConfiguration=ON}: Amplify's signIn meets MFA_SETUP, associates a
 * token on the challenge's session itself and hands the page the otpauth URI; the code computed by the test from
 * it completes the set-up; the next sign-in asks for a TOTP code. Screenshots: target/screenshots/amplify-v6-totp-*.png.
 */
@QuarkusTest
class AmplifyV6TotpTest extends AmplifyPageCase {

    @Override
    String version() {
        return "v6";
    }

    @Override
    Map<String, String> parameters() {
        return Map.of("MfaConfiguration", "ON");
    }

    private void signedIn(String user) {
        browser.waitForText("signed-in-user", user);
    }

    @Test
    void aUserWithoutAFactorSetsTotpUpThenSignsInWithACode() {
        page.cloud.cloud.userPool().createUser("noah", "Noah-Str0ng-Passw0rd!", List.of("ReadOnlyAccess"), null);
        long associations = page.answered("AssociateSoftwareToken");
        submitCredentials("noah", "Noah-Str0ng-Passw0rd!");
        browser.waitForVisible("Code from your app");
        assertEquals(associations + 1, page.answered("AssociateSoftwareToken"), "Amplify associated the token itself");
        String uri = browser.text("totp-setup-uri");
        assertTrue(uri.startsWith("otpauth://totp/Amplify%20v6%20page:noah?secret="), uri);
        String secret = uri.replaceAll(".*[?&]secret=([A-Z2-7]+).*", "$1");
        browser.screenshot("amplify-v6-totp-setup");
        browser.type("Code from your app", TotpCodes.unused(secret));
        browser.button("Confirm TOTP").click();
        signedIn("noah");
        assertEquals(List.of("SOFTWARE_TOKEN_MFA"), mfaOf("noah"), "the set-up turned TOTP on");
        browser.button("Sign out").click();
        browser.waitForVisible("Username");

        submitCredentials("noah", "Noah-Str0ng-Passw0rd!");
        browser.waitForVisible("TOTP code");
        browser.screenshot("amplify-v6-totp-code");
        browser.type("TOTP code", TotpCodes.unused(secret));
        browser.button("Confirm code").click();
        signedIn("noah");
        browser.button("Sign out").click();
        browser.waitForVisible("Username");
    }

    @Test
    void adaAnswersTheCodePromptAfterSrp() {
        long verifiers = page.answered("RespondToAuthChallenge");
        submitCredentials("ada", "Ada-Str0ng-Passw0rd!");
        browser.waitForVisible("TOTP code");
        assertEquals(verifiers + 1, page.answered("RespondToAuthChallenge"), "SRP's PASSWORD_VERIFIER came first");
        browser.type("TOTP code", TotpCodes.unused(AppCloud.ADA_TOTP_SECRET));
        browser.button("Confirm code").click();
        signedIn("ada");
        browser.button("Sign out").click();
        browser.waitForVisible("Username");
    }
}
