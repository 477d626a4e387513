package com.example.testapi.local.gateway;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import com.example.testapi.local.template.LocalAccount;
import com.example.testapi.local.template.SamTemplate;

/**
 * What template.yaml says of the HTTP API, read once: its routes (each must be AWS_IAM), its CORS configuration and
 * the ARN a call invokes. What a role may invoke is IAM's ({@code iam.RolePolicies}); which role a caller has is the
 * identity pool's decision, carried by its credentials.
 */
public final class TemplateAccess {

    private final LocalAccount account;
    private final Set<String> routes;
    private final CorsRules cors;

    private TemplateAccess(LocalAccount account, Set<String> routes, CorsRules cors) {
        this.account = account;
        this.routes = routes;
        this.cors = cors;
    }

    /** Reads {@code templateFile} in the account named after it ({@link LocalAccount#forTemplate}). */
    public static TemplateAccess load(Path templateFile, String region) {
        SamTemplate template = SamTemplate.load(templateFile);
        return of(template, LocalAccount.forTemplate(region, template));
    }

    public static TemplateAccess of(SamTemplate template, LocalAccount account) {
        Set<String> routes = template.routes().stream()
                .filter(route -> route.apiId().equals(account.apiLogicalId()))
                .peek(route -> {
                    if (!"AWS_IAM".equals(route.authorizer())) {
                        throw new IllegalStateException("route " + route.key() + " is not protected by AWS_IAM in "
                                + "template.yaml: the local cloud refuses to serve an open route");
                    }
                })
                .map(SamTemplate.Route::key).collect(Collectors.toUnmodifiableSet());

        return new TemplateAccess(account, routes, CorsRules.from(template, account));
    }

    public LocalAccount account() {
        return account;
    }

    /** The HTTP API's CORS configuration ({@link CorsRules#NONE} without one). */
    public CorsRules cors() {
        return cors;
    }

    public boolean hasRoute(String method, String path) {
        return routes.contains(method + " " + path);
    }

    /** {@code arn:aws:execute-api:REGION:ACCOUNT:API_ID/$default/METHOD/PATH}, as API Gateway builds it. */
    public String invokeArn(String method, String path) {
        return "arn:aws:execute-api:" + account.region() + ":" + account.accountId() + ":" + account.apiId()
                + "/$default/" + method + path;
    }
}
