package com.example.testapi.local.template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read-only navigation over a loaded template.yaml, and the rules the template tests (and tools) ask of it. */
public record SamTemplate(Map<String, Object> root) {

    public static SamTemplate load(Path file) {
        return new SamTemplate(CfnYaml.load(file));
    }

    /** An HTTP API route declared by a function's HttpApi event, with the authorizer API Gateway will apply. */
    public record Route(String method, String path, String function, String apiId, String authorizer) {
        public String key() {
            return method + " " + path;
        }
    }

    public Map<String, Object> resources() {
        return map(root, "Resources");
    }

    public Map<String, Object> resource(String logicalId) {
        Map<String, Object> resource = map(resources(), logicalId);
        if (resource.isEmpty()) {
            throw new AssertionError("template has no resource " + logicalId);
        }
        return resource;
    }

    public Map<String, Object> properties(String logicalId) {
        return map(resource(logicalId), "Properties");
    }

    public Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        resources().forEach((id, value) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> resource = (Map<String, Object>) value;
            if (type.equals(resource.get("Type"))) {
                found.put(id, resource);
            }
        });
        return found;
    }

    /**
     * Every HttpApi route with its effective authorizer: the route's own {@code Auth.Authorizer}, else the API's
     * {@code DefaultAuthorizer}; an AWS_IAM that {@code EnableIamAuthorizer} does not switch on counts as none.
     */
    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        resourcesOfType("AWS::Serverless::Function").forEach((function, resource) -> {
            map(map(resource, "Properties"), "Events").forEach((name, value) -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> event = (Map<String, Object>) value;
                if (!"HttpApi".equals(event.get("Type"))) {
                    return;
                }
                Map<String, Object> props = map(event, "Properties");
                Object apiRef = map(props, "ApiId").get("Ref");
                String apiId = apiRef == null ? "ServerlessHttpApi" : apiRef.toString();
                Map<String, Object> apiAuth = map(map(map(resources(), apiId), "Properties"), "Auth");
                Object authorizer = map(props, "Auth").getOrDefault("Authorizer", apiAuth.get("DefaultAuthorizer"));
                if ("AWS_IAM".equals(authorizer) && !Boolean.TRUE.equals(apiAuth.get("EnableIamAuthorizer"))) {
                    authorizer = null;
                }
                routes.add(new Route(String.valueOf(props.get("Method")).toUpperCase(), String.valueOf(props.get("Path")),
                        function, apiId, authorizer == null ? null : authorizer.toString()));
            });
        });
        return routes;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return value instanceof List ? (List<Object>) value : value == null ? List.of() : List.of(value);
    }

    /** A value the template must hold as a mapping (a policy, a statement…); anything else is a template error. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object value) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("template.yaml: expected a mapping, found " + value);
        }
        return (Map<String, Object>) value;
    }
}
