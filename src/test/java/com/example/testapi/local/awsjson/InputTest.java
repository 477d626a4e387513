package com.example.testapi.local.awsjson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one input layer, against the vendored Cognito models: required members, JSON types, lengths, ranges, patterns
 * and enums answered in AWS's form, before any operation runs; sensitive values never repeated in a message.
 */
class InputTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ServiceModel IDP = ServiceModel.load(ServiceModel.COGNITO_IDP);
    private static final ServiceModel IDENTITY = ServiceModel.load(ServiceModel.COGNITO_IDENTITY);

    private static AwsError refused(ServiceModel model, String operation, String json) {
        return assertThrows(AwsError.class, () -> Input.check(model, operation, parse(json)));
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    @Test
    void aMissingRequiredMemberIsInvalidParameter() {
        AwsError error = refused(IDP, "ForgotPassword", "{\"ClientId\":\"abc\"}");
        assertEquals("InvalidParameterException", error.type());
        assertEquals("1 validation error detected: Value at 'username' failed to satisfy constraint: Member must not"
                + " be null", error.getMessage()); // Username is sensitive: no value, not even null
        AwsError pool = refused(IDP, "ListUsers", "{}");
        assertEquals("1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: Member"
                + " must not be null", pool.getMessage());
    }

    @Test
    void aValueOfAnotherJsonTypeIsASerializationError() {
        AwsError number = refused(IDP, "ForgotPassword", "{\"ClientId\":\"abc\",\"Username\":42}");
        assertEquals("SerializationException", number.type());
        assertEquals("NUMBER_VALUE can not be converted to a String", number.getMessage());
        assertEquals("SerializationException", refused(IDP, "ListUsers",
                "{\"UserPoolId\":\"us-east-1_abc\",\"Limit\":\"abc\"}").type());
        assertEquals("Start of structure or map found where not expected.", refused(IDP, "GetUser",
                "{\"AccessToken\":{}}").getMessage());
        assertEquals("SerializationException", refused(IDP, "AdminSetUserPassword",
                "{\"UserPoolId\":\"us-east-1_abc\",\"Username\":\"u\",\"Password\":\"p\",\"Permanent\":\"yes\"}")
                .type());
        assertEquals("SerializationException", refused(IDP, "InitiateAuth",
                "{\"ClientId\":\"abc\",\"AuthFlow\":\"USER_SRP_AUTH\",\"AuthParameters\":{\"USERNAME\":[1]}}").type());
    }

    @Test
    void lengthsRangesPatternsAndEnumsComeFromTheModel() {
        AwsError longName = refused(IDP, "ForgotPassword", "{\"ClientId\":\"abc\",\"Username\":\"" + "u".repeat(129)
                + "\"}");
        assertEquals("InvalidParameterException", longName.type());
        assertEquals("1 validation error detected: Value at 'username' failed to satisfy constraint: Member must have"
                + " length less than or equal to 128", longName.getMessage());
        Input.check(IDP, "ForgotPassword", parse("{\"ClientId\":\"abc\",\"Username\":\"" + "u".repeat(128) + "\"}"));

        assertEquals("1 validation error detected: Value '61' at 'limit' failed to satisfy constraint: Member must"
                + " have value less than or equal to 60", refused(IDP, "ListUsers",
                        "{\"UserPoolId\":\"us-east-1_abc\",\"Limit\":61}").getMessage());
        assertEquals("1 validation error detected: Value at 'username' failed to satisfy constraint: Member must"
                + " satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+", refused(IDP,
                        "AdminGetUser", "{\"UserPoolId\":\"us-east-1_abc\",\"Username\":\"two words\"}").getMessage());
        assertEquals("1 validation error detected: Value 'MAGIC' at 'authFlow' failed to satisfy constraint: Member"
                + " must satisfy enum value set: [USER_SRP_AUTH, REFRESH_TOKEN_AUTH, REFRESH_TOKEN, CUSTOM_AUTH,"
                + " ADMIN_NO_SRP_AUTH, USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH, USER_AUTH]",
                refused(IDP, "InitiateAuth", "{\"ClientId\":\"abc\",\"AuthFlow\":\"MAGIC\"}").getMessage());
    }

    @Test
    void oneMemberCanBreakTwoConstraints() {
        assertEquals("2 validation errors detected: Value at 'username' failed to satisfy constraint: Member must"
                + " satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+; Value at 'username' failed to"
                + " satisfy constraint: Member must have length greater than or equal to 1", refused(IDP, "AdminGetUser",
                        "{\"UserPoolId\":\"us-east-1_abc\",\"Username\":\"\"}").getMessage());
    }

    @Test
    void everyBrokenConstraintIsListedWithItsPath() {
        AwsError two = refused(IDP, "AdminCreateUser", "{\"UserPoolId\":\"no-underscore\",\"Username\":\"u\","
                + "\"UserAttributes\":[{\"Name\":\"email\",\"Value\":\"a@b\"},{\"Value\":\"x\"}]}");
        assertEquals("2 validation errors detected: Value 'no-underscore' at 'userPoolId' failed to satisfy"
                + " constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+; Value null at"
                + " 'userAttributes.2.member.name' failed to satisfy constraint: Member must not be null",
                two.getMessage());
        AwsError logins = refused(IDENTITY, "GetId", "{\"IdentityPoolId\":\"us-east-1:0a\",\"Logins\":{"
                + String.join(",", java.util.stream.IntStream.range(0, 11).mapToObj(i -> "\"p" + i + "\":\"t\"")
                        .toList()) + "}}");
        assertEquals("1 validation error detected: Value '{...}' at 'logins' failed to satisfy constraint: Member"
                + " must have length less than or equal to 10", logins.getMessage());
    }

    @Test
    void unknownMembersAreIgnoredAndNullIsAbsent() {
        Input input = Input.check(IDP, "InitiateAuth", parse("{\"ClientId\":\"abc\",\"AuthFlow\":\"USER_SRP_AUTH\","
                + "\"Session\":null,\"Unknown\":{\"x\":1},\"AuthParameters\":{\"USERNAME\":\"ann\",\"DEVICE_KEY\":null}}"));
        assertNull(input.text("Session"));
        assertEquals(Map.of("USERNAME", "ann"), input.map("AuthParameters"));
        assertEquals(60, input.integer("Limit", 60));
        assertEquals(List.of(), input.list("UserAttributes"));
    }

    @Test
    void theModelNamesTheOperationsItHas() {
        assertEquals("AWSCognitoIdentityProviderService", IDP.targetPrefix());
        assertEquals("AWSCognitoIdentityService", IDENTITY.targetPrefix());
        assertEquals(true, IDP.hasOperation("AdminCreateUser"));
        assertEquals(false, IDP.hasOperation("AdminMakeCoffee"));
        assertThrows(IllegalArgumentException.class, () -> Input.check(IDP, "AdminMakeCoffee", parse("{}")));
    }
}
