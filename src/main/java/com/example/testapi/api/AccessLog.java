package com.example.testapi.api;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.example.testapi.caller.Caller;
import com.example.testapi.caller.CurrentCaller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One JSON line per request for CloudWatch Logs Insights: request id, route, status, latency, caller role and
 * identity id. Nothing secret: no keys, tokens, bodies or headers.
 */
public class AccessLog {

    private static final Logger LOG = Logger.getLogger("testapi.access");
    private static final String STARTED = AccessLog.class.getName() + ".started";

    @Inject
    APIGatewayV2HTTPEvent event;
    @Inject
    CurrentCaller currentCaller;
    @Inject
    ObjectMapper mapper;

    @ServerRequestFilter(preMatching = true)
    public void start(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @ServerResponseFilter
    public void log(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        Map<String, Object> line = new LinkedHashMap<>();
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        line.put("requestId", context == null ? null : context.getRequestId());
        line.put("route", request.getMethod() + " " + request.getUriInfo().getPath());
        line.put("status", response.getStatus());
        line.put("latencyMs", started == null ? null : (System.nanoTime() - (long) started) / 1_000_000.0);
        Caller caller = currentCaller.get().orElse(null);
        line.put("role", caller == null ? null : caller.roleName());
        line.put("identityId", caller == null ? null : caller.identityId());
        try {
            LOG.info(mapper.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            LOG.warn("access log line could not be written", e);
        }
    }
}
