package com.example.testapi.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.example.testapi.items.IdempotencyConflictException;
import com.example.testapi.items.StoreUnavailableException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

/** Every failure leaves as JSON {@link ApiError} with the contract's status, never as a stack trace. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response apiError(ContractViolationException e) {
        return json(e.status(), e.body());
    }

    @ServerExceptionMapper
    public Response idempotencyConflict(IdempotencyConflictException e) {
        return json(409, new ApiError("idempotency_conflict", e.getMessage()));
    }

    /** Throttled or unreachable store: a write may or may not have happened; a retry with the same key is safe. */
    @ServerExceptionMapper
    public Response storeUnavailable(StoreUnavailableException e) {
        LOG.warn("Store unavailable: " + e.getCause());
        return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", String.valueOf(e.retryAfterSeconds()))
                .entity(new ApiError("store_unavailable", e.getMessage())).build();
    }

    /** No IAM identity at all: Quarkus would say 401, but an IAM API has no login to offer, so 403 as API Gateway. */
    @ServerExceptionMapper
    public Response anonymous(UnauthorizedException e) {
        return json(403, new ApiError("forbidden",
                "The request carries no IAM identity. Sign it with AWS Signature V4 using your group's credentials."));
    }

    /** An authorizer object Quarkus cannot turn into an identity (e.g. IAM without userId): refused the same way. */
    @ServerExceptionMapper
    public Response unusableIdentity(AuthenticationFailedException e) {
        return anonymous(null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request, UriInfo uri) {
        return json(403, new ApiError("forbidden",
                "Your IAM role may not call " + request.method() + " " + uri.getPath() + "."));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response response = json(status, switch (status) {
            case 404 -> new ApiError("not_found", "No resource at " + uri.getPath() + ".");
            case 405 -> new ApiError("method_not_allowed", request.method() + " is not allowed on " + uri.getPath() + ".");
            case 415 -> new ApiError("unsupported_media_type", "Send the body as application/json.");
            case 413 -> new ApiError("payload_too_large", "The body is too large.");
            default -> new ApiError(status < 500 ? "bad_request" : "internal_error",
                    status < 500 ? "The request is malformed: check its headers and query string."
                            : "The server failed to answer the request.");
        });
        // A 405 on /test says which methods it takes (the /admin routes are each one method).
        return status == 405 && "/test".equals(uri.getPath())
                ? Response.fromResponse(response).header(HttpHeaders.ALLOW, TestResource.ALLOWED_METHODS).build()
                : response;
    }

    /** Last resort: log the cause for us, tell the caller nothing internal. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("Unhandled failure", e);
        return json(500, new ApiError("internal_error", "The server failed to answer the request."));
    }

    private static Response json(int status, ApiError body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
