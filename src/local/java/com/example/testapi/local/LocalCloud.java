package com.example.testapi.local;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import com.example.testapi.local.gateway.LocalFrontDoor;
import com.example.testapi.local.gateway.LocalUsers;
import com.example.testapi.local.lambda.FunctionBackend;
import com.example.testapi.local.lambda.MockEventServerBackend;
import com.example.testapi.local.lambda.PackagedFunction;


/**
 * The whole API on this machine: the function (packaged {@code target/function.zip}, in-memory store) behind the
 * local front door that enforces IAM from template.yaml. Started by {@code ./mvnw -Plocal package}.
 *
 * <p>System properties: {@code local.port} (3000), {@code local.region} (us-east-1), {@code local.users}
 * ({@value LocalUsers#DEFAULT_FILE}), {@code local.template} (template.yaml), {@code local.backend}: {@code zip}
 * (default) or the URL of a running mock event server, e.g. {@code http://localhost:8080/_lambda_} of
 * {@code ./mvnw quarkus:dev} for hot reload.
 */
public final class LocalCloud {

    private LocalCloud() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.getInteger("local.port", 3000);
        String region = System.getProperty("local.region", "us-east-1");
        Path usersFile = Path.of(System.getProperty("local.users", LocalUsers.DEFAULT_FILE));
        Path templateFile = Path.of(System.getProperty("local.template", "template.yaml"));
        String backendChoice = System.getProperty("local.backend", "zip");

        LocalAccount account = LocalAccount.defaults(region);
        LocalUsers users = LocalUsers.load(usersFile);
        FunctionBackend backend = backendChoice.equals("zip") ? startPackaged() : new MockEventServerBackend(URI.create(backendChoice));
        LocalFrontDoor door = LocalFrontDoor.create(templateFile, account, users, backend, port,
                line -> System.out.println("[front door] " + line));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            door.close();
            backend.close();
            stopped.countDown();
        }));
        System.out.println(Banner.text(door.baseUri(), region, templateFile, usersFile, backend, users, door.access()));
        stopped.await();
    }

    private static FunctionBackend startPackaged() throws Exception {
        PackagedFunction function = PackagedFunction.start(
                PackagedFunction.Launch.of(Path.of("target", "function.zip"), Path.of("target", "local-api")));
        function.awaitReady(Duration.ofSeconds(60));
        return function;
    }
}
