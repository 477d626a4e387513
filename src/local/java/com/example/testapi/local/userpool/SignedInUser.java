package com.example.testapi.local.userpool;

import java.time.Clock;

import com.example.testapi.local.awsjson.AwsError;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The calls a signed-in user makes with their access token ({@code GetUser}, {@code ChangePassword},
 * {@code GlobalSignOut}) and {@code RevokeToken} with a refresh token: what Amplify's Authenticator calls after
 * sign-in and at sign-out. The token is checked by {@link UserTokens#accessTokenUser}.
 */
final class SignedInUser {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final UserPoolSettings settings;
    private final UserDirectory directory;
    private final UserTokens tokens;
    private final Outbox outbox;
    private final Clock clock;

    SignedInUser(UserPoolSettings settings, UserDirectory directory, UserTokens tokens, Outbox outbox, Clock clock) {
        this.settings = settings;
        this.directory = directory;
        this.tokens = tokens;
        this.outbox = outbox;
        this.clock = clock;
    }

    ObjectNode getUser(ObjectNode input) {
        String username = tokens.accessTokenUser(input.path("AccessToken").asText(null));
        return directory.with(users -> {
            PoolUser user = UserDirectory.require(users, username);
            ObjectNode answer = MAPPER.createObjectNode().put("Username", user.username);
            ArrayNode attributes = answer.putArray("UserAttributes");
            user.attributes.forEach((name, value) -> attributes.addObject().put("Name", name).put("Value", value));
            return answer;
        });
    }

    ObjectNode changePassword(ObjectNode input) {
        String username = tokens.accessTokenUser(input.path("AccessToken").asText(null));
        String proposed = input.path("ProposedPassword").asText(null);
        directory.with(users -> {
            PoolUser user = UserDirectory.require(users, username);
            if (!user.password.matches(CognitoSrp.poolName(settings.poolId()), username,
                    input.path("PreviousPassword").asText(null))) {
                throw new AwsError("NotAuthorizedException", UserPoolAuth.WRONG_CREDENTIALS);
            }
            settings.passwordPolicy().check(proposed);
            user.setPassword(settings.poolId(), proposed, PoolUser.Status.CONFIRMED, clock.instant());
            return null;
        });
        return MAPPER.createObjectNode();
    }

    /** Ends every sign-in of the user: their refresh tokens and the access tokens issued from them stop working. */
    ObjectNode globalSignOut(ObjectNode input) {
        String username = tokens.accessTokenUser(input.path("AccessToken").asText(null));
        tokens.signOutEverywhere(directory.with(users -> UserDirectory.require(users, username).sub));
        return MAPPER.createObjectNode();
    }

    /** Sends a code to the user's email or phone_number (what Amplify's "verify your contact" step asks for). */
    ObjectNode getUserAttributeVerificationCode(ObjectNode input) {
        String username = tokens.accessTokenUser(input.path("AccessToken").asText(null));
        String attribute = contactAttribute(input);
        return Outbox.details(directory.with(users -> {
            String address = UserDirectory.require(users, username).attributes.get(attribute);
            if (address == null) {
                throw new AwsError("InvalidParameterException", "User does not have the attribute " + attribute + ".");
            }
            return outbox.send(username, "verify " + attribute, attribute, address);
        }));
    }

    /** Marks the attribute verified ({@code email_verified=true}) for the code the last call sent. */
    ObjectNode verifyUserAttribute(ObjectNode input) {
        String username = tokens.accessTokenUser(input.path("AccessToken").asText(null));
        String attribute = contactAttribute(input);
        outbox.redeem(username, "verify " + attribute, input.path("Code").asText(""));
        directory.with(users -> UserDirectory.require(users, username).attributes.put(attribute + "_verified", "true"));
        return MAPPER.createObjectNode();
    }

    private static String contactAttribute(ObjectNode input) {
        String attribute = input.path("AttributeName").asText("");
        if (!attribute.equals("email") && !attribute.equals("phone_number")) {
            throw new AwsError("InvalidParameterException", "Only email and phone_number can be verified.");
        }
        return attribute;
    }

    ObjectNode revokeToken(ObjectNode input) {
        UserPoolSettings.Client client = settings.client(input.path("ClientId").asText(null));
        String token = input.path("Token").asText("");
        if (token.isEmpty()) {
            throw new AwsError("InvalidParameterException", "1 validation error detected: Value at 'token' failed"
                    + " to satisfy constraint: Member must not be null");
        }
        tokens.revoke(client, token);
        return MAPPER.createObjectNode();
    }
}
