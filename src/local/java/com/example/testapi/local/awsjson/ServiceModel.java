package com.example.testapi.local.awsjson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A service's model as AWS publishes it for its SDKs (botocore's {@code service-2.json}, vendored under
 * src/local/resources/service-models with its licence and date): each operation's input shape and the constraints of
 * every shape, from which {@link Input} checks a request before the operation runs.
 */
public final class ServiceModel {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** {@code cognito-idp-2016-04-18}: the user pools' model. */
    public static final String COGNITO_IDP = "cognito-idp-2016-04-18";
    /** {@code cognito-identity-2014-06-30}: the identity pools' model. */
    public static final String COGNITO_IDENTITY = "cognito-identity-2014-06-30";

    private final String name;
    private final String targetPrefix;
    private final JsonNode operations;
    private final JsonNode shapes;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    private ServiceModel(String name, JsonNode model) {
        this.name = name;
        this.targetPrefix = model.path("metadata").path("targetPrefix").asText();
        this.operations = model.path("operations");
        this.shapes = model.path("shapes");
    }

    /** The model {@code name} from the classpath's {@code service-models/NAME.json.gz}. */
    public static ServiceModel load(String name) {
        String resource = "service-models/" + name + ".json.gz";
        try (InputStream in = ServiceModel.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no service model " + resource + " on the classpath");
            }
            return new ServiceModel(name, MAPPER.readTree(new GZIPInputStream(in)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the service model " + resource, e);
        }
    }

    /** The AWS JSON protocol's target prefix ({@code AWSCognitoIdentityProviderService}). */
    public String targetPrefix() {
        return targetPrefix;
    }

    public boolean hasOperation(String operation) {
        return operations.has(operation);
    }

    /** The input structure of {@code operation}; a name the model does not list is a programming error. */
    JsonNode inputShape(String operation) {
        JsonNode input = operations.path(operation).path("input").path("shape");
        if (input.isMissingNode()) {
            throw new IllegalArgumentException(name + " has no operation " + operation + " with an input");
        }
        return shape(input.asText());
    }

    /** The output structure of {@code operation}; null for one that answers nothing ({@code {}}). */
    JsonNode outputShape(String operation) {
        JsonNode output = operations.path(operation).path("output").path("shape");
        return output.isMissingNode() ? null : shape(output.asText());
    }

    /**
     * The error a request that breaks a constraint gets: the operation's {@code InvalidParameterException} where it
     * lists one (both Cognito services do, for every operation), else the protocol's {@code ValidationException}.
     */
    String validationError(String operation) {
        for (JsonNode error : operations.path(operation).path("errors")) {
            if (error.path("shape").asText().equals("InvalidParameterException")) {
                return "InvalidParameterException";
            }
        }
        return "ValidationException";
    }

    JsonNode shape(String shapeName) {
        JsonNode shape = shapes.path(shapeName);
        if (shape.isMissingNode()) {
            throw new IllegalStateException(name + " has no shape " + shapeName);
        }
        return shape;
    }

    /** A shape's pattern, compiled once; matched against the whole value, as AWS's validation does. */
    Pattern pattern(String regex) {
        return patterns.computeIfAbsent(regex, Pattern::compile);
    }

}
