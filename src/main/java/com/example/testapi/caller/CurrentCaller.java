package com.example.testapi.caller;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;

/**
 * The caller of the current request, read once from the event's {@code requestContext.authorizer.iam} and shared by
 * everything that asks: the permission check, the resource and the access log. Read from the event, not from the
 * security identity, because authentication is lazy and does not run for requests no resource takes (404, 405).
 */
@RequestScoped
public class CurrentCaller {

    @Inject
    APIGatewayV2HTTPEvent event;

    private Optional<Caller> caller;

    /** The account of the API that delivered the event: this stack's account, where its roles live. */
    public Optional<String> apiAccount() {
        RequestContext context = event == null ? null : event.getRequestContext();
        return Optional.ofNullable(context == null ? null : context.getAccountId());
    }

    /** The assumed-role caller API Gateway verified; empty for anything else (fail closed). */
    public Optional<Caller> get() {
        if (caller == null) {
            RequestContext context = event == null ? null : event.getRequestContext();
            caller = context == null || context.getAuthorizer() == null ? Optional.empty()
                    : CallerParser.parse(context.getAuthorizer().getIam());
        }
        return caller;
    }
}
