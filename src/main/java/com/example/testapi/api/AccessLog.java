package com.example.testapi.api;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.example.testapi.caller.Caller;
import com.example.testapi.caller.CurrentCaller;

/**
 * Who and what a request is, on every log line written while it runs, and one access line when it ends.
 * <p>
 * The identifiers go into the logging context (MDC), which the JSON log format writes as the {@code mdc} object of
 * each line: the Lambda request id (as in Lambda's own REPORT line), API Gateway's request id (as in the API access
 * log), the X-Ray trace id, the caller's role and identity id. The access line adds route, status and latency.
 * Nothing secret: no keys, tokens, bodies or headers.
 */
public class AccessLog {

    static final String REQUEST_ID = "requestId";
    static final String API_REQUEST_ID = "apiRequestId";
    static final String TRACE_ID = "traceId";
    static final String ROLE = "role";
    static final String IDENTITY_ID = "identityId";
    static final String ROUTE = "route";
    static final String STATUS = "status";
    static final String LATENCY_MS = "latencyMs";
    private static final List<String> KEYS = List.of(REQUEST_ID, API_REQUEST_ID, TRACE_ID, ROLE, IDENTITY_ID, ROUTE,
            STATUS, LATENCY_MS);

    /** Lambda's Java runtime (and Quarkus's poll loop) put the invocation's X-Ray trace header here. */
    static final String TRACE_HEADER_PROPERTY = "com.amazonaws.xray.traceHeader";

    private static final Logger LOG = Logger.getLogger("testapi.access");
    private static final String STARTED = AccessLog.class.getName() + ".started";

    @Inject
    APIGatewayV2HTTPEvent event;
    @Inject
    Context lambdaContext;
    @Inject
    CurrentCaller currentCaller;

    @ServerRequestFilter(preMatching = true)
    public void start(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
        put(REQUEST_ID, lambdaContext.getAwsRequestId());
        APIGatewayV2HTTPEvent.RequestContext context = event == null ? null : event.getRequestContext();
        put(API_REQUEST_ID, context == null ? null : context.getRequestId());
        put(TRACE_ID, TraceHeader.rootOf(System.getProperty(TRACE_HEADER_PROPERTY)).orElse(null));
        Optional<Caller> caller = currentCaller.get();
        put(ROLE, caller.map(Caller::roleName).orElse(null));
        put(IDENTITY_ID, caller.map(Caller::identityId).orElse(null));
    }

    @ServerResponseFilter
    public void log(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        String route = request.getMethod() + " " + request.getUriInfo().getPath();
        put(ROUTE, route);
        put(STATUS, String.valueOf(response.getStatus()));
        // Whole milliseconds: Logs Insights sorts digit-only values as numbers.
        put(LATENCY_MS, started == null ? null : String.valueOf((System.nanoTime() - (long) started) / 1_000_000));
        try {
            // Concatenated, not infof: a printf format costs a java.util.Formatter per request (warm-path profile).
            LOG.info(route + " answered " + response.getStatus());
        } finally {
            KEYS.forEach(MDC::remove);
        }
    }

    private static void put(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
        }
    }
}
