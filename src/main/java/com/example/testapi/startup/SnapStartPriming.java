package com.example.testapi.startup;

import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.jboss.logging.Logger;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.example.testapi.caller.StackRoles;
import com.example.testapi.items.ItemStore;

import io.quarkus.amazon.lambda.http.LambdaHttpHandler;
import io.quarkus.arc.ClientProxy;
import io.quarkus.runtime.Startup;

/**
 * SnapStart priming: just before Lambda snapshots the initialised function, one request runs the whole path (event
 * mapping, security with the configured role, routing, JSON, error mapping), so the classes and JIT state it needs are
 * in the snapshot instead of being loaded by the first real caller. The request is {@code GET /test?limit=0}: refused
 * with 400 before the store is touched, so priming reads nothing, writes nothing and opens no connection that would
 * be stale after restore. It also creates the store, so the DynamoDB client (built without any network call; its
 * credentials are looked up at its first call, after restore) is in the snapshot too. Without SnapStart the hook never
 * runs.
 */
@Startup
@ApplicationScoped
public class SnapStartPriming implements Resource {

    private static final Logger LOG = Logger.getLogger(SnapStartPriming.class);
    private final StackRoles roles;
    private final ItemStore store;

    SnapStartPriming(StackRoles roles, ItemStore store) {
        this.roles = roles;
        this.store = store;
    }

    @PostConstruct
    void register() {
        Core.getGlobalContext().register(this); // CRaC keeps a weak reference: this bean keeps it alive
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        Object created = ClientProxy.unwrap(store); // the store is created lazily; create it now
        int status = prime();
        LOG.infof("SnapStart priming: %s ready, priming request answered %d", created.getClass().getSimpleName(),
                status);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
    }

    /** Runs the priming request through Quarkus's Lambda handler; returns its status. */
    public int prime() {
        return new LambdaHttpHandler().handleRequest(primingEvent(), new PrimingContext()).getStatusCode();
    }

    APIGatewayV2HTTPEvent primingEvent() {
        RequestContext.IAM iam = new RequestContext.IAM();
        iam.setUserId("AROAPRIMING:SnapStartPriming");
        iam.setAccountId("000000000000");
        iam.setUserArn("arn:aws:sts::000000000000:assumed-role/" + roles.fullAccessRole() + "/SnapStartPriming");
        iam.setCognitoIdentity(new RequestContext.CognitoIdentity(List.of("authenticated"), "priming", "priming"));
        RequestContext.Authorizer authorizer = new RequestContext.Authorizer();
        authorizer.setIam(iam);
        RequestContext.Http http = new RequestContext.Http();
        http.setMethod("GET");
        http.setPath("/test");
        http.setProtocol("HTTP/1.1");
        http.setSourceIp("127.0.0.1");
        RequestContext context = new RequestContext();
        context.setHttp(http);
        context.setAuthorizer(authorizer);
        context.setAccountId("000000000000"); // the role's: the priming request passes the account check too
        context.setRequestId("snapstart-priming");
        context.setRouteKey("GET /test");
        context.setStage("$default");
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        event.setRouteKey("GET /test");
        event.setRawPath("/test");
        event.setRawQueryString("limit=0");
        event.setHeaders(Map.of("accept", "application/json", "host", "priming.local"));
        event.setRequestContext(context);
        return event;
    }
}
