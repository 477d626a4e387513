package com.example.testapi.local.userpool;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.example.testapi.local.awsjson.Input;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The calls a signed-in user makes with their access token ({@code GetUser}, {@code ChangePassword},
 * {@code GlobalSignOut}, verifying a contact attribute) and {@code RevokeToken} with a refresh token: what Amplify's
 * Authenticator calls after sign-in and at sign-out. The token is checked by {@link UserTokens#accessTokenUser}.
 */
final class AccessTokenOperations {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The standard attributes a user pool has (the developer guide, "Standard attributes"), less sub. */
    static final Set<String> STANDARD_ATTRIBUTES = Set.of("address", "birthdate", "email", "family_name", "gender",
            "given_name", "locale", "middle_name", "name", "nickname", "phone_number", "picture",
            "preferred_username", "profile", "zoneinfo", "updated_at", "website");

    private final UserPoolSettings settings;
    private final UserDirectory directory;
    private final UserTokens tokens;
    private final Outbox outbox;
    private final HourlyQuota passwordChanges;
    private final HourlyQuota verificationAttempts;

    /**
     * The quotas page's per-user quota: "Maximum number of ChangePassword calls per user: 5 attempts per hour". It
     * keeps ChangePassword from being an unlimited oracle of the current password for whoever holds an access token.
     */
    static final int PASSWORD_CHANGES_PER_HOUR = 5;

    AccessTokenOperations(UserPoolSettings settings, UserDirectory directory, UserTokens tokens, Outbox outbox,
            Clock clock) {
        this.settings = settings;
        this.directory = directory;
        this.tokens = tokens;
        this.outbox = outbox;
        this.passwordChanges = new HourlyQuota(clock, PASSWORD_CHANGES_PER_HOUR);
        // A new code resets a code's five tries: without a budget over both, send-and-guess cycles would find any
        // code. The reset code's rule (SelfServiceOperations), applied to a contact's verification code.
        this.verificationAttempts = new HourlyQuota(clock, SelfServiceOperations.RESET_ATTEMPTS_PER_HOUR);
    }

    ObjectNode getUser(Input input) {
        PoolUser user = directory.require(tokens.accessTokenUser(input.text("AccessToken")));
        ObjectNode answer = MAPPER.createObjectNode().put("Username", user.username());
        ArrayNode attributes = answer.putArray("UserAttributes");
        user.attributes().forEach((name, value) -> attributes.addObject().put("Name", name).put("Value", value));
        SoftwareTokenMfa.describe(user, answer);
        return answer;
    }

    ObjectNode changePassword(Input input) {
        String username = tokens.accessTokenUser(input.text("AccessToken"));
        passwordChanges.spend(username);
        directory.changePassword(username, input.text("PreviousPassword"), input.text("ProposedPassword"));
        return MAPPER.createObjectNode();
    }

    /** Ends every sign-in of the user: their refresh tokens and the access tokens issued from them stop working. */
    ObjectNode globalSignOut(Input input) {
        String username = tokens.accessTokenUser(input.text("AccessToken"));
        tokens.signOutEverywhere(directory.require(username).sub());
        return MAPPER.createObjectNode();
    }

    /**
     * UpdateUserAttributes: only what the token's app client may write (its WriteAttributes), all or nothing. A
     * contact attribute changed this way is no longer verified and gets a code, as Cognito does without
     * AttributesRequireVerificationBeforeUpdate.
     */
    ObjectNode updateUserAttributes(Input input) {
        String accessToken = input.text("AccessToken");
        String username = tokens.accessTokenUser(accessToken);
        UserPoolSettings.Client client = settings.client(tokens.accessTokenClient(accessToken));
        Map<String, String> changes = new LinkedHashMap<>();
        input.list("UserAttributes").forEach(a -> changes.put(a.text("Name"), a.text("Value", "")));
        for (String name : changes.keySet()) {
            if (!STANDARD_ATTRIBUTES.contains(name) && !name.startsWith("custom:")) {
                throw CognitoErrors.invalidParameter("user." + name + ": Attribute does not exist in the schema.");
            }
            if (!client.mayWrite(name)) {
                throw CognitoErrors.notAuthorized("A client attempted to write unauthorized attribute");
            }
        }
        ObjectNode answer = MAPPER.createObjectNode();
        ArrayNode deliveries = answer.putArray("CodeDeliveryDetailsList");
        changes.forEach((name, value) -> {
            directory.setAttribute(username, name, value);
            if (name.equals("email") || name.equals("phone_number")) {
                directory.setAttribute(username, name + "_verified", "false");
                deliveries.add(Outbox.details(outbox.send(username, "verify " + name, name, value))
                        .path("CodeDeliveryDetails"));
            }
        });
        return answer;
    }

    /** Sends a code to the user's email or phone_number (what Amplify's "verify your contact" step asks for). */
    ObjectNode getUserAttributeVerificationCode(Input input) {
        String username = tokens.accessTokenUser(input.text("AccessToken"));
        String attribute = contactAttribute(input);
        verificationAttempts.spend(username);
        String address = directory.require(username).attributes().get(attribute);
        if (address == null) {
            throw CognitoErrors.invalidParameter("User does not have the attribute " + attribute + ".");
        }
        return Outbox.details(outbox.send(username, "verify " + attribute, attribute, address));
    }

    /** Marks the attribute verified ({@code email_verified=true}) for the code the last call sent. */
    ObjectNode verifyUserAttribute(Input input) {
        String username = tokens.accessTokenUser(input.text("AccessToken"));
        String attribute = contactAttribute(input);
        verificationAttempts.spend(username);
        outbox.redeem(username, "verify " + attribute, input.text("Code"));
        directory.verifyAttribute(username, attribute);
        return MAPPER.createObjectNode();
    }

    private static String contactAttribute(Input input) {
        String attribute = input.text("AttributeName");
        if (!attribute.equals("email") && !attribute.equals("phone_number")) {
            throw CognitoErrors.invalidParameter("Only email and phone_number can be verified.");
        }
        return attribute;
    }

    ObjectNode revokeToken(Input input) {
        tokens.revoke(settings.client(input.text("ClientId")), input.text("Token"));
        return MAPPER.createObjectNode();
    }
}
