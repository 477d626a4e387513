package com.example.testapi.admin;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.example.testapi.admin.AdminRules.Action;
import com.example.testapi.admin.AdminRules.Refusal;
import com.example.testapi.admin.UserPoolDirectory.User;
import com.example.testapi.api.ContractViolationException;
import com.example.testapi.api.IdempotencyKey;
import com.example.testapi.caller.Caller;
import com.example.testapi.caller.CurrentCaller;
import com.example.testapi.caller.Permissions;

/**
 * The Users screen's actions as routes. IAM lets only the Admins role invoke them (template.yaml), the permission
 * check repeats that, fail-closed; then each action reads the pool as it is now, {@link AdminRules} judges it, and
 * only then does anything change. Every action leaves one {@link AuditLog} line.
 */
@Path("/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Permissions.ADMINISTER)
public class AdminResource {

    static final int PAGE_SIZE = 20;
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** Longer than the function's 15 s limit: a claim this old whose creation left no user will not finish. */
    static final java.time.Duration IN_FLIGHT = java.time.Duration.ofSeconds(30);

    private final UserPoolDirectory directory;
    private final AdminRequests requests;
    private final CurrentCaller currentCaller;
    private final CreateKeys createKeys;

    AdminResource(UserPoolDirectory directory, AdminRequests requests, CurrentCaller currentCaller,
            CreateKeys createKeys) {
        this.directory = directory;
        this.requests = requests;
        this.currentCaller = currentCaller;
        this.createKeys = createKeys;
    }

    /** A page of users with their status, groups and TOTP state. */
    @GET
    public UserPoolDirectory.UserPage list(@QueryParam("nextToken") String nextToken) {
        actor();
        return directory.page(nextToken == null || nextToken.isEmpty() ? null : nextToken, PAGE_SIZE);
    }

    /**
     * A user with a temporary password (answered once, for the administrator to pass on), in a group or none. With
     * an {@code Idempotency-Key}, a retry of the same request answers 200 {@code Idempotent-Replayed: true} with the
     * user and no password (it is never stored), and the same key with another request 409.
     */
    @POST
    public Response create(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
        String actor = actor();
        AdminRequests.NewUser user = requests.newUser(body, contentType);
        if (UserPoolDirectory.ADMINS.equals(user.group())) {
            Refusal refusal = AdminRules.totpRequired(user.username()); // a new user has no TOTP yet
            AuditLog.record(actor, "create", user.username(), "refused: " + refusal.code());
            throw new ContractViolationException(refusal.status(), refusal.code(), refusal.message());
        }
        Optional<String> key = IdempotencyKey.scoped(idempotencyKey, currentCaller.get().orElseThrow());
        CreateKeys.Claim claim = key.isEmpty() ? null : createKeys.claim(key.get(),
                CreateKeys.fingerprint(user.username(), String.valueOf(user.group())));
        if (claim != null && claim.state() == CreateKeys.State.OTHER_REQUEST) {
            AuditLog.record(actor, "create", user.username(), "refused: idempotency_conflict");
            throw new ContractViolationException(409, "idempotency_conflict", "This Idempotency-Key was used for "
                    + "another user or group: use a new key for a new request.");
        }
        if (claim != null && claim.state() == CreateKeys.State.SAME_REQUEST) {
            Optional<Response> replay = replay(actor, user, claim);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        String password = AdminRequests.temporaryPassword();
        try {
            failureAudited(actor, "create", user.username(), () -> {
                directory.create(user.username(), password);
                return user;
            });
        } catch (RuntimeException e) {
            // Nothing made under this key: a retry creates. (Released only by this claim's owner.)
            if (claim != null && claim.state() == CreateKeys.State.NEW) {
                createKeys.release(key.get(), claim.owner());
            }
            throw e;
        }
        User created = audited(actor, "create", user.username(), () -> {
            if (user.group() != null) {
                directory.addToGroup(user.username(), user.group());
            }
            return directory.user(user.username());
        });
        return Response.status(Response.Status.CREATED)
                .entity(Map.of("user", created, "temporaryPassword", password)).build();
    }

    /**
     * The answer to a retry: the user the first request made, its group added if that request failed before it;
     * 409 while the first request may still be running; empty when it died before making the user (create now).
     */
    private Optional<Response> replay(String actor, AdminRequests.NewUser user, CreateKeys.Claim claim) {
        Optional<User> made = existing(user.username());
        if (made.isEmpty()) {
            if (claim.age().compareTo(IN_FLIGHT) < 0) {
                throw new ContractViolationException(409, "idempotency_in_progress", "A request with this "
                        + "Idempotency-Key is still being answered: retry in a few seconds.");
            }
            return Optional.empty();
        }
        User replay = made.get();
        if (user.group() != null && !replay.groups().contains(user.group())) {
            directory.addToGroup(replay.username(), user.group());
            replay = directory.user(replay.username());
        }
        AuditLog.record(actor, "create", user.username(), "replayed");
        return Optional.of(Response.ok(Map.of("user", replay)).header(REPLAYED_HEADER, "true").build());
    }

    /** The user if they exist now. */
    private Optional<User> existing(String username) {
        try {
            return Optional.of(directory.user(username));
        } catch (UserPoolFailure e) {
            if (e.kind() == UserPoolFailure.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Into {@code group} alone (null: no group), out of the others first: a failure half-way leaves less access. */
    @PUT
    @Path("{name}/group")
    public User setGroup(@PathParam("name") String name, byte[] body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        String group = requests.groupChange(body, contentType);
        return act(name, Action.SET_GROUP, group, user -> {
            for (String old : user.groups()) {
                if (!old.equals(group)) {
                    directory.removeFromGroup(user.username(), old);
                }
            }
            if (group != null && !user.groups().contains(group)) {
                directory.addToGroup(user.username(), group);
            }
        });
    }

    @POST
    @Path("{name}/disable")
    public User disable(@PathParam("name") String name) {
        return act(name, Action.DISABLE, null, user -> directory.disable(user.username()));
    }

    @POST
    @Path("{name}/enable")
    public User enable(@PathParam("name") String name) {
        return act(name, Action.ENABLE, null, user -> directory.enable(user.username()));
    }

    @POST
    @Path("{name}/sign-out")
    public User signOut(@PathParam("name") String name) {
        return act(name, Action.SIGN_OUT, null, user -> directory.signOutEverywhere(user.username()));
    }

    @POST
    @Path("{name}/reset-totp")
    public User resetTotp(@PathParam("name") String name) {
        return act(name, Action.RESET_TOTP, null, user -> directory.resetTotp(user.username()));
    }

    /** A new temporary password, answered once for the administrator to pass on. */
    @POST
    @Path("{name}/reset-password")
    public Map<String, Object> resetPassword(@PathParam("name") String name) {
        String password = AdminRequests.temporaryPassword();
        User user = act(name, Action.RESET_PASSWORD, null, u -> directory.setTemporaryPassword(u.username(), password));
        return Map.of("user", user, "temporaryPassword", password);
    }

    /** Reads the target now, judges the action, makes the change, and answers the user as they are after it. */
    private User act(String name, Action action, String toGroup, Consumer<User> change) {
        AdminRequests.username(name);
        String actor = actor();
        User target = failureAudited(actor, action.label, name, () -> directory.user(name));
        // Whom the pool could not do without is read only when an administrator is the target.
        Set<String> able = target.administrator()
                ? failureAudited(actor, action.label, name, directory::enabledAdminsWithTotp) : Set.of();
        Optional<Refusal> refusal = AdminRules.refusal(actor, action, target, toGroup, able);
        if (refusal.isPresent()) {
            AuditLog.record(actor, action.label, target.username(), "refused: " + refusal.get().code());
            throw new ContractViolationException(refusal.get().status(), refusal.get().code(),
                    refusal.get().message());
        }
        audited(actor, action.label, target.username(), () -> {
            change.accept(target);
            return target;
        });
        if (AdminRules.removesAdministrator(action, target, toGroup)) {
            keepAnAdministrator(actor, action, target);
        }
        if (AdminRules.endsSessions(action, target, toGroup)) {
            // Server-side, in every client: refresh tokens revoked, and the identity pool (ServerSideTokenCheck)
            // refuses the ID tokens issued before. Credentials already issued live out their hour.
            audited(actor, "sign-out", target.username(), () -> {
                directory.signOutEverywhere(target.username());
                return target;
            });
        }
        return directory.user(target.username());
    }

    /**
     * Cognito has no transactions: two administrators taking each other out at the same moment would both pass the
     * rule. So after taking an administrator away, the pool is read again; with no able administrator left, this
     * change is undone and refused. Of two such changes at least one is undone, and an undo only gives back.
     */
    private void keepAnAdministrator(String actor, Action action, User before) {
        if (!directory.enabledAdminsWithTotp().isEmpty()) {
            return;
        }
        if (action == Action.DISABLE) {
            directory.enable(before.username());
        } else {
            directory.groupsOf(before.username()).stream().filter(g -> !before.groups().contains(g))
                    .forEach(g -> directory.removeFromGroup(before.username(), g));
            before.groups().forEach(g -> directory.addToGroup(before.username(), g));
        }
        AuditLog.record(actor, action.label, before.username(), "undone: last_administrator");
        throw new ContractViolationException(409, "last_administrator", before.username() + " was the last enabled "
                + "administrator with two-factor sign-in once another change made at the same moment went through: "
                + "this change is undone.");
    }

    /** Runs {@code work} and audits its success; an exception is audited with its type (a failure, not a refusal). */
    private static <T> T audited(String actor, String action, String target, Supplier<T> work) {
        T result = failureAudited(actor, action, target, work);
        AuditLog.record(actor, action, target, "ok");
        return result;
    }

    private static <T> T failureAudited(String actor, String action, String target, Supplier<T> work) {
        try {
            return work.get();
        } catch (ContractViolationException e) {
            throw e; // a refusal, audited where it is decided
        } catch (RuntimeException e) {
            AuditLog.record(actor, action, target, "failed: "
                    + (e instanceof UserPoolFailure failure ? failure.type() : e.getClass().getSimpleName()));
            throw e;
        }
    }

    /**
     * The signed-in administrator's username: the user pool user behind the caller's identity-pool credentials
     * (the {@code sub} in {@code authorizer.iam.cognitoIdentity.amr}), looked up in this stack's pool.
     */
    private String actor() {
        Caller caller = currentCaller.get().orElseThrow(() -> new IllegalStateException("permission without a caller"));
        if (caller.userSub() == null || !directory.isThisPool(caller.userPoolProvider())) {
            throw refused(null, "not_a_pool_user", "Administration needs a sign-in to this stack's user pool; these "
                    + "credentials carry none.");
        }
        String name = directory.usernameOfSub(caller.userSub()).orElseThrow(() -> refused(caller.userSub(),
                "not_a_pool_user", "The user these credentials were issued to is no longer in the user pool."));
        // The role in the credentials was decided when they were issued (up to an hour ago): the user behind them
        // must still be an administrator who can act now, or a demoted, disabled or reset user's session could
        // enable or promote itself again.
        User actor = existing(name).orElseThrow(() -> refused(name, "not_a_pool_user", "The user these credentials "
                + "were issued to is no longer in the user pool."));
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
