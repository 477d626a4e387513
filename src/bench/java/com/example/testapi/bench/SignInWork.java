package com.example.testapi.bench;

import java.math.BigInteger;
import java.nio.file.Files;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.example.testapi.local.LocalCloud;
import com.example.testapi.local.LocalUsers;
import com.example.testapi.local.lambda.FunctionBackend;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

/**
 * Whether a sign-in tells which users exist by the time it takes: the local user pool's answers to a known user with
 * a wrong password against an unknown user, {@code signin.count} (200) each way and flow, in pairs whose order is
 * drawn at random, after a
 * warm-up, through the AWS SDK over HTTP. Each known user is tried once (so the lockout never cuts the work short);
 * the SRP client sends a well-formed A and a claim that cannot verify, so only the server's work is timed, not the
 * client's exponentiations. Reports each flow's medians and their ratio to target/bench/signin-work.json.
 * {@code ./mvnw -Psignin-work package}.
 */
public final class SignInWork {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss 'UTC' yyyy",
            Locale.US);
    private static final String REGION = "us-east-1";
    private static final int WARM_UP = 50;

    private final CognitoIdentityProviderClient sdk;
    private final String clientId;
    private final SecureRandom random = new SecureRandom();

    private SignInWork(CognitoIdentityProviderClient sdk, String clientId) {
        this.sdk = sdk;
        this.clientId = clientId;
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.getInteger("signin.count", 200);
        FunctionBackend none = FunctionBackend.none("the sign-in benchmark calls no function");
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("command", "./mvnw -Psignin-work package -Dsignin.count=" + count);
        report.put("machine", Machine.describe());
        report.put("jdk", System.getProperty("java.version"));
        report.put("signInsEachWay", count);
        // Timing on a shared machine says little: the load beside the run is part of the report.
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        report.put("loadAverageAtStart", os.getSystemLoadAverage());
        try (LocalCloud cloud = LocalCloud.start(LocalCloud.Settings.of(Path.of("template.yaml"), REGION), none,
                new LocalUsers(List.of()), Clock.systemUTC(), line -> { })) {
            for (int i = 0; i < WARM_UP + count; i++) {
                cloud.userPool().createUser("known-" + i, "Known-Str0ng-Passw0rd!", List.of(), null);
            }
            try (CognitoIdentityProviderClient sdk = CognitoIdentityProviderClient.builder().region(Region.of(REGION))
                    .endpointOverride(cloud.userPool().endpoint()).httpClient(UrlConnectionHttpClient.create())
                    .credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
                SignInWork bench = new SignInWork(sdk, cloud.userPool().settings().clients().keySet().iterator()
                        .next());
                report.put("flows", Map.of(
                        "USER_PASSWORD_AUTH", bench.compare(count, "pw", bench::passwordSignIn),
                        "USER_SRP_AUTH", bench.compare(count, "srp", bench::srpSignIn)));
            }
        }
        report.put("loadAverageAtEnd", os.getSystemLoadAverage());
        Path out = Path.of("target/bench/signin-work.json");
        Files.createDirectories(out.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), report);
        System.out.println(Files.readString(out));
    }

    private interface Attempt {
        void run(String username);
    }

    /** Known-with-wrong-password and unknown sign-ins alternating; the medians (ms) and their ratio. */
    private Map<String, Object> compare(int count, String tag, Attempt attempt) {
        List<Double> known = new ArrayList<>();
        List<Double> unknown = new ArrayList<>();
        for (int i = 0; i < WARM_UP + count; i++) {
            // Which goes first is drawn each time, so neither side always meets a warmer connection or cache.
            boolean knownFirst = random.nextBoolean();
            double first = timed(attempt, knownFirst ? "known-" + i : "nobody-" + tag + "-" + i);
            double second = timed(attempt, knownFirst ? "nobody-" + tag + "-" + i : "known-" + i);
            double k = knownFirst ? first : second;
            double u = knownFirst ? second : first;
            if (i >= WARM_UP) {
                known.add(k);
                unknown.add(u);
            }
        }
        double knownMedian = Figures.percentile(known, 50);
        double unknownMedian = Figures.percentile(unknown, 50);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("knownUserWrongPasswordMedianMs", Math.round(knownMedian * 1000) / 1000.0);
        figures.put("unknownUserMedianMs", Math.round(unknownMedian * 1000) / 1000.0);
        figures.put("unknownToKnownRatio", Math.round(unknownMedian / knownMedian * 1000) / 1000.0);
        return figures;
    }

    private static double timed(Attempt attempt, String username) {
        long start = System.nanoTime();
        attempt.run(username);
        return (System.nanoTime() - start) / 1e6;
    }

    private void passwordSignIn(String username) {
        expectRefusal(() -> sdk.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", "Wrong-Str0ng-Passw0rd!"))));
    }

    /** Both steps of SRP with a valid A (3000 random bits, below N) and a claim that cannot verify. */
    private void srpSignIn(String username) {
        String srpA = new BigInteger(3000, random).setBit(2999).toString(16);
        InitiateAuthResponse challenge = sdk.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_SRP_AUTH)
                .authParameters(Map.of("USERNAME", username, "SRP_A", srpA)));
        byte[] claim = new byte[32];
        random.nextBytes(claim);
        expectRefusal(() -> sdk.respondToAuthChallenge(r -> r.clientId(clientId)
                .challengeName(ChallengeNameType.PASSWORD_VERIFIER).challengeResponses(Map.of(
                        "USERNAME", challenge.challengeParameters().get("USER_ID_FOR_SRP"),
                        "PASSWORD_CLAIM_SECRET_BLOCK", challenge.challengeParameters().get("SECRET_BLOCK"),
                        "TIMESTAMP", TIMESTAMP.format(ZonedDateTime.now(ZoneOffset.UTC)),
                        "PASSWORD_CLAIM_SIGNATURE", Base64.getEncoder().encodeToString(claim)))));
    }

    /** Every attempt here must be refused as a wrong password; anything else would time something else. */
    private static void expectRefusal(Runnable call) {
        try {
            call.run();
        } catch (NotAuthorizedException e) {
            if (e.awsErrorDetails().errorMessage().equals("Incorrect username or password.")) {
                return;
            }
            throw new IllegalStateException("not a wrong-password refusal: " + e.awsErrorDetails().errorMessage());
        }
        throw new IllegalStateException("a sign-in meant to fail succeeded");
    }
}
