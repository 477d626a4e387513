package com.example.testapi.local.awsjson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every answer of the local Cognito services is held to the vendored model's output shape before it is sent: the
 * check finds an unknown member, a wrong JSON type, a value outside an enum, a missing required member, and an
 * answer where the model has none; a right answer passes.
 */
class OutputCheckTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ServiceModel IDP = ServiceModel.load(ServiceModel.COGNITO_IDP);

    private static List<String> problems(String operation, String json) throws Exception {
        JsonNode answer = MAPPER.readTree(json);
        return OutputCheck.problems(IDP, operation, answer);
    }

    @Test
    void aRightAnswerPasses() throws Exception {
        assertEquals(List.of(), problems("GetUser", """
                {"Username": "ada", "UserAttributes": [{"Name": "sub", "Value": "x"}],
                 "UserMFASettingList": ["SOFTWARE_TOKEN_MFA"], "PreferredMfaSetting": "SOFTWARE_TOKEN_MFA"}"""));
        assertEquals(List.of(), problems("VerifySoftwareToken", "{\"Status\": \"SUCCESS\", \"Session\": \"s\"}"));
        assertEquals(List.of(), problems("AdminAddUserToGroup", "{}"));
    }

    @Test
    void whatBreaksTheModelIsFound() throws Exception {
        assertEquals(List.of("GetUser.Mfa is no member of the model's answer"),
                problems("GetUser", "{\"Username\": \"ada\", \"UserAttributes\": [], \"Mfa\": true}"));
        assertEquals(List.of("GetUser.UserMFASettingList is STRING, the model's list"),
                problems("GetUser", "{\"Username\": \"ada\", \"UserAttributes\": [], \"UserMFASettingList\": \"x\"}"));
        assertEquals(List.of("VerifySoftwareToken.Status = OK, not one of [SUCCESS, ERROR]"),
                problems("VerifySoftwareToken", "{\"Status\": \"OK\"}"));
        assertEquals(List.of("GetUser.UserAttributes is required by the model"),
                problems("GetUser", "{\"Username\": \"ada\"}"));
        assertEquals(List.of("the model's AdminAddUserToGroup answers nothing, not {\"ok\":true}"),
                problems("AdminAddUserToGroup", "{\"ok\": true}"));
    }
}
