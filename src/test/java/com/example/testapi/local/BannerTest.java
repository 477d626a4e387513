package com.example.testapi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The banner's commands for the AWS CLI, in the shell of the machine: a POSIX shell's form on Linux and macOS (the
 * same as docs/local-cloud.md's), PowerShell's on Windows, with the same variables and values.
 */
class BannerTest {

    private static final Map<String, String> OUTPUTS = Map.of("CognitoIdpEndpoint", "http://127.0.0.1:3001",
            "CognitoIdentityEndpoint", "http://127.0.0.1:3002");

    @Test
    void posixShellsGetExportAndUnset() {
        String posix = Banner.pointTheCli(OUTPUTS, "us-east-1", false);
        assertTrue(posix.contains("unset AWS_SESSION_TOKEN AWS_SECURITY_TOKEN AWS_PROFILE"), posix);
        assertTrue(posix.contains("export AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER=http://127.0.0.1:3001 "
                + "AWS_ENDPOINT_URL_COGNITO_IDENTITY=http://127.0.0.1:3002"), posix);
        assertTrue(posix.contains("AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local"), posix);
    }

    @Test
    void windowsGetsPowerShellWithTheSameVariables() {
        String windows = Banner.pointTheCli(OUTPUTS, "eu-west-1", true);
        assertTrue(windows.contains("Remove-Item Env:AWS_SESSION_TOKEN, Env:AWS_SECURITY_TOKEN, Env:AWS_PROFILE"),
                windows);
        for (String set : new String[] {"$env:AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER=\"http://127.0.0.1:3001\"",
                "$env:AWS_ENDPOINT_URL_COGNITO_IDENTITY=\"http://127.0.0.1:3002\"", "$env:AWS_REGION=\"eu-west-1\"",
                "$env:AWS_DEFAULT_REGION=\"eu-west-1\"", "$env:AWS_ACCESS_KEY_ID=\"local\"",
                "$env:AWS_SECRET_ACCESS_KEY=\"local\""}) {
            assertTrue(windows.contains(set), () -> set + " in " + windows);
        }
        assertEquals(-1, windows.indexOf("export "), "no POSIX command on Windows");
    }
}
