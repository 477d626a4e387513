package com.example.testapi.client;

import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Where the client gets the temporary credentials it signs with; asked before every request. */
@FunctionalInterface
public interface CallerCredentials {

    AwsCredentialsIdentity current();
}
