package com.example.testapi.client;

import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * Try the API from a terminal as a Cognito user:
 * {@code TESTAPI_PASSWORD=… java -jar iam-test-api-client.jar --outputs outputs.json --user alice get|post MESSAGE}.
 * The password comes from the environment only, never from the command line (it would show in the process list); so
 * does a TOTP code ({@code TESTAPI_TOTP_CODE}) for a user whose TOTP is on.
 */
public final class TestApiCli {

    private TestApiCli() {
    }

    public static void main(String[] args) throws Exception {
        // The SDK logs through SLF4J; the jar ships no logging backend, and SLF4J would warn about that on every run.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        Path outputs = Path.of("outputs.json");
        String user = System.getenv("TESTAPI_USER");
        int i = 0;
        while (i < args.length && args[i].startsWith("--")) {
            switch (args[i]) {
                case "--outputs" -> outputs = Path.of(args[++i]);
                case "--user" -> user = args[++i];
                default -> usage("unknown option " + args[i]);
            }
            i++;
        }
        String password = System.getenv("TESTAPI_PASSWORD");
        if (i >= args.length || user == null || password == null) {
            usage("need a command, --user (or TESTAPI_USER) and TESTAPI_PASSWORD");
        }
        StackOutputs stack = StackOutputs.fromDescribeStacks(outputs);
        try (CognitoIdentityProviderClient userPool = CognitoClients.userPool(stack);
                CognitoIdentityClient identityPool = CognitoClients.identityPool(stack)) {
            // A user whose TOTP is on (every administrator) gives the code their app shows in TESTAPI_TOTP_CODE.
            String code = System.getenv("TESTAPI_TOTP_CODE");
            CognitoCredentials credentials = new CognitoCredentials(stack, userPool, identityPool, Clock.systemUTC())
                    .signIn(user, password, code == null ? null : () -> code, TestApiCli::firstCode);
            TestApiClient client = new TestApiClient(stack.apiUrl(), stack.region(), credentials);
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            int exit = 0;
            try {
                Object answer = switch (args[i]) {
                    case "get" -> client.list(null, null);
                    case "post" -> client.create(i + 1 < args.length ? args[i + 1] : usage("post needs a MESSAGE"),
                            UUID.randomUUID().toString());
                    case "admin" -> AdminCommand.run(client, java.util.Arrays.copyOfRange(args, i + 1, args.length));
                    default -> usage("unknown command " + args[i]);
                };
                System.out.println(json.writeValueAsString(answer));
            } catch (ApiException e) {
                System.err.println(e.getClass().getSimpleName() + " " + e.getMessage());
                exit = 2;
            } finally {
                signOut(credentials); // the sign-in lives as long as the command
            }
            if (exit != 0) {
                System.exit(exit);
            }
        }
    }

    /**
     * MFA_SETUP (a pool with MfaConfiguration ON, a user without TOTP yet): the new secret and its otpauth URI on
     * stderr (stdout stays the answer's), then the first code the app shows, read from stdin.
     */
    static String firstCode(String secret, String otpauthUri) {
        System.err.println("The user pool asks you to set up two-factor sign-in (TOTP) first. Add this key to your "
                + "authenticator app:\n  secret:  " + secret + "\n  otpauth: " + otpauthUri
                + "\nthen type the 6-digit code it shows:");
        try {
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                    java.nio.charset.StandardCharsets.UTF_8)).readLine();
            return line == null ? usage("no code was typed (stdin ended)") : line;
        } catch (java.io.IOException e) {
            return usage("the code could not be read: " + e.getMessage());
        }
    }

    /** Revokes the command's refresh token; a failure is reported, never turned into the command's outcome. */
    private static void signOut(CognitoCredentials credentials) {
        try {
            credentials.signOut();
        } catch (RuntimeException e) {
            System.err.println("warning: the sign-in could not be revoked (" + e.getMessage()
                    + "); its refresh token ends when it expires");
        }
    }

    static <T> T usage(String problem) {
        System.err.println(problem + "\nusage: TESTAPI_PASSWORD=… [TESTAPI_TOTP_CODE=…] java -jar iam-test-api-client.jar "
                + "[--outputs outputs.json] [--user NAME] get | post MESSAGE | admin " + AdminCommand.USAGE);
        System.exit(64);
        return null;
    }
}
