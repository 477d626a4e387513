package com.example.testapi.local.iam;

import java.time.Clock;
import java.util.function.Supplier;

import com.example.testapi.local.awsjson.AwsError;
import com.example.testapi.local.awsjson.AwsJsonEndpoint;
import com.example.testapi.local.template.LocalAccount;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * IAM for the user pool's admin API, as AWS applies it: every call is signed for {@code cognito-idp} in this region
 * with a key the local cloud knows. The {@link AdministratorKey} may do anything; identity-pool credentials (the
 * app's Users screen) may do what their role's policies in template.yaml allow on the pool the request names, else
 * {@code AccessDeniedException} in IAM's words. Any other key gets AWS's answer for it: never issued →
 * {@code UnrecognizedClientException}, expired → {@code ExpiredTokenException}, a signature for another service,
 * region or request → {@code InvalidSignatureException}.
 */
public final class AdminApiCallers implements AwsJsonEndpoint.CallerCheck {

    private final SigV4Verifier verifier;
    private final RolePolicies policies;
    private final LocalAccount account;

    public AdminApiCallers(SigningKeys keys, RolePolicies policies, LocalAccount account, Clock clock) {
        this.policies = policies;
        this.account = account;
        this.verifier = new SigV4Verifier(keys, account.region(), "cognito-idp", clock);
    }

    @Override
    public void check(String operation, AwsJsonEndpoint.SignedRequest request, Supplier<ObjectNode> input) {
        SigV4Verifier.Outcome outcome = verifier.verify(new SigV4Verifier.Request(request.method(), request.rawPath(),
                request.rawQuery(), request.headers(), request.body()));
        if (outcome.refusal() != null) {
            throw new AwsError(errorType(outcome.refusal().reason()), outcome.refusal().message());
        }
        if (outcome.key().administrator()) {
            return; // the account administrator: AdministratorAccess allows every action
        }
        IssuedCredentials caller = outcome.key().issued();
        String action = "cognito-idp:" + operation;
        String resource = "arn:aws:cognito-idp:" + account.region() + ":" + account.accountId() + ":userpool/"
                + input.get().path("UserPoolId").asText("");
        PolicyEvaluator.Decision decision = policies.decide(caller.roleName(), action, resource);
        if (decision != PolicyEvaluator.Decision.ALLOW) {
            // IAM's message (docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html).
            throw new AwsError("AccessDeniedException", "User: arn:aws:sts::" + account.accountId() + ":assumed-role/"
                    + caller.roleName() + "/CognitoIdentityCredentials is not authorized to perform: " + action
                    + " on resource: " + resource + (decision == PolicyEvaluator.Decision.EXPLICIT_DENY
                            ? " with an explicit deny in an identity-based policy"
                            : " because no identity-based policy allows the " + action + " action"));
        }
    }

    /**
     * The AWS JSON protocol's common error for each refusal (docs.aws.amazon.com/cognito-user-identity-pools/latest/
     * APIReference/CommonErrors.html), sent with status 400 as those services send them.
     */
    static String errorType(SigV4Verifier.Reason reason) {
        return switch (reason) {
            case MISSING_AUTHENTICATION -> "MissingAuthenticationTokenException";
            case INCOMPLETE_SIGNATURE -> "IncompleteSignatureException";
            case UNRECOGNIZED_CLIENT -> "UnrecognizedClientException";
            case EXPIRED_TOKEN -> "ExpiredTokenException";
            case INVALID_SIGNATURE -> "InvalidSignatureException";
        };
    }
}
