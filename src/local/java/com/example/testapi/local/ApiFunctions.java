package com.example.testapi.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.example.testapi.local.iam.CredentialsStore;
import com.example.testapi.local.lambda.FunctionBackend;
import com.example.testapi.local.lambda.FunctionBackends;
import com.example.testapi.local.template.LocalAccount;
import com.example.testapi.local.template.SamTemplate;

/**
 * Which back end runs each function of the HTTP API's routes: the functions that name a role of their own in
 * template.yaml (the administration function) run apart, each a {@link RoleFunction} from its zip with that role's
 * credentials, once {@link #startApart} started them; every other function runs on the shared back end (the packaged
 * function.zip, or the dev app).
 */
final class ApiFunctions implements FunctionBackends, AutoCloseable {

    private final FunctionBackend shared;
    private final Map<String, RoleFunction> apart = new ConcurrentHashMap<>();

    ApiFunctions(FunctionBackend shared) {
        this.shared = shared;
    }

    @Override
    public FunctionBackend forFunction(String logicalId) {
        RoleFunction own = apart.get(logicalId);
        return own != null ? own : shared;
    }

    /** Starts every route function with a role of its own; one that cannot start fails here. */
    void startApart(SamTemplate template, LocalAccount account, Path templateDir, String userPoolEndpoint,
            CredentialsStore credentials) throws IOException {
        for (String function : withOwnRole(template)) {
            apart.put(function, RoleFunction.start(template, account, function, templateDir, userPoolEndpoint,
                    credentials, true));
        }
    }

    /** What runs apart, for the banner; empty when nothing does. */
    List<String> describeApart() {
        return apart.values().stream().map(RoleFunction::describe).toList();
    }

    private static Set<String> withOwnRole(SamTemplate template) {
        return template.routes().stream().map(SamTemplate.Route::function)
                .filter(function -> template.properties(function).get("Role") != null)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @Override
    public void close() {
        apart.values().forEach(RoleFunction::close);
    }
}
