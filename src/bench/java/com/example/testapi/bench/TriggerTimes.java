package com.example.testapi.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.example.testapi.local.LocalCloud;
import com.example.testapi.local.LocalUsers;
import com.example.testapi.local.iam.IssuedCredentials;
import com.example.testapi.local.lambda.FunctionBackend;
import com.example.testapi.local.lambda.PackagedFunction;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the token trigger costs a sign-in, measured on the packaged zip as Lambda's Java runtime runs it on demand
 * (the runtime's C1-only flags; deployed it runs with SnapStart, which restores instead): per launch, the init (JVM
 * start to the runtime's first poll, the SDK client made in the constructor) and the first invocation; then warm
 * invocations of three kinds: a user outside Admins (no call), an administrator with TOTP (AdminGetUser), and one
 * without (AdminGetUser and AdminListGroupsForUser), against the local user pool on this machine. Cognito waits 5 s
 * for a trigger. {@code ./mvnw -Ptrigger-times package} ({@code -Dtrigger.launches}, {@code -Dtrigger.warm}),
 * reported in target/bench/trigger-times.json.
 */
public final class TriggerTimes {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String REGION = "us-east-1";
    private static final String HANDLER = "com.example.testapi.trigger.AdminMfaGate::handleRequest";

    private TriggerTimes() {
    }

    public static void main(String[] args) throws Exception {
        int launches = Integer.getInteger("trigger.launches", 5);
        int warm = Integer.getInteger("trigger.warm", 200);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("command", "./mvnw -Ptrigger-times package -Dtrigger.launches=" + launches + " -Dtrigger.warm="
                + warm);
        report.put("machine", Machine.describe());
        report.put("jdk", System.getProperty("java.version"));
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        report.put("loadAverageAtStart", os.getSystemLoadAverage());
        FunctionBackend none = FunctionBackend.none("the trigger benchmark calls no API function");
        try (LocalCloud cloud = LocalCloud.start(LocalCloud.Settings.of(Path.of("template.yaml"), REGION), none,
                new LocalUsers(List.of()), Clock.systemUTC(), line -> { })) {
            cloud.userPool().createUser("reader", "Reader-Str0ng-Passw0rd!", List.of("ReadOnlyAccess"), null);
            cloud.userPool().createUser("admin-totp", "Admin-Str0ng-Passw0rd!", List.of("Admins"), null,
                    "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSW");
            cloud.userPool().createUser("admin-no-totp", "Admin-Str0ng-Passw0rd!", List.of("Admins", "FullAccess"),
                    null);
            String pool = cloud.userPool().settings().poolId();
            Map<String, byte[]> events = new LinkedHashMap<>();
            events.put("outsideAdmins", event(pool, "reader", List.of("ReadOnlyAccess")));
            events.put("adminWithTotp", event(pool, "admin-totp", List.of("Admins")));
            events.put("adminWithoutTotp", event(pool, "admin-no-totp", List.of("Admins", "FullAccess")));
            String role = cloud.account().resolve(Map.of("Fn::GetAtt", List.of("TokenTriggerRole", "Arn")));
            List<Double> inits = new ArrayList<>();
            List<Double> firsts = new ArrayList<>();
            Map<String, List<Double>> warmTimes = new LinkedHashMap<>();
            events.keySet().forEach(kind -> warmTimes.put(kind, new ArrayList<>()));
            for (int launch = 0; launch < launches; launch++) {
                IssuedCredentials keys = cloud.credentials().issue(role, null, null, List.of(), Duration.ofHours(1))
                        .orElseThrow();
                try (PackagedFunction trigger = PackagedFunction.start(PackagedFunction.Launch.of(
                        Path.of("target", "token-trigger.zip"), Path.of("target", "bench", "trigger"))
                        .withHandler(HANDLER, List.of()).withLog(Path.of("target", "bench", "trigger.log").toFile())
                        .withEnvironment(Map.of("AWS_REGION", REGION, "AWS_ACCESS_KEY_ID", keys.accessKeyId(),
                                "AWS_SECRET_ACCESS_KEY", keys.secretKey(), "AWS_SESSION_TOKEN", keys.sessionToken(),
                                "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", cloud.userPool().endpoint().toString())))) {
                    Instant ready = trigger.awaitReady(Duration.ofSeconds(60));
                    inits.add(Duration.between(trigger.launchedAt(), ready).toNanos() / 1e6);
                    firsts.add(timed(trigger, events.get("adminWithTotp")));
                    for (int i = 0; i < warm; i++) {
                        for (Map.Entry<String, byte[]> kind : events.entrySet()) {
                            warmTimes.get(kind.getKey()).add(timed(trigger, kind.getValue()));
                        }
                    }
                }
            }
            report.put("launches", launches);
            report.put("initMs", summary(inits));
            report.put("firstInvocationMs", summary(firsts));
            Map<String, Object> warmReport = new LinkedHashMap<>();
            warmTimes.forEach((kind, times) -> warmReport.put(kind, summary(times)));
            report.put("warmInvocationsEachKind", launches * warm);
            report.put("warmMs", warmReport);
        }
        report.put("loadAverageAtEnd", os.getSystemLoadAverage());
        Path out = Path.of("target/bench/trigger-times.json");
        Files.createDirectories(out.getParent());
        MAPPER.enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), report);
        System.out.println(Files.readString(out));
    }

    /** A V1_0 event for {@code user} in {@code groups}, as events/pre-token-generation.json shows one. */
    private static byte[] event(String pool, String user, List<String> groups) throws Exception {
        ObjectNode event = (ObjectNode) MAPPER.readTree(Path.of("events", "pre-token-generation.json").toFile());
        event.put("userPoolId", pool).put("userName", user);
        ObjectNode configuration = (ObjectNode) event.path("request").path("groupConfiguration");
        groups.forEach(configuration.putArray("groupsToOverride")::add);
        return MAPPER.writeValueAsBytes(event);
    }

    private static double timed(PackagedFunction trigger, byte[] event) throws Exception {
        long start = System.nanoTime();
        byte[] answer = trigger.invoke(event);
        double ms = (System.nanoTime() - start) / 1e6;
        if (!MAPPER.readTree(answer).has("response")) {
            throw new IllegalStateException("the trigger answered no event: " + new String(answer));
        }
        return ms;
    }

    private static Map<String, Object> summary(List<Double> times) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("median", round(Figures.percentile(times, 50)));
        figures.put("p99", round(Figures.percentile(times, 99)));
        figures.put("max", round(times.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
        return figures;
    }

    private static double round(double ms) {
        return Math.round(ms * 100) / 100.0;
    }
}
