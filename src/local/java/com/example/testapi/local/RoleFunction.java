package com.example.testapi.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.example.testapi.local.iam.CredentialsStore;
import com.example.testapi.local.iam.IssuedCredentials;
import com.example.testapi.local.lambda.FunctionBackend;
import com.example.testapi.local.lambda.InProcessHandler;
import com.example.testapi.local.lambda.PackagedFunction;
import com.example.testapi.local.template.LocalAccount;
import com.example.testapi.local.template.SamTemplate;

/**
 * A function of template.yaml with a written-out execution role, run from what the template says of it: its handler,
 * its zip (packaged: on the runtime interface client, as Lambda runs it) or its class on the class path (in-process),
 * its environment, and credentials the local STS issues for its role, so IAM decides its calls to the local Cognito
 * services as it decides everyone's. Its endpoint for Cognito is this cloud's user pool.
 */
final class RoleFunction implements FunctionBackend {

    /**
     * How long the function's credentials last. Lambda gives each execution environment its own; when they are gone
     * (expired, or expired by a test), the next invocation runs in a new environment with new ones, as Lambda would.
     */
    static final Duration CREDENTIALS_LIFETIME = Duration.ofHours(12);

    private final String function;
    private final String handler;
    private final Path zip;
    private final String roleArn;
    private final Map<String, String> environment;
    private final CredentialsStore credentials;
    // Guarded by this: the running environment, the key it was given, and environments replaced since, which may
    // still be answering an invocation begun before: closed with the cloud, not while in use.
    private FunctionBackend backend;
    private String accessKeyId;
    private final List<FunctionBackend> retired = new ArrayList<>();

    private RoleFunction(String function, String handler, Path zip, String roleArn, Map<String, String> environment,
            CredentialsStore credentials) {
        this.function = function;
        this.handler = handler;
        this.zip = zip;
        this.roleArn = roleArn;
        this.environment = environment;
        this.credentials = credentials;
    }

    /**
     * The template's {@code function}, started now (a function that cannot start fails here, when the cloud starts).
     * {@code packaged} false runs its handler class from the class path instead of its zip.
     */
    static RoleFunction start(SamTemplate template, LocalAccount account, String function, Path templateDir,
            String userPoolEndpoint, CredentialsStore credentials, boolean packaged) throws IOException {
        Map<String, Object> properties = template.properties(function);
        Map<String, Object> globals = SamTemplate.map(SamTemplate.map(template.root(), "Globals"), "Function");
        if (properties.get("Role") == null) {
            throw new IllegalArgumentException(function + ": the local cloud issues credentials for a Role written out"
                    + " in template.yaml (Role: !GetAtt SomeRole.Arn), not for one SAM generates");
        }
        Map<String, String> environment = new LinkedHashMap<>();
        SamTemplate.map(SamTemplate.map(properties, "Environment"), "Variables")
                .forEach((name, value) -> environment.put(name, account.resolve(value)));
        environment.put("AWS_REGION", account.region());
        environment.put("AWS_DEFAULT_REGION", account.region());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", account.resolve(Map.of("Ref", function)));
        environment.put("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", userPoolEndpoint);
        Path zip = packaged ? templateDir.resolve(account.resolve(properties.getOrDefault("CodeUri",
                globals.get("CodeUri")))) : null;
        if (zip != null && !Files.isRegularFile(zip)) {
            throw new IllegalStateException(function + "'s code " + zip + " is missing: build it with ./mvnw package");
        }
        RoleFunction started = new RoleFunction(function,
                account.resolve(properties.getOrDefault("Handler", globals.get("Handler"))), zip,
                account.resolve(properties.get("Role")), Map.copyOf(environment), credentials);
        try {
            started.running();
        } catch (IOException | RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    @Override
    public byte[] invoke(byte[] event) throws Exception {
        return running().invoke(event);
    }

    /** The running environment; a new one when its credentials are gone. */
    private synchronized FunctionBackend running() throws IOException {
        if (backend != null && credentials.byAccessKey(accessKeyId).isPresent()) {
            return backend;
        }
        if (backend != null) {
            retired.add(backend);
        }
        IssuedCredentials issued = credentials.issue(roleArn, null, null, List.of(), CREDENTIALS_LIFETIME)
                .orElseThrow(() -> new IllegalStateException("no room for " + function + "'s credentials"));
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("AWS_ACCESS_KEY_ID", issued.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", issued.secretKey());
        env.put("AWS_SESSION_TOKEN", issued.sessionToken());
        backend = zip == null ? InProcessHandler.load(handler, env) : packaged(env);
        accessKeyId = issued.accessKeyId();
        return backend;
    }

    private FunctionBackend packaged(Map<String, String> env) throws IOException {
        PackagedFunction started = PackagedFunction.start(PackagedFunction.Launch.of(zip, Path.of("target",
                "local-" + function)).withHandler(handler, List.of()).withEnvironment(env));
        try {
            started.awaitReady(Duration.ofSeconds(60));
        } catch (Exception e) {
            started.close();
            throw new IllegalStateException(function + " did not start from " + zip + ": " + e.getMessage(), e);
        }
        return started;
    }

    @Override
    public synchronized String describe() {
        return function + ": " + (backend == null ? "not running" : backend.describe());
    }

    @Override
    public synchronized void close() {
        retired.forEach(FunctionBackend::close);
        if (backend != null) {
            backend.close();
        }
    }
}
