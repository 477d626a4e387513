package com.example.testapi.admin;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

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
    private final ActingAdministrator acting;

    AdminResource(UserPoolDirectory directory, AdminRequests requests, CurrentCaller currentCaller,
            CreateKeys createKeys) {
        this.directory = directory;
        this.requests = requests;
        this.currentCaller = currentCaller;
        this.createKeys = createKeys;
        this.acting = new ActingAdministrator(directory, currentCaller);
    }

    /** A page of users with their status, groups and TOTP state. */
    @GET
    public UserPoolDirectory.UserPage list(@QueryParam("nextToken") String nextToken) {
        acting.name();
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
        String actor = acting.name();
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
            AuditLog.failureAudited(actor, "create", user.username(), () -> {
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
        User created = AuditLog.audited(actor, "create", user.username(), () -> {
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
        Optional<User> made = directory.find(user.username());
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
        String actor = acting.name();
        User target = AuditLog.failureAudited(actor, action.label, name, () -> directory.user(name));
        // Whom the pool could not do without is read only when an administrator is the target.
        Set<String> able = target.administrator()
                ? AuditLog.failureAudited(actor, action.label, name, directory::enabledAdminsWithTotp) : Set.of();
        Optional<Refusal> refusal = AdminRules.refusal(actor, action, target, toGroup, able);
        if (refusal.isPresent()) {
            AuditLog.record(actor, action.label, target.username(), "refused: " + refusal.get().code());
            throw new ContractViolationException(refusal.get().status(), refusal.get().code(),
                    refusal.get().message());
        }
        boolean endsSessions = AdminRules.endsSessions(action, target, toGroup);
        try {
            AuditLog.audited(actor, action.label, target.username(), () -> {
                change.accept(target);
                return target;
            });
        } catch (RuntimeException failed) {
            // Half done (out of Admins, not yet into the new group) still ends their sessions.
            if (endsSessions) {
                try {
                    signOut(actor, target);
                } catch (RuntimeException alsoFailed) {
                    failed.addSuppressed(alsoFailed);
                }
            }
            throw failed;
        }
        if (AdminRules.removesAdministrator(action, target, toGroup)) {
            keepAnAdministrator(actor, action, target);
        }
        if (endsSessions) {
            try {
                signOut(actor, target);
            } catch (RuntimeException failed) {
                throw new ContractViolationException(503, "sign_out_failed", "The change to " + target.username()
                        + " was made, but their sessions could not be ended: use Sign out everywhere for them.");
            }
        }
        return directory.user(target.username());
    }

    /**
     * Server-side, in every client: refresh tokens revoked, and the identity pool (ServerSideTokenCheck) refuses the
     * ID tokens issued before. Credentials already issued live out their hour.
     */
    private void signOut(String actor, User target) {
        AuditLog.audited(actor, "sign-out", target.username(), () -> {
            directory.signOutEverywhere(target.username());
            return target;
        });
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
}
