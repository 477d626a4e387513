package com.example.testapi.caller;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.amazon.lambda.http.IAMPrincipal;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Second, fail-closed layer behind API Gateway's IAM check: grants {@link Permissions} only to an assumed role of this
 * stack: its name one of the {@link StackRoles}, in this stack's own account (the account of the API that delivered
 * the event). A role of the same name in another account, or anything else, keeps no permission and gets 403.
 *
 * <p>Two rules read who the caller is, on purpose: the extension's own IAM identity provider (which needs
 * {@code userId} for its {@code IAMPrincipal}) authenticates, and {@link CallerParser} (which needs the assumed-role
 * ARN) decides. A custom {@code LambdaIdentityProvider} could build the principal from the parser, but not make the
 * parser the only reading: authentication is lazy and never runs for a request no resource takes (404, 405), whose
 * access-log line still names the caller from the event ({@link CurrentCaller}). So the parser stays the one rule that
 * grants anything, and the provider only a precondition.
 */
@ApplicationScoped
public class RolePermissions implements SecurityIdentityAugmentor {

    private final StackRoles roles;
    private final CurrentCaller caller;

    RolePermissions(StackRoles roles, CurrentCaller caller) {
        this.roles = roles;
        this.caller = caller;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!(identity.getPrincipal() instanceof IAMPrincipal)) {
            return Uni.createFrom().item(identity);
        }
        Optional<String> account = caller.apiAccount();
        return Uni.createFrom().item(caller.get().filter(current -> account.isPresent()
                && account.get().equals(current.accountId())).map(current -> {
            QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity);
            if (current.roleName().equals(roles.adminRole())) {
                builder.addRole(Permissions.READ).addRole(Permissions.WRITE).addRole(Permissions.ADMINISTER);
            } else if (current.roleName().equals(roles.fullAccessRole())) {
                builder.addRole(Permissions.READ).addRole(Permissions.WRITE);
            } else if (current.roleName().equals(roles.readAccessRole())) {
                builder.addRole(Permissions.READ);
            }
            return (SecurityIdentity) builder.build();
        }).orElse(identity));
    }
}
