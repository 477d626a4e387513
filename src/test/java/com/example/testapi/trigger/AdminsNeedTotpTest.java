package com.example.testapi.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The trigger's rule on the V1_0 event the developer guide documents (events/pre-token-generation.json: ada in
 * Admins and FullAccess), through the handler's stream interface as Lambda calls it, with the user directory played
 * by the test: who is asked, and what the answer tells Cognito.
 */
class AdminsNeedTotpTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ADMIN_ROLE = "arn:aws:iam::123456789012:role/test-api-TestApiAdmin";
    private static final String FULL_ROLE = "arn:aws:iam::123456789012:role/test-api-TestApiFullAccess";
    private static final String READ_ROLE = "arn:aws:iam::123456789012:role/test-api-TestApiReadAccess";

    /** A directory with one user's TOTP state and groups, which records the calls the rule makes. */
    private static final class Directory implements AdminsNeedTotp.Users {
        final List<String> calls = new ArrayList<>();
        final boolean totp;
        final List<AdminsNeedTotp.Group> groups;

        Directory(boolean totp, List<AdminsNeedTotp.Group> groups) {
            this.totp = totp;
            this.groups = groups;
        }

        @Override
        public boolean totpEnabled(String userPoolId, String username) {
            calls.add("AdminGetUser " + userPoolId + " " + username);
            return totp;
        }

        @Override
        public List<AdminsNeedTotp.Group> groups(String userPoolId, String username) {
            calls.add("AdminListGroupsForUser " + userPoolId + " " + username);
            return groups;
        }

        @Override
        public void leave(String userPoolId, String username, String group) {
            calls.add("AdminRemoveUserFromGroup " + userPoolId + " " + username + " " + group);
        }
    }

    private static final List<AdminsNeedTotp.Group> ADA = List.of(new AdminsNeedTotp.Group("Admins", 0, ADMIN_ROLE),
            new AdminsNeedTotp.Group("FullAccess", 1, FULL_ROLE));

    private static JsonNode handle(Directory directory, JsonNode event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new AdminMfaGate(new AdminsNeedTotp(directory), new java.io.PrintStream(new ByteArrayOutputStream()))
                .handleRequest(
                new ByteArrayInputStream(MAPPER.writeValueAsBytes(event)), out);
        return MAPPER.readTree(out.toByteArray());
    }

    private static ObjectNode sample() throws IOException {
        return (ObjectNode) MAPPER.readTree(Files.readString(Path.of("events", "pre-token-generation.json")));
    }

    @Test
    void anAdministratorWithoutTotpKeepsOnlyTheirOtherGroupsAndTheirRole() throws IOException {
        Directory directory = new Directory(false, ADA);
        JsonNode answer = handle(directory, sample());
        JsonNode details = answer.path("response").path("claimsOverrideDetails");
        assertEquals(MAPPER.readTree("""
                {"groupsToOverride": ["FullAccess"],
                 "iamRolesToOverride": ["%s"],
                 "preferredRole": "%s"}""".formatted(FULL_ROLE, FULL_ROLE)), details.path("groupOverrideDetails"));
        assertEquals("totp_not_enabled", details.path("claimsToAddOrOverride").path("admin_withheld").asText());
        // ...and leaves Admins, so that whoever holds the password cannot enrol their own authenticator into it.
        assertEquals(List.of("AdminGetUser us-east-1_LocalAbcd ada",
                "AdminRemoveUserFromGroup us-east-1_LocalAbcd ada Admins",
                "AdminListGroupsForUser us-east-1_LocalAbcd ada"), directory.calls);
        // Everything else comes back as Cognito sent it.
        ObjectNode rest = (ObjectNode) answer.deepCopy();
        rest.remove("response");
        ObjectNode sent = sample();
        sent.remove("response");
        assertEquals(sent, rest);
    }

    @Test
    void anAdministratorOnlyInAdminsIsLeftWithNoRoleAtAll() throws IOException {
        JsonNode answer = handle(new Directory(false, List.of(ADA.get(0))), sample());
        JsonNode override = answer.path("response").path("claimsOverrideDetails").path("groupOverrideDetails");
        assertEquals(0, override.path("groupsToOverride").size());
        assertEquals(0, override.path("iamRolesToOverride").size());
        // Present and null: groupOverrideDetails replaces all three, so "no preferred role" is said outright.
        assertTrue(override.has("preferredRole") && override.get("preferredRole").isNull());
    }

    @Test
    void anAdministratorWithTotpGetsTheTokenCognitoProposed() throws IOException {
        Directory directory = new Directory(true, ADA);
        JsonNode answer = handle(directory, sample());
        assertTrue(answer.path("response").path("claimsOverrideDetails").isNull());
        assertEquals(List.of("AdminGetUser us-east-1_LocalAbcd ada"), directory.calls);
    }

    @Test
    void aRefreshIsJudgedAsASignInIs() throws IOException {
        ObjectNode refresh = sample().put("triggerSource", "TokenGeneration_RefreshTokens");
        assertEquals("totp_not_enabled", handle(new Directory(false, ADA), refresh).path("response")
                .path("claimsOverrideDetails").path("claimsToAddOrOverride").path("admin_withheld").asText());
    }

    @Test
    void withTotpOnlyASignInThatAskedForTheCodeGivesTheRights() throws IOException {
        for (String source : List.of("TokenGeneration_RefreshTokens", "TokenGeneration_HostedAuth",
                "TokenGeneration_NewPasswordChallenge", "TokenGeneration_AuthenticateDevice")) {
            Directory directory = new Directory(true, ADA);
            JsonNode details = handle(directory, sample().put("triggerSource", source))
                    .path("response").path("claimsOverrideDetails");
            assertTrue(directory.calls.stream().noneMatch(c -> c.startsWith("AdminRemoveUserFromGroup")),
                    "with TOTP on, a member stays in Admins: " + directory.calls);
            assertEquals("totp_not_proven", details.path("claimsToAddOrOverride").path("admin_withheld").asText(),
                    source);
            assertEquals(List.of("FullAccess"), MAPPER.convertValue(
                    details.path("groupOverrideDetails").path("groupsToOverride"), List.class), source);
        }
        assertTrue(handle(new Directory(true, ADA), sample().put("triggerSource", "TokenGeneration_Authentication"))
                .path("response").path("claimsOverrideDetails").isNull());
    }

    @Test
    void otherUsersAreAnsweredWithoutACallToCognito() throws IOException {
        ObjectNode event = sample();
        ObjectNode groups = (ObjectNode) event.path("request").path("groupConfiguration");
        groups.putArray("groupsToOverride").add("ReadOnlyAccess");
        groups.putArray("iamRolesToOverride").add(READ_ROLE);
        groups.put("preferredRole", READ_ROLE);
        Directory directory = new Directory(false, List.of());
        assertEquals(event, handle(directory, event));
        assertEquals(List.of(), directory.calls);
        // A user in no group: Cognito sends an empty (or no) group configuration.
        ((ObjectNode) event.path("request")).remove("groupConfiguration");
        assertEquals(event, handle(directory, event));
        assertEquals(List.of(), directory.calls);
    }

    @Test
    void aFailedLookupFailsTheSignInInsteadOfGrantingTheRights() {
        AdminsNeedTotp.Users down = new AdminsNeedTotp.Users() {
            @Override
            public boolean totpEnabled(String userPoolId, String username) {
                throw new IllegalStateException("Cognito unreachable");
            }

            @Override
            public List<AdminsNeedTotp.Group> groups(String userPoolId, String username) {
                throw new IllegalStateException("Cognito unreachable");
            }

            @Override
            public void leave(String userPoolId, String username, String group) {
                throw new IllegalStateException("Cognito unreachable");
            }
        };
        assertThrows(IllegalStateException.class, () -> new AdminsNeedTotp(down).apply(sample()));
    }

    @Test
    void thePreferredRoleFollowsCognitosPrecedenceRule() {
        assertEquals(FULL_ROLE, AdminsNeedTotp.preferredRole(List.of(new AdminsNeedTotp.Group("R", 2, READ_ROLE),
                new AdminsNeedTotp.Group("F", 1, FULL_ROLE))));
        assertEquals(null, AdminsNeedTotp.preferredRole(List.of(new AdminsNeedTotp.Group("R", 1, READ_ROLE),
                new AdminsNeedTotp.Group("F", 1, FULL_ROLE))), "a tie of different roles leaves none");
        assertEquals(READ_ROLE, AdminsNeedTotp.preferredRole(List.of(new AdminsNeedTotp.Group("R", null, READ_ROLE),
                new AdminsNeedTotp.Group("N", 0, null))), "a group without a role does not count");
    }

    @Test
    void lambdasConstructorNeedsItsRegionOnly() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> new AdminMfaGate(java.util.Map.of()));
        assertTrue(missing.getMessage().contains("AWS_REGION"), missing.getMessage());
        // A SnapStart function has no keys in its environment: the client is made all the same, and asks the
        // container credentials endpoint (through the SDK's default provider) when it first calls.
        new AdminMfaGate(java.util.Map.of("AWS_REGION", "us-east-1"));
    }
}
