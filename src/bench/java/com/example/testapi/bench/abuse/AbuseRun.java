package com.example.testapi.bench.abuse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.example.testapi.bench.Machine;
import com.example.testapi.local.LocalCloud;
import com.example.testapi.local.LocalUsers;
import com.example.testapi.local.lambda.FunctionBackend;
import com.example.testapi.local.userpool.UserPoolSettings;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An abuse run of the local cloud, {@code ./mvnw -Pabuse package}: for {@code -Dabuse.seconds} (180) {@code
 * -Dabuse.clients} (8) unauthenticated callers throw the largest inputs each endpoint takes, and some it does not, at
 * every endpoint that needs no signature: bodies declared over each cap, 128-character names (of letters beyond
 * Latin-1 too) signing in with a password and starting SRP, wrong passwords again and again for a pool of names until
 * they lock, reset codes sent to 128-character names, 129-character names, MFA challenges started with ada's password
 * and never answered, identity-pool credentials asked for again and again with alice's ID token; all the while a
 * quarter of each server's threads is held by bodies sent a byte every 2 s ({@link SlowSenders}). Meanwhile alice
 * signs in four times a second, and afterwards ada completes a sign-in with her code ({@link SignedInCallers}). It then reports the local cloud's heap after a full GC against the heap before the run, its answers by kind,
 * status and error type, and alice's sign-ins during and after the flood, in target/bench/abuse.json and .txt
 * ({@link AbuseReport}). It exits 1 on any 5xx, an answer of a kind's unexpected status or type, or a refused sign-in
 * of alice: the bounds hold, or the run says where they broke.
 */
public final class AbuseRun {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Letters and digits, some outside Latin-1 (two bytes a character in memory, more in UTF-8). */
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789éüжщ中文";
    /** The names the repeated wrong passwords go to: few enough that each fails again and again and locks. */
    private static final int REPEATED_NAMES = 2_000;

    private AbuseRun() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("abuse.seconds", 180);
        int clients = Integer.getInteger("abuse.clients", 8);
        LocalUsers users = LocalUsers.load(Path.of(LocalUsers.DEFAULT_FILE));
        LocalCloud.Settings settings = LocalCloud.Settings.of(Path.of("template.yaml"), "us-east-1")
                .withParameters(Map.of("HostedUiDomainPrefix", "local"));
        try (LocalCloud cloud = LocalCloud.start(settings, FunctionBackend.none("the abuse run reaches no function"),
                users, Clock.systemUTC(), line -> {
                })) {
            long heapBefore = heapAfterFullGc();
            AbuseReport report = new AbuseReport(seconds, clients, Machine.describe());
            Targets targets = Targets.of(cloud, SignedInCallers.start(cloud, Targets.of(cloud, null).clientId(), users));
            // A quarter of each server's threads held by bodies that never end (the hosted UI's 4: one).
            SlowSenders slow = SlowSenders.open(List.of(targets.api(), targets.userPool(), targets.identityPool()), 4);
            slow.add(SlowSenders.open(List.of(targets.hostedUi()), 1));
            ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
            trickle.scheduleWithFixedDelay(slow::trickle, 1, 2, TimeUnit.SECONDS);
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            for (int c = 0; c < clients; c++) {
                int first = c;
                pool.submit(() -> {
                    for (int i = first; System.nanoTime() < deadline; i++) {
                        Kind kind = Kind.values()[i % Kind.values().length];
                        report.count(kind, send(targets, kind));
                    }
                });
            }
            LocalUsers.User alice = users.users().get(0);
            int[] during = {0, 0}; // alice's sign-ins during the flood: answered 200, tried
            while (System.nanoTime() < deadline) {
                during[1]++;
                during[0] += signsIn(targets, alice.name(), alice.password()) ? 1 : 0;
                Thread.sleep(250);
            }
            pool.shutdown();
            pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
            trickle.shutdown();
            trickle.awaitTermination(10, TimeUnit.SECONDS);
            slow.trickle();
            report.slow(slow.opened(), slow.dropped(), slow.earliestDrop(), slow.latestDrop());
            slow.close();
            report.finish(heapBefore, heapAfterFullGc(), during[0], during[1],
                    signsIn(targets, alice.name(), alice.password()), targets.callers().administratorSignsIn());
            Path dir = Files.createDirectories(Path.of("target", "bench"));
            report.write(dir);
            System.out.println(report.text());
            if (!report.held()) {
                System.err.println("ABUSE RUN FAILED: see target/bench/abuse.txt");
                System.exit(1);
            }
        }
    }

    /**
     * Where the callers aim: the API, the two Cognito endpoints, the hosted UI's form (with a valid query), and the
     * callers with a password or a token.
     */
    record Targets(URI api, URI userPool, URI identityPool, URI hostedUi, String login, String clientId,
            SignedInCallers callers) {
        static Targets of(LocalCloud cloud, SignedInCallers callers) {
            UserPoolSettings.Client client = cloud.userPool().settings().clients().values().iterator().next();
            String login = "/login?response_type=code&client_id=" + client.clientId() + "&redirect_uri="
                    + URLEncoder.encode(client.oauth().callbackUrls().get(0), StandardCharsets.UTF_8);
            return new Targets(cloud.gateway().baseUri(), cloud.userPool().endpoint(),
                    cloud.identityPool().endpoint(), cloud.userPool().hostedUi().orElseThrow(), login,
                    client.clientId(), callers);
        }
    }

    /** One abusive request of each kind: its status and error type ("0" for no answer at all, a failure too). */
    static String send(Targets t, Kind kind) {
        try {
            return switch (kind) {
                case GATEWAY_11MB -> declared(t.api(), "/test", 11L * 1024 * 1024, "application/json", null);
                case COGNITO_300KIB -> declared(t.userPool(), "/", 300 * 1024, "application/x-amz-json-1.1",
                        "AWSCognitoIdentityProviderService.InitiateAuth");
                case IDENTITY_300KIB -> declared(t.identityPool(), "/", 300 * 1024, "application/x-amz-json-1.1",
                        "AWSCognitoIdentityService.GetId");
                case HOSTED_UI_FORM_20KIB -> declared(t.hostedUi(), t.login(), 20 * 1024,
                        "application/x-www-form-urlencoded", null);
                case PASSWORD_128_CHAR_NAME -> json(t.userPool(), "InitiateAuth", "{\"ClientId\":\"" + t.clientId()
                        + "\",\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"AuthParameters\":{\"USERNAME\":\"" + random(128)
                        + "\",\"PASSWORD\":\"" + random(256) + "\"}}");
                case PASSWORD_REPEATED_NAME -> json(t.userPool(), "InitiateAuth", "{\"ClientId\":\"" + t.clientId()
                        + "\",\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"AuthParameters\":{\"USERNAME\":\"repeated-"
                        + ThreadLocalRandom.current().nextInt(REPEATED_NAMES) + "\",\"PASSWORD\":\"Wrong-Passw0rd!\"}}");
                case SRP_START_128_CHAR_NAME -> json(t.userPool(), "InitiateAuth", "{\"ClientId\":\"" + t.clientId()
                        + "\",\"AuthFlow\":\"USER_SRP_AUTH\",\"AuthParameters\":{\"USERNAME\":\"" + random(128)
                        + "\",\"SRP_A\":\"" + "ab" + hex(254) + "\"}}");
                case RESET_SEND_128_CHAR_NAME -> json(t.userPool(), "ForgotPassword", "{\"ClientId\":\""
                        + t.clientId() + "\",\"Username\":\"" + random(128) + "\"}");
                case NAME_129_CHARS -> json(t.userPool(), "ForgotPassword", "{\"ClientId\":\"" + t.clientId()
                        + "\",\"Username\":\"" + random(129) + "\"}");
                case MFA_CHALLENGE_UNANSWERED -> t.callers().mfaChallenge();
                case CREDENTIALS_FOR_ONE_TOKEN -> t.callers().credentials();
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "0";
        } catch (IOException | RuntimeException e) {
            return "0";
        }
    }

    /** A request that declares {@code length} bytes and sends 16 of them; the status of the answer. */
    private static String declared(URI base, String path, long length, String type, String target)
            throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + base.getPort() + "\r\nContent-Type: "
                    + type + "\r\nContent-Length: " + length + "\r\n" + (target == null ? "" : "X-Amz-Target: "
                    + target + "\r\n") + "\r\n0123456789abcdef";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return answer(socket.getInputStream());
        }
    }

    /** An AWS JSON call, unsigned, over a raw connection (one per call: nothing is pooled across callers). */
    private static String json(URI endpoint, String operation, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(10_000);
            String head = "POST / HTTP/1.1\r\nHost: 127.0.0.1:" + endpoint.getPort()
                    + "\r\nContent-Type: application/x-amz-json-1.1\r\nX-Amz-Target: AWSCognitoIdentityProviderService."
                    + operation + "\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            return answer(socket.getInputStream());
        }
    }

    /** "STATUS", or "STATUS TYPE" for an AWS JSON error ({@code x-amzn-ErrorType}). */
    private static String answer(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        String[] lines = head.toString().split("\r\n");
        String[] status = lines[0].split(" ");
        String type = "";
        for (String line : lines) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("x-amzn-errortype:")) {
                type = " " + line.substring(line.indexOf(':') + 1).strip().replace(":", "");
            }
        }
        return (status.length > 1 ? status[1] : "0") + type;
    }

    /** Whether {@code name} still signs in with USER_PASSWORD_AUTH after the run: the flood kept nobody out. */
    private static boolean signsIn(Targets t, String name, String password) throws IOException {
        return "200".equals(json(t.userPool(), "InitiateAuth", MAPPER.createObjectNode().put("ClientId", t.clientId())
                .put("AuthFlow", "USER_PASSWORD_AUTH").set("AuthParameters", MAPPER.createObjectNode()
                        .put("USERNAME", name).put("PASSWORD", password)).toString()));
    }

    private static long heapAfterFullGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String random(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    private static String hex(int digits) {
        StringBuilder text = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            text.append(Character.forDigit(ThreadLocalRandom.current().nextInt(16), 16));
        }
        return text.toString();
    }

    /**
     * The kinds of abuse, each with the answers (status and error type) it may get: 413 for a body over a cap, a
     * refused sign-in (a wrong password, or a running lock), a refused name, 200 for an SRP challenge or a simulated
     * reset delivery. Never TooManyRequestsException: no table may fill up to the point of shutting callers out.
     */
    enum Kind {
        GATEWAY_11MB("413"), COGNITO_300KIB("413 RequestEntityTooLargeException"),
        IDENTITY_300KIB("413 RequestEntityTooLargeException"), HOSTED_UI_FORM_20KIB("413"),
        PASSWORD_128_CHAR_NAME("400 NotAuthorizedException"), PASSWORD_REPEATED_NAME("400 NotAuthorizedException"),
        SRP_START_128_CHAR_NAME("200"), RESET_SEND_128_CHAR_NAME("200"), NAME_129_CHARS("400 InvalidParameterException"),
        MFA_CHALLENGE_UNANSWERED("200"), CREDENTIALS_FOR_ONE_TOKEN("200");

        final List<String> expected;

        Kind(String... expected) {
            this.expected = List.of(expected);
        }
    }
}
