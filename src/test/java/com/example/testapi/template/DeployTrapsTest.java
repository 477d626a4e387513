package com.example.testapi.template;

import static com.example.testapi.local.template.SamTemplate.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.example.testapi.local.template.LocalAccount;
import com.example.testapi.local.template.SamTemplate;

/**
 * What would fail a first {@code sam deploy}, or deploy something unsafe, checked before it can: parameter values
 * CloudFormation or Cognito would refuse (the local account applies the template's AllowedPattern and required
 * parameters as CloudFormation does), localhost trusted by default, and log groups created after their function.
 */
class DeployTrapsTest {

    private final SamTemplate template = SamTemplate.load(Path.of("template.yaml"));

    @ParameterizedTest
    @ValueSource(strings = { "myaws", "amazon-app", "app-cognito", "-app", "app-", "App", "a_b" })
    void aHostedUiPrefixCognitoRefusesIsRefusedBeforeDeploying(String prefix) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> LocalAccount.forTemplate("eu-central-1", template, Map.of("HostedUiDomainPrefix", prefix)));
        assertTrue(refused.getMessage().contains("HostedUiDomainPrefix"), refused::getMessage);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "myapp", "team-42-api", "a" })
    void aPrefixCognitoTakesIsTaken(String prefix) {
        LocalAccount.forTemplate("eu-central-1", template, Map.of("HostedUiDomainPrefix", prefix));
    }

    /** With no overrides, a deployed stack trusts no localhost: AllowedOrigins must be given, the URLs are empty. */
    @Test
    void aDeployedStackTrustsNoLocalhostUnlessListed() {
        Map<String, Object> parameters = map(template.root(), "Parameters");
        assertFalse(map(parameters, "AllowedOrigins").containsKey("Default"), "sam deploy asks for AllowedOrigins");
        for (String name : List.of("CallbackUrls", "LogoutUrls")) {
            assertEquals("", map(parameters, name).get("Default"), name);
        }
        parameters.forEach((name, declaration) -> assertFalse(String.valueOf(map(parameters, name).get("Default"))
                .contains("localhost"), name + " defaults to a localhost value"));
        // The local cloud passes its own app's origin and URLs, and nothing else does.
        assertEquals("http://localhost:8080", LocalAccount.LOCAL_PARAMETERS.get("AllowedOrigins"));
    }

    /** CloudFormation's check of a value with no default: here, the local account's, with its message. */
    @Test
    void aRequiredParameterMustBeGiven() throws Exception {
        Path copy = java.nio.file.Files.createTempFile("template", ".yaml");
        java.nio.file.Files.writeString(copy, """
                Parameters:
                  Origin:
                    Type: String
                Resources: {}
                """);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> LocalAccount.forTemplate("eu-central-1", SamTemplate.load(copy)));
        assertEquals("Parameters: [Origin] must have values", refused.getMessage());
    }

    /**
     * Each function writes to a log group of the stack that it depends on (LoggingConfig.LogGroup is a Ref), named
     * without the function's name: the group exists before SnapStart's init writes the first line.
     */
    @Test
    void eachFunctionsLogGroupExistsBeforeTheFunction() {
        for (String function : List.of("GetTestFunction", "PostTestFunction", "AdminFunction")) {
            Object group = map(template.properties(function), "LoggingConfig").get("LogGroup");
            assertTrue(group instanceof Map<?, ?> ref && ref.containsKey("Ref"), function + ": " + group);
            String groupId = String.valueOf(((Map<?, ?>) group).get("Ref"));
            assertEquals("AWS::Logs::LogGroup", template.resource(groupId).get("Type"));
            String name = String.valueOf(template.properties(groupId).get("LogGroupName"));
            assertFalse(name.contains("Function"), groupId + " is named without its function: " + name);
            assertEquals(30, template.properties(groupId).get("RetentionInDays"));
        }
    }
}
