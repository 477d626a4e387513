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
 * every endpoint that needs no signature: bodies declared over each cap, 128-character names signing in with a
 * password and starting SRP, reset codes sent to 128-character names, 129-character names. It then reports the local
 * cloud's heap after a full GC against the heap before the run, its answers by kind and status, and whether alice
 * still signs in, in target/bench/abuse.json and .txt ({@link AbuseReport}). It exits 1 on any 5xx, an answer of a
 * kind's unexpected status, or a refused sign-in of alice: the bounds hold, or the run says where they broke.
 */
public final class AbuseRun {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

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
            Targets targets = Targets.of(cloud);
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
            pool.shutdown();
            pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
            LocalUsers.User alice = users.users().get(0);
            report.finish(heapBefore, heapAfterFullGc(), signsIn(targets, alice.name(), alice.password()));
            Path dir = Files.createDirectories(Path.of("target", "bench"));
            report.write(dir);
            System.out.println(report.text());
            if (!report.held()) {
                System.err.println("ABUSE RUN FAILED: see target/bench/abuse.txt");
                System.exit(1);
            }
        }
    }

    /** Where the callers aim: the API, the two Cognito endpoints, the hosted UI's form (with a valid query). */
    record Targets(URI api, URI userPool, URI identityPool, URI hostedUi, String login, String clientId) {
        static Targets of(LocalCloud cloud) {
            UserPoolSettings.Client client = cloud.userPool().settings().clients().values().iterator().next();
            String login = "/login?response_type=code&client_id=" + client.clientId() + "&redirect_uri="
                    + URLEncoder.encode(client.oauth().callbackUrls().get(0), StandardCharsets.UTF_8);
            return new Targets(cloud.gateway().baseUri(), cloud.userPool().endpoint(),
                    cloud.identityPool().endpoint(), cloud.userPool().hostedUi().orElseThrow(), login,
                    client.clientId());
        }
    }

    /** One abusive request of each kind: the status it got (0: no answer at all, a failure too). */
    static int send(Targets t, Kind kind) {
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
                case SRP_START_128_CHAR_NAME -> json(t.userPool(), "InitiateAuth", "{\"ClientId\":\"" + t.clientId()
                        + "\",\"AuthFlow\":\"USER_SRP_AUTH\",\"AuthParameters\":{\"USERNAME\":\"" + random(128)
                        + "\",\"SRP_A\":\"" + "ab" + hex(254) + "\"}}");
                case RESET_SEND_128_CHAR_NAME -> json(t.userPool(), "ForgotPassword", "{\"ClientId\":\""
                        + t.clientId() + "\",\"Username\":\"" + random(128) + "\"}");
                case NAME_129_CHARS -> json(t.userPool(), "ForgotPassword", "{\"ClientId\":\"" + t.clientId()
                        + "\",\"Username\":\"" + random(129) + "\"}");
            };
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** A request that declares {@code length} bytes and sends 16 of them; the status of the answer. */
    private static int declared(URI base, String path, long length, String type, String target) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + base.getPort() + "\r\nContent-Type: "
                    + type + "\r\nContent-Length: " + length + "\r\n" + (target == null ? "" : "X-Amz-Target: "
                    + target + "\r\n") + "\r\n0123456789abcdef";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return status(socket.getInputStream());
        }
    }

    /** An AWS JSON call, unsigned, over a raw connection (one per call: nothing is pooled across callers). */
    private static int json(URI endpoint, String operation, String body) throws IOException {
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
            return status(socket.getInputStream());
        }
    }

    private static int status(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            line.append((char) b);
        }
        String[] parts = line.toString().split(" ");
        return parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
    }

    /** Whether {@code name} still signs in with USER_PASSWORD_AUTH after the run: the flood kept nobody out. */
    private static boolean signsIn(Targets t, String name, String password) throws IOException {
        return json(t.userPool(), "InitiateAuth", MAPPER.createObjectNode().put("ClientId", t.clientId())
                .put("AuthFlow", "USER_PASSWORD_AUTH").set("AuthParameters", MAPPER.createObjectNode()
                        .put("USERNAME", name).put("PASSWORD", password)).toString()) == 200;
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
     * The kinds of abuse, each with the statuses its answers may have: 413 for a body over a cap, 400 for a refused
     * sign-in or name, 200 for an SRP challenge or a (simulated) reset delivery, or 400 once the reset quota's table
     * of names is full and refuses names it does not track.
     */
    enum Kind {
        GATEWAY_11MB(413), COGNITO_300KIB(413), IDENTITY_300KIB(413), HOSTED_UI_FORM_20KIB(413),
        PASSWORD_128_CHAR_NAME(400), SRP_START_128_CHAR_NAME(200), RESET_SEND_128_CHAR_NAME(200, 400),
        NAME_129_CHARS(400);

        final List<Integer> expected;

        Kind(Integer... expected) {
            this.expected = List.of(expected);
        }
    }
}
