package com.example.testapi.local.userpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import com.example.testapi.local.LocalCloud;
import com.example.testapi.support.CognitoSdk;
import com.example.testapi.support.TestCloud;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
/**
 * One local cloud for a class of user-pool tests through the AWS SDK for Java v2, and the steps they share: a user of
 * their own per test, SRP and password sign-in, refresh, and asserting a refusal's type and message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UserPoolCase {

    TestCloud cloud;
    CognitoIdentityProviderClient sdk;
    String poolId;
    String clientId;

    @BeforeAll
    void start() throws Exception {
        cloud = TestCloud.start(settings(), TestCloud.NO_FUNCTION);
        sdk = CognitoSdk.userPool(cloud.cloud);
        poolId = cloud.cloud.userPool().settings().poolId();
        clientId = cloud.cloud.outputs().get("UserPoolClientId");
    }

    /** The template the class's cloud runs. */
    Path template() throws IOException {
        return Path.of("template.yaml");
    }

    /** The cloud a class starts: its template as it is, unless a class needs a parameter. */
    LocalCloud.Settings settings() throws IOException {
        return LocalCloud.Settings.of(template(), TestCloud.REGION);
    }

    /** Each test starts on real time: a test that moves the clock does not move it for the next. */
    @AfterEach
    void realTime() {
        cloud.clock.reset();
    }

    @AfterAll
    void stop() {
        sdk.close();
        cloud.close();
    }

    /** A user of their own per test, with a permanent password and a verified email. */
    String newUser(String name, String password) {
        cloud.cloud.userPool().createUser(name, password, List.of("ReadOnlyAccess"), name + "@example.com");
        return name;
    }

    RespondToAuthChallengeResponse srpSignIn(String username, String password) {
        SrpClient client = new SrpClient();
        Map<String, String> challenge = srpChallenge(client, username);
        return sdk.respondToAuthChallenge(r -> r.clientId(clientId).challengeName(ChallengeNameType.PASSWORD_VERIFIER)
                .challengeResponses(client.respond(poolId, challenge, password)));
    }

    /** The PASSWORD_VERIFIER challenge's parameters for USER_SRP_AUTH of {@code username}, begun by {@code client}. */
    Map<String, String> srpChallenge(SrpClient client, String username) {
        InitiateAuthResponse challenge = sdk.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_SRP_AUTH)
                .authParameters(Map.of("USERNAME", username, "SRP_A", client.srpA())));
        assertEquals(ChallengeNameType.PASSWORD_VERIFIER, challenge.challengeName());
        return challenge.challengeParameters();
    }

    AuthenticationResultType passwordSignIn(String username, String password) {
        return sdk.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password))).authenticationResult();
    }

    AuthenticationResultType refresh(String refreshToken) {
        return sdk.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", refreshToken))).authenticationResult();
    }

    static void assertRefused(Class<? extends AwsServiceException> type, String message, Runnable call) {
        AwsServiceException refused = assertThrows(type, call::run);
        assertEquals(message, refused.awsErrorDetails().errorMessage());
    }
}
