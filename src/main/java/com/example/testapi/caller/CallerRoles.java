package com.example.testapi.caller;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.amazon.lambda.http.IAMPrincipal;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Second, fail-closed layer behind API Gateway's IAM check: grants {@link Permissions} only to an assumed role whose
 * name is one of the configured {@link AccessRoles}. Anything else keeps no permission and gets 403.
 */
@ApplicationScoped
public class CallerRoles implements SecurityIdentityAugmentor {

    private final AccessRoles roles;

    CallerRoles(AccessRoles roles) {
        this.roles = roles;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!(identity.getPrincipal() instanceof IAMPrincipal principal)) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(CallerParser.parse(principal.getIam()).map(caller -> {
            QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity)
                    .addAttribute(Caller.ATTRIBUTE, caller);
            if (caller.roleName().equals(roles.fullAccessRole())) {
                builder.addRole(Permissions.READ).addRole(Permissions.WRITE);
            } else if (caller.roleName().equals(roles.readAccessRole())) {
                builder.addRole(Permissions.READ);
            }
            return (SecurityIdentity) builder.build();
        }).orElse(identity));
    }
}
