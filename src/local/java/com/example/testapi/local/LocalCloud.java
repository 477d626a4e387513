package com.example.testapi.local;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import com.example.testapi.local.gateway.LocalFrontDoor;
import com.example.testapi.local.gateway.TemplateAccess;
import com.example.testapi.local.iam.AdminApiCallers;
import com.example.testapi.local.iam.CredentialsStore;
import com.example.testapi.local.iam.RolePolicies;
import com.example.testapi.local.iam.SigningKeys;
import com.example.testapi.local.identitypool.IdentityPoolSettings;
import com.example.testapi.local.identitypool.LocalIdentityPool;
import com.example.testapi.local.lambda.FunctionBackend;
import com.example.testapi.local.lambda.MockEventServerBackend;
import com.example.testapi.local.lambda.PackagedFunction;
import com.example.testapi.local.template.LocalAccount;
import com.example.testapi.local.template.SamTemplate;
import com.example.testapi.local.userpool.LocalUserPool;
import com.example.testapi.local.userpool.UserPoolSettings;
import com.example.testapi.local.web.WebAppServer;

/**
 * The whole stack of template.yaml on this machine: the user pool, the identity pool and the HTTP API gateway with
 * IAM enforced, in front of the function. Started by {@code ./mvnw -Plocal}; tests start it with their own back end,
 * clock and free ports.
 *
 * <p>System properties of {@link #main}: {@code local.port} (3000, the API), {@code local.user-pool-port} (3001),
 * {@code local.identity-pool-port} (3002), {@code local.hosted-ui-port} (3003, only with a hosted-UI domain),
 * {@code local.web-port} (8080, the browser app of {@code local.web},
 * default target/web), {@code local.parameter.NAME} (template parameters), {@code local.region} (us-east-1), {@code local.users}
 * ({@value LocalUsers#DEFAULT_FILE}, or {@code none}), {@code local.template} (template.yaml), {@code local.backend}: {@code zip}
 * (default) or the URL of a running mock event server, e.g. {@code http://localhost:8081/_lambda_} of
 * {@code ./mvnw quarkus:dev -Dquarkus.lambda.mock-event-server.dev-port=8081} for hot reload (8080 is the app's); {@code local.gateway-refusal-cors} (false: the gateway's own refusals
 * carry no CORS headers; true: they do).
 */
public final class LocalCloud implements AutoCloseable {

    /** Loopback ports; 0 picks a free one. */
    public record Ports(int gateway, int userPool, int identityPool, int webApp, int hostedUi) {
        public static final Ports ANY = new Ports(0, 0, 0, 0, 0);
    }

    /**
     * How to start: the template and its parameter overrides (as {@code sam deploy --parameter-overrides}), the
     * region, the ports, the lifetime of issued credentials, the built browser app to serve (null: none), and whether
     * the gateway's own refusals carry CORS headers (false by default: see {@link LocalFrontDoor}).
     */
    public record Settings(Path template, Map<String, String> parameters, String region, Ports ports,
            Duration credentialsLifetime, Path webApp, boolean refusalCors, boolean packagedTriggers) {

        public static Settings of(Path template, String region) {
            return new Settings(template, Map.of(), region, Ports.ANY, LocalIdentityPool.CREDENTIALS_LIFETIME, null,
                    false, false);
        }

        public Settings withParameters(Map<String, String> values) {
            return new Settings(template, values, region, ports, credentialsLifetime, webApp, refusalCors,
                    packagedTriggers);
        }

        public Settings withPorts(Ports values) {
            return new Settings(template, parameters, region, values, credentialsLifetime, webApp, refusalCors,
                    packagedTriggers);
        }

        public Settings withCredentialsLifetime(Duration value) {
            return new Settings(template, parameters, region, ports, value, webApp, refusalCors, packagedTriggers);
        }

        public Settings withWebApp(Path builtApp) {
            return new Settings(template, parameters, region, ports, credentialsLifetime, builtApp, refusalCors,
                    packagedTriggers);
        }

        public Settings withRefusalCors(boolean value) {
            return new Settings(template, parameters, region, ports, credentialsLifetime, webApp, value,
                    packagedTriggers);
        }

        /**
         * true: the functions with a role of their own (the user pool's trigger, the administration function) run
         * from their zips (built by package) with credentials for that role; false: the trigger from the class path,
         * and the API's functions all on the given back end.
         */
        public Settings withPackagedTriggers(boolean value) {
            return new Settings(template, parameters, region, ports, credentialsLifetime, webApp, refusalCors, value);
        }
    }

    private final SamTemplate template;
    private final LocalAccount account;
    private final LocalUserPool userPool;
    private final LocalIdentityPool identityPool;
    private final LocalFrontDoor gateway;
    private final CredentialsStore credentials;
    private LocalTriggers triggers; // null until started: a start that fails closes what it opened
    private ApiFunctions apiFunctions; // set once started
    private WebAppServer webApp;

    private LocalCloud(SamTemplate template, LocalAccount account, LocalUserPool userPool,
            LocalIdentityPool identityPool, LocalFrontDoor gateway, CredentialsStore credentials) {
        this.template = template;
        this.account = account;
        this.userPool = userPool;
        this.identityPool = identityPool;
        this.gateway = gateway;
        this.credentials = credentials;
    }

    /** Starts the services of the template (and the browser app, when given), and creates {@code users}. */
    public static LocalCloud start(Settings settings, FunctionBackend backend, LocalUsers users, Clock clock,
            Consumer<String> log) throws IOException {
        SamTemplate template = SamTemplate.load(settings.template());
        LocalAccount account = LocalAccount.forTemplate(settings.region(), template, settings.parameters());
        Ports ports = settings.ports();
        CredentialsStore credentials = new CredentialsStore(clock);
        // The browser pages the template lets call the API may call the local Cognito services too; no others.
        TemplateAccess access = TemplateAccess.of(template, account); // routes and CORS: read once
        RolePolicies policies = RolePolicies.from(template, account); // what each role may call
        Set<String> origins = Set.copyOf(access.cors().allowOrigins());
        LocalUserPool userPool = new LocalUserPool(UserPoolSettings.from(template, account), ports.userPool(),
                ports.hostedUi(), origins, clock, line -> log.accept("[user pool] " + line));
        LocalIdentityPool identityPool = new LocalIdentityPool(IdentityPoolSettings.from(template, account), userPool,
                credentials, ports.identityPool(), origins, clock, settings.credentialsLifetime(),
                line -> log.accept("[identity pool] " + line));
        // Signed calls (the admin API, the gateway) are checked against the keys this cloud knows, as IAM does:
        // the one administrator key and the identity pool's credentials.
        SigningKeys keys = new SigningKeys(credentials);
        userPool.adminCallers(new AdminApiCallers(keys, policies, account, clock));
        ApiFunctions functions = new ApiFunctions(backend);
        LocalFrontDoor gateway = LocalFrontDoor.create(access, policies, keys, functions, ports.gateway(),
                settings.refusalCors(), clock, line -> log.accept("[gateway] " + line));
        LocalCloud cloud = new LocalCloud(template, account, userPool, identityPool, gateway, credentials);
        cloud.apiFunctions = functions;
        Path templateDir = settings.template().toAbsolutePath().getParent();
        try {
            cloud.triggers = LocalTriggers.start(template, account, templateDir, userPool, credentials,
                    settings.packagedTriggers());
            if (settings.packagedTriggers()) {
                // An API function with a role of its own (the administration function) runs apart, from its zip,
                // with that role's credentials: what the template gives it, and nothing the other functions have.
                functions.startApart(template, account, templateDir, userPool.endpoint().toString(), credentials);
            }
            if (settings.webApp() != null) {
                Map<String, String> outputs = cloud.outputs();
                List<String> connectTo = java.util.stream.Stream.of("ApiUrl", "CognitoIdpEndpoint",
                        "CognitoIdentityEndpoint", "HostedUiUrl").map(outputs::get)
                        .filter(java.util.Objects::nonNull).toList();
                cloud.webApp = new WebAppServer(settings.webApp(), cloud.webConfig(), ports.webApp(), connectTo);
            }
            users.users().forEach(user -> userPool.createUser(user.name(), user.password(), user.groups(),
                    user.email(), user.totpSecret()));
        } catch (IOException | RuntimeException e) {
            cloud.close(); // a start that fails leaves nothing running: no port, no function process
            throw e;
        }
        return cloud;
    }

    /** The browser app's {@code config.json} for this cloud (the same fields the hosted app's one has). */
    public String webConfig() {
        return WebAppServer.config(account.region(), outputs());
    }

    /** The browser app's URL; null when it is not served. */
    public URI webAppUri() {
        return webApp == null ? null : webApp.uri();
    }

    public LocalUserPool userPool() {
        return userPool;
    }

    public LocalIdentityPool identityPool() {
        return identityPool;
    }

    public LocalFrontDoor gateway() {
        return gateway;
    }

    /** Every credential the identity pool issued: what the gateway accepts. */
    public CredentialsStore credentials() {
        return credentials;
    }

    public LocalAccount account() {
        return account;
    }

    /**
     * The Outputs a deployed stack of this template has, with the local API's URL, plus where the two Cognito
     * services listen ({@code CognitoIdpEndpoint}, {@code CognitoIdentityEndpoint}). An output under a condition is
     * there when its condition holds, as in AWS; {@code HostedUiUrl} is the local hosted UI's.
     */
    public Map<String, String> outputs() {
        Map<String, String> outputs = new LinkedHashMap<>();
        SamTemplate.map(template.root(), "Outputs").forEach((key, value) -> {
            Map<String, Object> output = SamTemplate.object(value);
            Object condition = output.get("Condition");
            if (condition == null || account.conditions().getOrDefault(String.valueOf(condition), false)) {
                outputs.put(key, account.resolve(output.get("Value")));
            }
        });
        userPool.hostedUi().ifPresent(uri -> outputs.put("HostedUiUrl", uri.toString()));
        outputs.put("ApiUrl", gateway.baseUri().toString());
        outputs.put("CognitoIdpEndpoint", userPool.endpoint().toString());
        outputs.put("CognitoIdentityEndpoint", identityPool.endpoint().toString());
        return outputs;
    }

    /** Writes {@link #outputs()} in the shape of {@code aws cloudformation describe-stacks --output json}. */
    public void writeDescribeStacks(Path file) {
        DescribeStacks.write(account.stackName(), outputs(), file);
    }

    @Override
    public void close() {
        // The function processes first: they are what would outlive this JVM if a later close failed.
        if (apiFunctions != null) {
            apiFunctions.close();
        }
        if (triggers != null) {
            triggers.close();
        }
        if (webApp != null) {
            webApp.close();
        }
        gateway.close();
        identityPool.close();
        userPool.close();
    }

    /** What runs the API functions that have a role of their own (for the banner); empty when none runs apart. */
    public List<String> apiFunctionDescriptions() {
        return apiFunctions.describeApart();
    }

    /** What runs the user pool's trigger (for the banner); null without one. */
    public String triggerDescription() {
        return triggers.describe();
    }

    /** {@code ./mvnw -Plocal}: {@link LocalCloudCommand}. */
    public static void main(String[] args) throws Exception {
        LocalCloudCommand.run();
    }
}
