package com.example.testapi.client;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClientBuilder;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClientBuilder;

/**
 * The SDK clients for a stack's user pool and identity pool: its region, and its endpoints where the stack names
 * them (the local cloud); otherwise the SDK's own (which also honour {@code AWS_ENDPOINT_URL_COGNITO_*}).
 */
public final class CognitoClients {

    private CognitoClients() {
    }

    public static CognitoIdentityProviderClient userPool(StackOutputs stack) {
        return userPoolBuilder(stack).build();
    }

    /** Signing with {@code credentials}: an administrator's, or a user's identity-pool credentials (IAM decides). */
    public static CognitoIdentityProviderClient userPool(StackOutputs stack, AwsCredentials credentials) {
        return userPoolBuilder(stack).credentialsProvider(StaticCredentialsProvider.create(credentials)).build();
    }

    private static CognitoIdentityProviderClientBuilder userPoolBuilder(StackOutputs stack) {
        CognitoIdentityProviderClientBuilder builder = CognitoIdentityProviderClient.builder()
                .region(Region.of(stack.region())).httpClient(UrlConnectionHttpClient.create());
        if (stack.cognitoIdpEndpoint() != null) {
            builder.endpointOverride(stack.cognitoIdpEndpoint());
        }
        return builder;
    }

    public static CognitoIdentityClient identityPool(StackOutputs stack) {
        CognitoIdentityClientBuilder builder = CognitoIdentityClient.builder()
                .region(Region.of(stack.region())).httpClient(UrlConnectionHttpClient.create());
        if (stack.cognitoIdentityEndpoint() != null) {
            builder.endpointOverride(stack.cognitoIdentityEndpoint());
        }
        return builder.build();
    }
}
