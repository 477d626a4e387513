package com.example.testapi.trigger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The rule: administrator rights only in the tokens of a sign-in that passed TOTP. With TOTP enabled, Cognito asks
 * for a code at every sign-in through its API ({@value #PROVEN_SOURCE}), so those tokens carry {@code Admins}. Every
 * other source is withheld even with TOTP on, because nothing in the event says the code was asked: a refresh may
 * come from a sign-in made with the password alone before TOTP was turned on (a refresh token lives 30 days), and
 * the hosted UI's {@code TokenGeneration_HostedAuth} may come from its session cookie, which skips the code. So an
 * administrator signs in again, with their code, when their ID token ends (an hour).
 *
 * <p>A member of {@link #GATED_GROUP} without rights keeps their other groups, and the token's groups, roles and
 * preferred role are those of the other groups alone (Cognito's rule: the lowest precedence wins, a tie of different
 * roles leaves none), which is what the identity pool's token-based mapping reads. Their ID token also says why, in
 * the {@value #WITHHELD_CLAIM} claim ({@value #TOTP_NOT_ENABLED}: set TOTP up; {@value #TOTP_NOT_PROVEN}: sign in
 * again with the code), so the app can send them on. A member whose TOTP is off also leaves {@link #GATED_GROUP}
 * (the invariant "every member has TOTP on" is restored at their first token). Everyone else's tokens are left as
 * they are, without a call to Cognito.
 *
 * <p>{@code groupOverrideDetails} replaces the whole group configuration, so all three parts are always sent.
 */
public final class AdminsNeedTotp {

    public static final String GATED_GROUP = "Admins";
    public static final String WITHHELD_CLAIM = "admin_withheld";
    public static final String TOTP_NOT_ENABLED = "totp_not_enabled";
    public static final String TOTP_NOT_PROVEN = "totp_not_proven";
    /** The one trigger source whose tokens come from a sign-in that asked for the code (when TOTP is on). */
    public static final String PROVEN_SOURCE = "TokenGeneration_Authentication";

    /**
     * What the rule reads about a user (whether TOTP is on, their groups with precedence and role), and the one
     * change it makes: taking a member without TOTP out of {@link #GATED_GROUP}.
     */
    public interface Users {

        boolean totpEnabled(String userPoolId, String username);

        List<Group> groups(String userPoolId, String username);

        void leave(String userPoolId, String username, String group);
    }

    /** A group as AdminListGroupsForUser describes it ({@code precedence} and {@code roleArn} may be null). */
    public record Group(String name, Integer precedence, String roleArn) {
    }

    private final Users users;

    public AdminsNeedTotp(Users users) {
        this.users = users;
    }

    /** The event with its {@code response} filled in when rights are withheld, else as it came. */
    public ObjectNode apply(ObjectNode event) {
        JsonNode groups = event.path("request").path("groupConfiguration").path("groupsToOverride");
        if (!contains(groups, GATED_GROUP)) {
            return event;
        }
        String pool = event.path("userPoolId").asText();
        String username = event.path("userName").asText();
        boolean totp = users.totpEnabled(pool, username);
        String reason = !totp ? TOTP_NOT_ENABLED
                : !PROVEN_SOURCE.equals(event.path("triggerSource").asText()) ? TOTP_NOT_PROVEN : null;
        if (reason == null) {
            return event;
        }
        if (!totp) {
            // A member without TOTP (one from before the rule, or added outside the administration API) leaves
            // Admins now: else whoever holds their password would set up their own authenticator and sign in as an
            // administrator with it. Joining again goes through an administrator, once TOTP is on (totp_required).
            users.leave(pool, username, GATED_GROUP);
        }
        List<Group> kept = users.groups(pool, username).stream().filter(g -> !g.name().equals(GATED_GROUP))
                .toList();
        ObjectNode details = event.putObject("response").putObject("claimsOverrideDetails");
        ObjectNode override = details.putObject("groupOverrideDetails");
        ArrayNode names = override.putArray("groupsToOverride");
        kept.forEach(g -> names.add(g.name()));
        ArrayNode roles = override.putArray("iamRolesToOverride");
        kept.stream().map(Group::roleArn).filter(Objects::nonNull).distinct().forEach(roles::add);
        String preferred = preferredRole(kept);
        if (preferred == null) {
            override.putNull("preferredRole");
        } else {
            override.put("preferredRole", preferred);
        }
        details.putObject("claimsToAddOrOverride").put(WITHHELD_CLAIM, reason);
        return event;
    }

    /**
     * Cognito's {@code cognito:preferred_role}: the role of the group with the lowest precedence; none when groups
     * sharing it name different roles (AWS::Cognito::UserPoolGroup, Precedence).
     */
    static String preferredRole(List<Group> groups) {
        List<Group> withRole = new ArrayList<>(groups.stream().filter(g -> g.roleArn() != null).toList());
        if (withRole.isEmpty()) {
            return null;
        }
        withRole.sort(Comparator.comparing(Group::precedence, Comparator.nullsLast(Comparator.naturalOrder())));
        Integer lowest = withRole.get(0).precedence();
        long roles = withRole.stream().filter(g -> Objects.equals(g.precedence(), lowest)).map(Group::roleArn)
                .distinct().count();
        return roles == 1 ? withRole.get(0).roleArn() : null;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode element : array) {
            if (value.equals(element.asText())) {
                return true;
            }
        }
        return false;
    }
}
