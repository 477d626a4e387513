package com.example.testapi.admin;

import com.example.testapi.admin.UserPoolDirectory.User;
import com.example.testapi.api.ContractViolationException;
import com.example.testapi.caller.Caller;
import com.example.testapi.caller.CurrentCaller;

/**
 * Who is acting, read now: the user pool user behind the caller's identity-pool credentials (the {@code sub} in
 * {@code authorizer.iam.cognitoIdentity.amr}), in this stack's pool, who must still be an enabled administrator with
 * TOTP on. The role in the credentials was decided when they were issued (up to an hour ago), so without this a
 * demoted, disabled or reset user's session could act, or enable or promote itself again.
 */
final class ActingAdministrator {

    private final UserPoolDirectory directory;
    private final CurrentCaller currentCaller;

    ActingAdministrator(UserPoolDirectory directory, CurrentCaller currentCaller) {
        this.directory = directory;
        this.currentCaller = currentCaller;
    }

    /** The acting administrator's username, or a 403 with its code ({@code not_a_pool_user}, {@code not_an_administrator}). */
    String name() {
        Caller caller = currentCaller.get().orElseThrow(() -> new IllegalStateException("permission without a caller"));
        if (caller.userSub() == null || !directory.isThisPool(caller.userPoolProvider())) {
            throw refused(null, "not_a_pool_user", "Administration needs a sign-in to this stack's user pool; these "
                    + "credentials carry none.");
        }
        String name = directory.usernameOfSub(caller.userSub()).orElseThrow(() -> refused(caller.userSub(),
                "not_a_pool_user", "The user these credentials were issued to is no longer in the user pool."));
        User actor = directory.find(name).orElseThrow(() -> refused(name, "not_a_pool_user", "The user these "
                + "credentials were issued to is no longer in the user pool."));
        if (!actor.enabled() || !actor.administrator() || !actor.totp()) {
            throw refused(name, "not_an_administrator", "You are no longer an enabled administrator with two-factor "
                    + "sign-in (your session still carries the role it was given): sign in again.");
        }
        return name;
    }

    private static ContractViolationException refused(String actor, String code, String message) {
        AuditLog.record(actor, "authorize", actor, "refused: " + code);
        return new ContractViolationException(403, code, message);
    }
}
