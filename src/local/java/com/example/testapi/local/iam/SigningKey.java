package com.example.testapi.local.iam;

import java.time.Instant;


/**
 * A key whose signatures the local cloud checks: the {@link AdministratorKey}, or temporary credentials the identity
 * pool issued ({@code issued}, with their session token and expiry).
 */
public record SigningKey(String accessKeyId, String secretKey, String sessionToken, Instant expiration,
        IssuedCredentials issued) {

    static SigningKey of(IssuedCredentials issued) {
        return new SigningKey(issued.accessKeyId(), issued.secretKey(), issued.sessionToken(), issued.expiration(),
                issued);
    }

    /** Whether this is the account administrator's key (not identity-pool credentials). */
    public boolean administrator() {
        return issued == null;
    }
}
