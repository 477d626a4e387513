package com.example.testapi.client;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a caller needs from the deployed stack, as its CloudFormation Outputs name it: {@code ApiUrl}, {@code Region},
 * {@code UserPoolId}, {@code UserPoolClientId}, {@code IdentityPoolId}; and, for the local cloud only, where its
 * user pool and identity pool listen ({@code CognitoIdpEndpoint}, {@code CognitoIdentityEndpoint}; null for AWS).
 */
public record StackOutputs(URI apiUrl, String region, String userPoolId, String userPoolClientId, String identityPoolId,
        URI cognitoIdpEndpoint, URI cognitoIdentityEndpoint) {

    public StackOutputs(URI apiUrl, String region, String userPoolId, String userPoolClientId, String identityPoolId) {
        this(apiUrl, region, userPoolId, userPoolClientId, identityPoolId, null, null);
    }

    /**
     * Reads the JSON of {@code aws cloudformation describe-stacks --stack-name NAME} (whole answer, or just the
     * {@code Outputs} array from {@code --query 'Stacks[0].Outputs'}).
     */
    public static StackOutputs fromDescribeStacks(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readString(file));
        JsonNode outputs = root.isArray() ? root : root.path("Stacks").path(0).path("Outputs");
        Map<String, String> values = new HashMap<>();
        outputs.forEach(o -> values.put(o.path("OutputKey").asText(), o.path("OutputValue").asText()));
        return fromMap(values);
    }

    /** From OutputKey → OutputValue pairs; every key named above must be present. */
    public static StackOutputs fromMap(Map<String, String> outputs) {
        return new StackOutputs(URI.create(required(outputs, "ApiUrl")), required(outputs, "Region"),
                required(outputs, "UserPoolId"), required(outputs, "UserPoolClientId"),
                required(outputs, "IdentityPoolId"), optionalUri(outputs, "CognitoIdpEndpoint"),
                optionalUri(outputs, "CognitoIdentityEndpoint"));
    }

    /** The key of the identity pool's Logins map: {@code cognito-idp.REGION.amazonaws.com/POOL_ID}. */
    public String loginsProvider() {
        return "cognito-idp." + region + ".amazonaws.com/" + userPoolId;
    }

    private static URI optionalUri(Map<String, String> outputs, String key) {
        String value = outputs.get(key);
        return value == null || value.isBlank() ? null : URI.create(value);
    }

    private static String required(Map<String, String> outputs, String key) {
        String value = outputs.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("stack output " + key + " is missing");
        }
        return value;
    }
}
