package com.example.testapi.admin;

import java.util.Optional;
import java.util.Set;

import com.example.testapi.admin.UserPoolDirectory.User;

/**
 * What IAM cannot express, decided on the pool as it is at the moment of the action (never on what a screen read
 * earlier): IAM lets the Admins role call /admin, this decides what an administrator may do to whom. Pure: the
 * resource reads the state, these rules judge it, and only then does anything change.
 *
 * <ul>
 * <li>{@code own_rights} (403): no action on oneself that lowers one's own rights or ends one's own sessions.</li>
 * <li>{@code target_is_administrator} (403): no password or MFA change for another administrator.</li>
 * <li>{@code last_administrator} (409): the pool keeps at least one enabled administrator with TOTP on.</li>
 * <li>{@code totp_required} (409): a user joins Admins only once their TOTP is on. A member without it would hold
 * sessions signed in with the password alone, and under MfaConfiguration ON whoever has the password would enrol
 * their own authenticator at the next sign-in ({@code MFA_SETUP}).</li>
 * </ul>
 */
public final class AdminRules {

    /** An action of the Users screen on one user. */
    public enum Action {
        DISABLE("disable"), ENABLE("enable"), SIGN_OUT("sign-out"), RESET_TOTP("reset-totp"),
        RESET_PASSWORD("reset-password"), SET_GROUP("set-group");

        public final String label;

        Action(String label) {
            this.label = label;
        }
    }

    /** A refusal: its status, its machine-readable code, and the sentence the screen shows. */
    public record Refusal(int status, String code, String message) {
    }

    private AdminRules() {
    }

    /**
     * Why {@code actor} may not do {@code action} to {@code target}, or empty. {@code toGroup} is a group change's
     * target (null: no group); {@code ableAdmins} the enabled members of Admins with TOTP on, read now.
     */
    public static Optional<Refusal> refusal(String actor, Action action, User target, String toGroup,
            Set<String> ableAdmins) {
        String name = target.username();
        boolean self = name.equals(actor);
        boolean removesAdmin = removesAdministrator(action, target, toGroup);
        if (self && (removesAdmin || action == Action.DISABLE || action == Action.RESET_TOTP
                || action == Action.RESET_PASSWORD || action == Action.SIGN_OUT)) {
            return Optional.of(new Refusal(403, "own_rights", ownRights(action)));
        }
        if (!self && target.administrator() && (action == Action.RESET_PASSWORD || action == Action.RESET_TOTP)) {
            return Optional.of(new Refusal(403, "target_is_administrator", name + " is an administrator: their "
                    + "password and two-factor sign-in are theirs alone. Take them out of Admins first, or let them "
                    + "change it themselves."));
        }
        if (action == Action.SET_GROUP && UserPoolDirectory.ADMINS.equals(toGroup) && !target.administrator()
                && !target.totp()) {
            return Optional.of(totpRequired(name));
        }
        if (removesAdmin && ableAdmins.contains(name) && ableAdmins.size() == 1) {
            return Optional.of(new Refusal(409, "last_administrator", name + " is the last enabled administrator "
                    + "with two-factor sign-in: make another user an administrator (with TOTP on) first, so that the "
                    + "pool keeps one."));
        }
        return Optional.empty();
    }

    /** Joining Admins without TOTP on (a move, or a new user, who never has it). */
    public static Refusal totpRequired(String name) {
        return new Refusal(409, "totp_required", name + " has no two-factor sign-in (TOTP) on: only a user with TOTP "
                + "on joins Admins. Give them another group (or none) first; once they have turned TOTP on at their "
                + "own sign-in, move them into Admins.");
    }

    /**
     * Whether {@code action} ends what a user's earlier sign-ins may still do as an administrator: taking them out of
     * Admins, disabling them, or resetting their TOTP. Their sessions end everywhere then (docs/mfa.md).
     */
    public static boolean endsSessions(Action action, User target, String toGroup) {
        return action == Action.RESET_TOTP || action == Action.DISABLE
                || (action == Action.SET_GROUP && target.groups().contains(UserPoolDirectory.ADMINS)
                        && !UserPoolDirectory.ADMINS.equals(toGroup));
    }

    /** Whether {@code action} takes an administrator away: disabled, reset, or moved out of Admins. */
    public static boolean removesAdministrator(Action action, User target, String toGroup) {
        return target.administrator() && switch (action) {
            case DISABLE, RESET_TOTP -> true;
            case SET_GROUP -> !UserPoolDirectory.ADMINS.equals(toGroup);
            default -> false;
        };
    }

    private static String ownRights(Action action) {
        return switch (action) {
            case DISABLE -> "You cannot disable yourself: another administrator has to do it.";
            case RESET_TOTP -> "You cannot reset your own two-factor sign-in: it would withhold your administrator "
                    + "rights. Another administrator can.";
            case RESET_PASSWORD -> "You cannot reset your own password here: it would end your sign-in. Another "
                    + "administrator can.";
            case SIGN_OUT -> "You cannot sign yourself out everywhere here: use Sign out for this tab, or ask another "
                    + "administrator.";
            default -> "You cannot take yourself out of Admins: another administrator has to do it, so that nobody "
                    + "locks themselves out by mistake.";
        };
    }
}
