package com.example.testapi.client;

import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Where the client gets the temporary credentials it signs with; asked before every request. */
@FunctionalInterface
public interface CallerCredentials {

    AwsCredentialsIdentity current();

    /**
     * Gets new credentials now, whatever their expiry says (the gateway refused them, perhaps as expired by its
     * clock). False when this source cannot renew (fixed keys): the refusal then stands as it is.
     */
    default boolean renew() {
        return false;
    }
}
