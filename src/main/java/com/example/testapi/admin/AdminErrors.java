package com.example.testapi.admin;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.example.testapi.api.ApiError;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * What the user pool answered, in the API's error contract. A caller's mistake (no such user, a taken name) is a 4xx
 * with its reason; the pool being busy or unreachable is a 503 to retry; the function's own role being refused is a
 * misconfiguration of ours, a 500, never passed off as the caller's refusal.
 */
public class AdminErrors {

    private static final Logger LOG = Logger.getLogger(AdminErrors.class);

    @ServerExceptionMapper
    public Response cognito(CognitoIdentityProviderException e) {
        String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        if (e instanceof UserNotFoundException) {
            return json(404, "user_not_found", "No such user in the user pool.");
        }
        if (e instanceof UsernameExistsException) {
            return json(409, "user_exists", "A user with that name exists already.");
        }
        if (e instanceof InvalidPasswordException || e instanceof InvalidParameterException) {
            return json(400, "invalid_parameter", "The user pool refused the request: " + message);
        }
        if (e instanceof TooManyRequestsException || e instanceof LimitExceededException) {
            return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE).header("Retry-After", "1")
                    .entity(new ApiError("user_pool_busy", "The user pool is throttling: retry shortly.")).build();
        }
        LOG.error("The user pool refused the administration function: " + e.awsErrorDetails(), e);
        return json(500, "internal_error", "The administration function could not use the user pool.");
    }

    /** No answer from the user pool in time (after the SDK's bounded retries): safe to retry. */
    @ServerExceptionMapper
    public Response unreachable(SdkException e) {
        LOG.warn("User pool unreachable: " + e);
        return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE).header("Retry-After", "1")
                .entity(new ApiError("user_pool_unavailable", "The user pool did not answer: retry shortly.")).build();
    }

    @ServerExceptionMapper
    public Response notConfigured(UserPoolDirectory.NotConfiguredException e) {
        LOG.error(e.getMessage());
        return json(500, "not_configured", "This function administers no user pool (TESTAPI_USER_POOL_ID).");
    }

    private static Response json(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(code, message)).build();
    }
}
