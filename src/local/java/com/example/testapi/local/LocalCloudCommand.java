package com.example.testapi.local;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import com.example.testapi.local.LocalCloud.Ports;
import com.example.testapi.local.lambda.FunctionBackend;
import com.example.testapi.local.lambda.MockEventServerBackend;
import com.example.testapi.local.lambda.PackagedFunction;

/**
 * The command behind {@code ./mvnw -Plocal} ({@link LocalCloud#main}): reads the {@code -Dlocal.*} options, starts the
 * packaged function (or points at a Quarkus dev server) and the cloud, writes target/local/stack.json and prints the
 * banner. A start that fails prints one line, stops what it started and exits with 1.
 */
final class LocalCloudCommand {

    private LocalCloudCommand() {
    }

    static void run() throws Exception {
        String region = System.getProperty("local.region", "us-east-1");
        String usersChoice = System.getProperty("local.users", LocalUsers.DEFAULT_FILE);
        Path templateFile = Path.of(System.getProperty("local.template", "template.yaml"));
        String backendChoice = System.getProperty("local.backend", "zip");
        Ports ports = new Ports(Integer.getInteger("local.port", 3000), Integer.getInteger("local.user-pool-port", 3001),
                Integer.getInteger("local.identity-pool-port", 3002), Integer.getInteger("local.web-port", 8080),
                Integer.getInteger("local.hosted-ui-port", 3003));
        Path webApp = Path.of(System.getProperty("local.web", "target/web"));

        FunctionBackend backend = null;
        LocalCloud cloud = null;
        LocalUsers users;
        Path stackFile = Path.of("target", "local", "stack.json");
        try {
            // "none": an empty user pool, to create users with the admin API as in AWS.
            users = usersChoice.equals("none") ? new LocalUsers(java.util.List.of())
                    : LocalUsers.load(Path.of(usersChoice));
            backend = backendChoice.equals("zip") ? startPackaged()
                    : new MockEventServerBackend(URI.create(backendChoice));
            cloud = LocalCloud.start(settings(templateFile, region, ports, webApp, backendChoice), backend, users,
                    Clock.systemUTC(), System.out::println);
            cloud.writeDescribeStacks(stackFile);
        } catch (Exception | LinkageError e) {
            // One line and a failed exit, not a stack trace and half a cloud: what started is stopped first.
            if (cloud != null) {
                cloud.close();
            }
            if (backend != null) {
                backend.close();
            }
            String why = e.getMessage() != null ? e.getMessage() : e.toString();
            System.err.println("The local cloud did not start: " + why
                    + (why.contains("function") ? " (the function's own output is above)" : ""));
            System.exit(1);
            return;
        }
        FunctionBackend started = backend;
        LocalCloud running = cloud;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            started.close();
            stopped.countDown();
        }));
        System.out.println(Banner.text(running, templateFile, usersChoice, stackFile, started, users));
        stopped.await();
    }

    private static LocalCloud.Settings settings(Path templateFile, String region, Ports ports, Path webApp,
            String backendChoice) {
        Map<String, String> parameters = new LinkedHashMap<>(); // -Dlocal.parameter.NAME=value, as --parameter-overrides
        System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith("local.parameter."))
                .forEach(n -> parameters.put(n.substring("local.parameter.".length()), System.getProperty(n)));
        return LocalCloud.Settings.of(templateFile, region).withPorts(ports).withParameters(parameters)
                .withWebApp(Files.isDirectory(webApp) ? webApp : null)
                .withRefusalCors(Boolean.parseBoolean(System.getProperty("local.gateway-refusal-cors", "false")))
                // With the packaged function, the packaged trigger too; with quarkus:dev, both from classes.
                .withPackagedTriggers(backendChoice.equals("zip"));
    }

    private static FunctionBackend startPackaged() throws Exception {
        PackagedFunction function = PackagedFunction.start(
                PackagedFunction.Launch.of(Path.of("target", "function.zip"), Path.of("target", "local-api")));
        try {
            function.awaitReady(Duration.ofSeconds(60));
        } catch (Exception e) {
            function.close();
            throw e;
        }
        return function;
    }
}
