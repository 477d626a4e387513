package com.example.testapi.acceptance.fidelity;

import java.net.URI;
import java.util.Optional;

import com.example.testapi.client.StackOutputs;

import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** A stack the fidelity probes run against: AWS, or the local cloud through the same code. */
public interface ProbeTarget {

    StackOutputs stack();

    /** A client with the pool's admin rights (AWS: the caller's account credentials). */
    CognitoIdentityProviderClient userPool();

    /** A client of the stack's identity pool (unsigned calls: GetId, GetCredentialsForIdentity, GetOpenIdToken). */
    CognitoIdentityClient identityPool();

    /** An origin the API's CORS configuration allows (the probes send it as Origin). */
    String allowedOrigin();

    /** Current identity-pool credentials of a signed-in member of {@code group}. */
    AwsSessionCredentialsIdentity keys(String group);

    /** Identity-pool credentials past their expiry; empty when none are at hand (AWS: from an earlier run). */
    Optional<AwsSessionCredentialsIdentity> expiredKeys();

    /** A user in {@code group} with a permanent password, removed when the target closes: {username, password}. */
    String[] newUser(String group);

    /** The hosted UI's base URL; empty when the pool has no domain. */
    Optional<URI> hostedUi();

    /** A callback URL the app client registers (for the hosted UI's redirects); empty when unknown. */
    Optional<String> callbackUrl();
}
