package com.example.testapi.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.example.testapi.admin.AdminRules.Action;
import com.example.testapi.admin.UserPoolDirectory.User;

/**
 * Each rule on its own, on the state the function reads: ada acts; eve is another administrator with TOTP; carol is
 * in FullAccess; "able" are the enabled administrators with TOTP on, as read at that moment.
 */
class AdminRulesTest {

    private static User user(String name, String... groups) {
        return new User(name, "CONFIRMED", true, List.of(groups), true);
    }

    @ParameterizedTest(name = "{0} {1} → {2}, able: {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // Own rights: nothing that lowers them or ends one's sessions; enabling or joining is not lowering.
        "ada | DISABLE        | -            | ada eve | own_rights",
        "ada | RESET_TOTP     | -            | ada eve | own_rights",
        "ada | RESET_PASSWORD | -            | ada eve | own_rights",
        "ada | SIGN_OUT       | -            | ada eve | own_rights",
        "ada | SET_GROUP      | FullAccess   | ada eve | own_rights",
        "ada | SET_GROUP      | -            | ada eve | own_rights",
        "ada | SET_GROUP      | Admins       | ada eve | -",
        "ada | ENABLE         | -            | ada eve | -",
        // Another administrator's password and MFA are theirs alone; the rest is allowed while others remain.
        "eve | RESET_PASSWORD | -            | ada eve | target_is_administrator",
        "eve | RESET_TOTP     | -            | ada eve | target_is_administrator",
        "eve | DISABLE        | -            | ada eve | -",
        "eve | SET_GROUP      | FullAccess   | ada eve | -",
        "eve | SIGN_OUT       | -            | ada eve | -",
        // The last able administrator stays (ada was demoted or reset elsewhere and acts with her old session).
        "eve | DISABLE        | -            | eve     | last_administrator",
        "eve | SET_GROUP      | ReadOnlyAccess | eve   | last_administrator",
        "eve | SET_GROUP      | -            | eve     | last_administrator",
        "eve | SET_GROUP      | Admins       | eve     | -",
        "eve | SIGN_OUT       | -            | eve     | -",
        // Users outside Admins: no rule applies.
        "carol | RESET_PASSWORD | -          | eve     | -",
        "carol | RESET_TOTP   | -            | eve     | -",
        "carol | DISABLE      | -            | eve     | -",
        "carol | SET_GROUP    | Admins       | eve     | -",
        // Admins only with TOTP on (dan has none): other groups are open to him.
        "dan   | SET_GROUP    | Admins       | eve     | totp_required",
        "dan   | SET_GROUP    | ReadOnlyAccess | eve   | -",
    })
    void decides(String target, Action action, String toGroup, String able, String refusal) {
        User user = target.equals("carol") ? user("carol", "FullAccess")
                : target.equals("dan") ? new User("dan", "CONFIRMED", true, List.of("FullAccess"), false)
                : user(target, "Admins");
        Optional<AdminRules.Refusal> decided = AdminRules.refusal("ada", action, user, toGroup,
                Set.of(able.split(" ")));
        assertEquals(Optional.ofNullable(refusal), decided.map(AdminRules.Refusal::code));
        decided.ifPresent(r -> assertEquals(Set.of("last_administrator", "totp_required").contains(r.code()) ? 409
                : 403, r.status()));
    }

    /** Whose sessions end with the action: whoever leaves Admins, is disabled, or loses their TOTP. */
    @ParameterizedTest(name = "{0} {1} → {2}: {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "eve   | SET_GROUP      | FullAccess | true",
        "eve   | SET_GROUP      | -          | true",
        "eve   | SET_GROUP      | Admins     | false",
        "carol | SET_GROUP      | ReadOnlyAccess | false",
        "carol | DISABLE        | -          | true",
        "carol | RESET_TOTP     | -          | true",
        "carol | RESET_PASSWORD | -          | false",
        "carol | ENABLE         | -          | false",
    })
    void endsSessions(String target, Action action, String toGroup, boolean ends) {
        User user = target.equals("carol") ? user("carol", "FullAccess") : user(target, "Admins");
        assertEquals(ends, AdminRules.endsSessions(action, user, toGroup));
    }
}
