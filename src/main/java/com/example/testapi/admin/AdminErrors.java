package com.example.testapi.admin;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.example.testapi.api.ApiError;

/**
 * What the user pool answered, in the API's error contract. A caller's mistake (no such user, a taken name) is a 4xx
 * with its reason; the pool being busy or unreachable is a 503 to retry; the function's own role being refused is a
 * misconfiguration of ours, a 500, never passed off as the caller's refusal. Only the function's own types appear
 * here ({@link UserPoolFailure}), so mapping them loads no SDK class at start.
 */
public class AdminErrors {

    private static final Logger LOG = Logger.getLogger(AdminErrors.class);

    @ServerExceptionMapper
    public Response userPool(UserPoolFailure e) {
        return switch (e.kind()) {
            case NOT_FOUND -> json(404, "user_not_found", "No such user in the user pool.");
            case EXISTS -> json(409, "user_exists", "A user with that name exists already.");
            case INVALID -> json(400, "invalid_parameter", "The user pool refused the request: " + e.getMessage());
            case BUSY -> retry("user_pool_busy", "The user pool is throttling: retry shortly.");
            case UNREACHABLE -> {
                LOG.warn("User pool unreachable: " + e.getMessage());
                yield retry("user_pool_unavailable", "The user pool did not answer: retry shortly.");
            }
            case REFUSED -> {
                LOG.error("The user pool refused the administration function: " + e.type() + ": " + e.getMessage(),
                        e.getCause());
                yield json(500, "internal_error", "The administration function could not use the user pool.");
            }
        };
    }

    @ServerExceptionMapper
    public Response notConfigured(UserPoolDirectory.NotConfiguredException e) {
        LOG.error(e.getMessage());
        return json(500, "not_configured", "This function administers no user pool (TESTAPI_USER_POOL_ID).");
    }

    private static Response retry(String code, String message) {
        return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE).header("Retry-After", "1")
                .entity(new ApiError(code, message)).build();
    }

    private static Response json(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(code, message)).build();
    }
}
