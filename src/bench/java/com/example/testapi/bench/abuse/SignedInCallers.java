package com.example.testapi.bench.abuse;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;

import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.example.testapi.local.LocalCloud;
import com.example.testapi.local.LocalUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The abuse a caller with a password can add: MFA challenges started and never answered (ada's password, no code),
 * and identity-pool credentials asked for again and again with one ID token (alice's). Afterwards ada completes a
 * sign-in with her code, which needs the token trigger, and so the trigger's own credentials: neither flood may keep
 * an administrator out.
 */
final class SignedInCallers {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String IDP = "AWSCognitoIdentityProviderService.";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI userPool;
    private final URI identityPool;
    private final String clientId;
    private final LocalUsers.User ada;
    private final String getCredentials;

    private SignedInCallers(LocalCloud cloud, String clientId, LocalUsers.User ada, String getCredentials) {
        this.userPool = cloud.userPool().endpoint();
        this.identityPool = cloud.identityPool().endpoint();
        this.clientId = clientId;
        this.ada = ada;
        this.getCredentials = getCredentials;
    }

    /** Signs alice in and gets her identity id once: the flood then repeats only GetCredentialsForIdentity. */
    static SignedInCallers start(LocalCloud cloud, String clientId, LocalUsers users) throws Exception {
        SignedInCallers callers = new SignedInCallers(cloud, clientId, user(users, "ada"), null);
        LocalUsers.User alice = user(users, "alice");
        String idToken = callers.passwordSignIn(alice).path("AuthenticationResult").path("IdToken").asText();
        ObjectNode logins = MAPPER.createObjectNode().put(cloud.userPool().settings().providerName(), idToken);
        ObjectNode getId = MAPPER.createObjectNode().put("IdentityPoolId", cloud.outputs().get("IdentityPoolId"));
        getId.set("Logins", logins);
        String identityId = MAPPER.readTree(callers.call(callers.identityPool, "AWSCognitoIdentityService.GetId",
                getId.toString()).body()).path("IdentityId").asText();
        ObjectNode credentials = MAPPER.createObjectNode().put("IdentityId", identityId);
        credentials.set("Logins", logins);
        return new SignedInCallers(cloud, clientId, callers.ada, credentials.toString());
    }

    /** ada's password sign-in: a SOFTWARE_TOKEN_MFA challenge the flood never answers. */
    String mfaChallenge() throws IOException, InterruptedException {
        return status(call(userPool, IDP + "InitiateAuth", passwordAuth(ada)));
    }

    /** GetCredentialsForIdentity with alice's ID token. */
    String credentials() throws IOException, InterruptedException {
        return status(call(identityPool, "AWSCognitoIdentityService.GetCredentialsForIdentity", getCredentials));
    }

    /** After the floods: ada answers a fresh challenge with her code and gets Admins (the trigger ran). */
    boolean administratorSignsIn() throws Exception {
        JsonNode challenge = passwordSignIn(ada);
        ObjectNode answer = MAPPER.createObjectNode().put("ClientId", clientId)
                .put("ChallengeName", "SOFTWARE_TOKEN_MFA").put("Session", challenge.path("Session").asText());
        answer.putObject("ChallengeResponses").put("USERNAME", ada.name()).put("SOFTWARE_TOKEN_MFA_CODE",
                code(ada.totpSecret()));
        HttpResponse<String> tokens = call(userPool, IDP + "RespondToAuthChallenge", answer.toString());
        String idToken = MAPPER.readTree(tokens.body()).path("AuthenticationResult").path("IdToken").asText();
        if (tokens.statusCode() != 200 || idToken.split("\\.").length != 3) {
            return false;
        }
        JsonNode claims = MAPPER.readTree(Base64.getUrlDecoder().decode(idToken.split("\\.")[1]));
        return claims.path("cognito:groups").toString().contains("\"Admins\"");
    }

    private JsonNode passwordSignIn(LocalUsers.User user) throws IOException, InterruptedException {
        return MAPPER.readTree(call(userPool, IDP + "InitiateAuth", passwordAuth(user)).body());
    }

    private String passwordAuth(LocalUsers.User user) {
        ObjectNode body = MAPPER.createObjectNode().put("ClientId", clientId).put("AuthFlow", "USER_PASSWORD_AUTH");
        body.putObject("AuthParameters").put("USERNAME", user.name()).put("PASSWORD", user.password());
        return body.toString();
    }

    private HttpResponse<String> call(URI endpoint, String target, String body)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .header("content-type", "application/x-amz-json-1.1").header("x-amz-target", target)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** "STATUS", or "STATUS TYPE" for an AWS JSON error, as the raw callers report it. */
    private static String status(HttpResponse<String> response) {
        return response.statusCode() + response.headers().firstValue("x-amzn-errortype")
                .map(type -> " " + type.replace(":", "")).orElse("");
    }

    private static String code(String base32Secret) throws InvalidKeyException {
        TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator();
        return String.format(Locale.ROOT, "%06d", totp.generateOneTimePassword(
                new SecretKeySpec(new Base32().decode(base32Secret), totp.getAlgorithm()), Instant.now()));
    }

    private static LocalUsers.User user(LocalUsers users, String name) {
        return users.users().stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
    }
}
