package com.example.testapi.local.userpool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.example.testapi.support.SignedHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Raw JSON, as no SDK would send it, to the open operations of the local Cognito services over HTTP: each answer is
 * the one the service model calls for, given before the operation runs, and nothing a user has is touched.
 */
class RawInputTest extends UserPoolCase {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonNode call(URI endpoint, String target, String body, int status) throws Exception {
        HttpResponse<String> answer = SignedHttp.send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-amz-json-1.1").header("X-Amz-Target", target)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(status, answer.statusCode(), answer::body);
        return MAPPER.readTree(answer.body());
    }

    private JsonNode idp(String operation, String body) throws Exception {
        return call(cloud.cloud.userPool().endpoint(), "AWSCognitoIdentityProviderService." + operation, body, 400);
    }

    @Test
    void forgotPasswordWithoutAUsernameIsAnInvalidParameter() throws Exception {
        JsonNode answer = idp("ForgotPassword", "{\"ClientId\":\"" + clientId + "\"}");
        assertEquals("InvalidParameterException", answer.path("__type").asText());
        assertEquals("1 validation error detected: Value at 'username' failed to satisfy constraint: Member must not"
                + " be null", answer.path("message").asText());
        assertEquals(List.of(), cloud.cloud.userPool().deliveredCodes(), "nothing sent");
    }

    @Test
    void aNumberWhereTheModelHasAStringIsASerializationError() throws Exception {
        assertEquals("SerializationException", idp("ForgotPassword", "{\"ClientId\":\"" + clientId
                + "\",\"Username\":42}").path("__type").asText());
        assertEquals("SerializationException", idp("InitiateAuth", "{\"ClientId\":\"" + clientId
                + "\",\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"AuthParameters\":{\"USERNAME\":42,\"PASSWORD\":\"x\"}}")
                .path("__type").asText());
        JsonNode identity = call(cloud.cloud.identityPool().endpoint(), "AWSCognitoIdentityService.GetId",
                "{\"IdentityPoolId\":17}", 400);
        assertEquals("SerializationException", identity.path("__type").asText());
    }

    @Test
    void a129CharacterUsernameIsAnInvalidParameterAndLeavesTheUserAlone() throws Exception {
        String password = "Quentin-Str0ng-Passw0rd!";
        String name = newUser("quentin", password);
        JsonNode answer = idp("InitiateAuth", "{\"ClientId\":\"" + clientId + "\",\"AuthFlow\":\"USER_PASSWORD_AUTH\","
                + "\"AuthParameters\":{\"USERNAME\":\"" + name + "\",\"PASSWORD\":\"" + password + "\"},"
                + "\"Session\":\"short\"}");
        assertEquals("1 validation error detected: Value at 'session' failed to satisfy constraint: Member must have"
                + " length greater than or equal to 20", answer.path("message").asText());
        JsonNode tooLong = idp("ForgotPassword", "{\"ClientId\":\"" + clientId + "\",\"Username\":\""
                + "q".repeat(129) + "\"}");
        assertEquals("InvalidParameterException", tooLong.path("__type").asText());
        assertEquals("1 validation error detected: Value at 'username' failed to satisfy constraint: Member must have"
                + " length less than or equal to 128", tooLong.path("message").asText());
        JsonNode longAuthName = idp("InitiateAuth", "{\"ClientId\":\"" + clientId + "\",\"AuthFlow\":"
                + "\"USER_SRP_AUTH\",\"AuthParameters\":{\"USERNAME\":\"" + "q".repeat(129) + "\",\"SRP_A\":\"ab\"}}");
        assertEquals("1 validation error detected: Value at 'username' failed to satisfy constraint: Member must have"
                + " length less than or equal to 128", longAuthName.path("message").asText());
        assertEquals(false, passwordSignIn(name, password).idToken().isEmpty(), "the user still signs in");
    }

    /** A new password is held to the model's PasswordType as every member that sets one is: no space in it. */
    @Test
    void aNewPasswordWithASpaceIsRefusedAsEveryPasswordMemberIs() {
        sdk.adminCreateUser(r -> r.userPoolId(poolId).username("spacey").temporaryPassword("Temp-Str0ng-Passw0rd!")
                .messageAction("SUPPRESS"));
        String session = sdk.initiateAuth(r -> r.clientId(clientId)
                .authFlow(software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(java.util.Map.of("USERNAME", "spacey", "PASSWORD", "Temp-Str0ng-Passw0rd!"))).session();
        software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException refused =
                org.junit.jupiter.api.Assertions.assertThrows(
                        software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException.class,
                        () -> sdk.respondToAuthChallenge(r -> r.clientId(clientId).session(session)
                                .challengeName("NEW_PASSWORD_REQUIRED").challengeResponses(java.util.Map.of(
                                        "USERNAME", "spacey", "NEW_PASSWORD", "New Str0ng-Passw0rd!"))));
        assertEquals("1 validation error detected: Value at 'password' failed to satisfy constraint: Member must"
                + " satisfy regular expression pattern: [\\S]+", refused.awsErrorDetails().errorMessage());
    }

    @Test
    void aLimitThatIsNoNumberIsNotReadAsTheDefault() throws Exception {
        // A signed operation: the caller is judged before the body, so without a signature the answer is that.
        JsonNode unsigned = idp("ListUsers", "{\"UserPoolId\":\"" + poolId + "\",\"Limit\":\"abc\"}");
        assertEquals("MissingAuthenticationTokenException", unsigned.path("__type").asText());
        software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException overLimit =
                org.junit.jupiter.api.Assertions.assertThrows(
                        software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException.class,
                        () -> sdk.listUsers(r -> r.userPoolId(poolId).limit(61)));
        assertEquals("1 validation error detected: Value '61' at 'limit' failed to satisfy constraint: Member must"
                + " have value less than or equal to 60", overLimit.awsErrorDetails().errorMessage());
    }
}
