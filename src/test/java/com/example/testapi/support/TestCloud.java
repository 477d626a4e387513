package com.example.testapi.support;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.example.testapi.local.LocalCloud;
import com.example.testapi.local.LocalUsers;
import com.example.testapi.local.iam.IssuedCredentials;
import com.example.testapi.local.lambda.FunctionBackend;
import com.example.testapi.support.SignedHttp.Signing;

/**
 * A local cloud for a test: template.yaml (or an edited copy) on free ports, a {@link TestClock}, and the test users:
 * alice (FullAccess) and bob (ReadOnlyAccess) from the local users file, carol in no group, dave in both groups.
 * Credentials come from its identity pool, exactly as a caller gets them.
 */
public final class TestCloud implements AutoCloseable {

    public static final String REGION = "us-east-1";
    public static final LocalUsers USERS = withExtras(LocalUsers.load(Path.of(LocalUsers.DEFAULT_FILE)));

    /** For tests that never reach the API: any call to the function fails. */
    public static final FunctionBackend NO_FUNCTION = FunctionBackend.none("no function in this test");

    /** Answers 200 {} to whatever reaches it: for tests of the gateway's own decisions. */
    public static final FunctionBackend ANSWERS_200 = new FunctionBackend() {
        @Override
        public byte[] invoke(byte[] event) {
            return "{\"statusCode\":200,\"headers\":{\"content-type\":\"application/json\"},\"body\":\"{}\"}"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }

        @Override
        public String describe() {
            return "answers 200";
        }
    };

    /** ada's authenticator secret, from the local users file (her TOTP is set up there): tests compute her codes. */
    public static final String ADA_TOTP_SECRET = USERS.users().stream().filter(user -> user.name().equals("ada"))
            .findFirst().orElseThrow().totpSecret();

    public final TestClock clock = new TestClock();
    public final List<String> log = new ArrayList<>();
    public final LocalCloud cloud;

    private TestCloud(LocalCloud.Settings settings, FunctionBackend backend, LocalUsers users) throws IOException {
        this.cloud = LocalCloud.start(settings, backend, users, clock, line -> {
            synchronized (log) {
                log.add(line);
            }
        });
    }

    public static TestCloud start(Path template, FunctionBackend backend) throws IOException {
        return start(template, backend, USERS);
    }

    public static TestCloud start(Path template, FunctionBackend backend, LocalUsers users) throws IOException {
        return new TestCloud(LocalCloud.Settings.of(template, REGION), backend, users);
    }

    /** A cloud started as {@code settings} say (e.g. with the browser app, other parameters, short credentials). */
    public static TestCloud start(LocalCloud.Settings settings, FunctionBackend backend) throws IOException {
        return start(settings, backend, USERS);
    }

    public static TestCloud start(LocalCloud.Settings settings, FunctionBackend backend, LocalUsers users)
            throws IOException {
        return new TestCloud(settings, backend, users);
    }

    /** A fresh sign-in of {@code name} and the identity pool's credentials for it. */
    public IssuedCredentials credentials(String name) {
        LocalUsers.User user = USERS.users().stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
        return cloud.identityPool().credentialsFor(cloud.userPool().settings().providerName(),
                cloud.userPool().signIn(user.name(), user.password()));
    }

    /** Adds {@code user} to {@code group} with the administrator key, as an administrator outside the app would. */
    public void addToGroup(String user, String group) {
        try (var pool = CognitoSdk.userPool(cloud)) {
            pool.adminAddUserToGroup(r -> r.userPoolId(cloud.outputs().get("UserPoolId")).username(user)
                    .groupName(group));
        }
    }

    public static Signing signing(IssuedCredentials credentials) {
        return Signing.of(credentials.accessKeyId(), credentials.secretKey(), credentials.sessionToken(), REGION);
    }

    public URI api(String pathAndQuery) {
        return cloud.gateway().baseUri().resolve(pathAndQuery);
    }

    private static LocalUsers withExtras(LocalUsers defaults) {
        List<LocalUsers.User> users = new ArrayList<>(defaults.users());
        users.add(new LocalUsers.User("carol", "Carol-Local-Passw0rd!", List.of()));
        users.add(new LocalUsers.User("dave", "Dave-Local-Passw0rd!", List.of("ReadOnlyAccess", "FullAccess")));
        return new LocalUsers(List.copyOf(users));
    }

    @Override
    public void close() {
        cloud.close();
    }
}
