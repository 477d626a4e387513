package com.example.testapi.trigger;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Whether a new authenticator is an administrator's: CloudTrail's record of a successful {@code AssociateSoftwareToken}
 * or {@code VerifySoftwareToken} (delivered by EventBridge) names the user by their {@code sub} only, never by name,
 * and neither call needs a code of the old authenticator (an access token suffices), so a leaked access token can put
 * the holder's own authenticator on an Admins member's account. The rule's pattern cannot match this pool (the calls
 * take no pool id), so the user is looked up in this stack's pool: a sub found there in {@code Admins} gives an alert line; one found
 * elsewhere, or not in Admins, a plain line. A record without a sub, or a lookup that fails, gives the alert too, with
 * the reason: the watch cannot tell, so it tells the operator rather than stay silent.
 */
final class AuthenticatorReplaced {

    /** The alert's name in the log: the template's metric filter counts lines with {@code "alert"} set to it. */
    static final String ALERT = "admin_authenticator_replaced";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What the rule reads of the pool. */
    interface Directory {

        /** The username of the user with {@code sub} in {@code userPoolId}, if there is one. */
        Optional<String> usernameWithSub(String userPoolId, String sub);

        List<AdminsNeedTotp.Group> groups(String userPoolId, String username);
    }

    private final Directory directory;
    private final String userPoolId;

    AuthenticatorReplaced(Directory directory, String userPoolId) {
        if (userPoolId == null || userPoolId.isBlank()) {
            throw new IllegalStateException("USER_POOL_ID must be in the environment");
        }
        this.directory = directory;
        this.userPoolId = userPoolId;
    }

    /** The one log line for {@code event}: an alert ({@code "alert"} set) or a note that nothing is wrong. */
    ObjectNode judge(JsonNode event) {
        JsonNode detail = event.path("detail");
        ObjectNode line = MAPPER.createObjectNode()
                .put("call", detail.path("eventName").asText(""))
                .put("at", detail.path("eventTime").asText(event.path("time").asText("")))
                .put("from", detail.path("sourceIPAddress").asText(""));
        String sub = detail.path("additionalEventData").path("sub").asText("");
        if (sub.isBlank()) {
            return line.put("alert", ALERT).put("reason", "no_sub_in_record");
        }
        line.put("sub", sub);
        try {
            Optional<String> username = directory.usernameWithSub(userPoolId, sub);
            if (username.isEmpty()) {
                return line.put("watch", "not_in_this_pool");
            }
            line.put("user", username.get());
            boolean admin = directory.groups(userPoolId, username.get()).stream()
                    .anyMatch(group -> AdminsNeedTotp.GATED_GROUP.equals(group.name()));
            return admin ? line.put("alert", ALERT) : line.put("watch", "not_an_administrator");
        } catch (RuntimeException e) {
            return line.put("alert", ALERT).put("reason", "lookup_failed")
                    .put("error", e.getClass().getSimpleName());
        }
    }
}
