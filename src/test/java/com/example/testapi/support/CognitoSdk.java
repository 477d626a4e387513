package com.example.testapi.support;

import com.example.testapi.local.LocalCloud;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** The AWS SDK's own Cognito clients, pointed at a local cloud as any SDK user would point them. */
public final class CognitoSdk {

    private CognitoSdk() {
    }

    /** As the local account's administrator: the one key it trusts besides the identity pool's ({@code local}). */
    public static CognitoIdentityProviderClient userPool(LocalCloud cloud) {
        return userPool(cloud, AwsBasicCredentials.create("local", "local"));
    }

    /** Signing with {@code credentials} (e.g. a user's identity-pool credentials, which IAM then judges). */
    public static CognitoIdentityProviderClient userPool(LocalCloud cloud, AwsCredentials credentials) {
        return userPool(cloud, credentials, cloud.account().region());
    }

    /** The same, signing for {@code region} (which need not be the cloud's). */
    public static CognitoIdentityProviderClient userPool(LocalCloud cloud, AwsCredentials credentials, String region) {
        return CognitoIdentityProviderClient.builder().region(Region.of(region))
                .endpointOverride(cloud.userPool().endpoint()).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.apiCallTimeout(SignedHttp.TIMEOUT)) // a hang fails fast
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).build();
    }

    public static CognitoIdentityClient identityPool(LocalCloud cloud) {
        return CognitoIdentityClient.builder().region(Region.of(cloud.account().region()))
                .endpointOverride(cloud.identityPool().endpoint()).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.apiCallTimeout(SignedHttp.TIMEOUT))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }
}
