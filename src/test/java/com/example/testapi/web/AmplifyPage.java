package com.example.testapi.web;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;

import com.example.testapi.support.CognitoSdk;
import com.example.testapi.support.TestCloud;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;

/**
 * An Amplify page (target/amplify/v5 or v6, built from src/test/amplify) served with the local cloud's config.json
 * from its own origin, which the template allows through AllowedOrigins as a deployment would, and a Chromium to use
 * it. Also what a test reads beside the page: the calls the user pool answered, and the page's stored tokens.
 */
final class AmplifyPage implements AutoCloseable {

    final TestCloud cloud;
    final Browser browser;
    final URI uri;

    /** Call from a test method (Quarkus sets the mock event server's port for those, not for @BeforeAll). */
    AmplifyPage(String version) throws Exception {
        this(version, Map.of());
    }

    /** The page against a cloud of the template with {@code parameters} (e.g. MfaConfiguration ON). */
    AmplifyPage(String version, Map<String, String> parameters) throws Exception {
        cloud = AppCloud.start(AppCloud.settings(Path.of("template.yaml"), Path.of("target", "amplify", version),
                port -> parameters), TestCloud.USERS);
        uri = cloud.cloud.webAppUri();
        browser = new Browser();
    }

    /** How many times the user pool answered {@code operation} (e.g. RevokeToken) with 200. */
    long answered(String operation) {
        synchronized (cloud.log) {
            return cloud.log.stream().filter(line -> line.endsWith("." + operation + " -> 200")).count();
        }
    }

    /** The page's stored value whose localStorage key ends with {@code suffix} (Amplify keeps its tokens there). */
    String stored(String suffix) {
        return (String) ((JavascriptExecutor) browser.driver).executeScript(
                "const key = Object.keys(localStorage).find(k => k.endsWith(arguments[0]));"
                        + "return key ? localStorage.getItem(key) : null;", suffix);
    }

    /**
     * Makes the page believe two hours have passed, so its tokens have expired: Amplify judges expiry by the clock
     * drift it stored at sign-in. v5 keeps it in seconds and compares {@code now - drift}; v6 in milliseconds and
     * compares {@code now + drift}.
     */
    void setClockDrift(long drift) {
        ((JavascriptExecutor) browser.driver).executeScript(
                "const key = Object.keys(localStorage).find(k => k.endsWith('.clockDrift'));"
                        + "localStorage.setItem(key, String(arguments[0]));", drift);
    }

    /** The user pool's answer to a REFRESH_TOKEN_AUTH with {@code refreshToken}: null, or the refusal's message. */
    String refreshRefusal(String refreshToken) {
        try (CognitoIdentityProviderClient sdk = CognitoSdk.userPool(cloud.cloud)) {
            sdk.initiateAuth(r -> r.clientId(cloud.cloud.outputs().get("UserPoolClientId"))
                    .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH).authParameters(Map.of("REFRESH_TOKEN", refreshToken)));
            return null;
        } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
            return e.awsErrorDetails().errorMessage();
        }
    }

    @Override
    public void close() {
        browser.close();
        cloud.close();
    }
}
