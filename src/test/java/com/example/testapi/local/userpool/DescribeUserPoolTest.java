package com.example.testapi.local.userpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

/**
 * DescribeUserPool through the AWS SDK with the administrator key: the template's MFA and sign-in settings as a client
 * reads them (the answer is also checked against the service model before it is sent).
 */
class DescribeUserPoolTest extends UserPoolCase {

    @Test
    void theTemplatesSignInAndMfaSettingsAreDescribed() {
        UserPoolType pool = sdk.describeUserPool(r -> r.userPoolId(poolId)).userPool();
        assertEquals(poolId, pool.id());
        assertEquals("OPTIONAL", pool.mfaConfigurationAsString());
        assertEquals(12, pool.policies().passwordPolicy().minimumLength());
        assertTrue(pool.policies().passwordPolicy().requireSymbols());
        assertTrue(pool.adminCreateUserConfig().allowAdminCreateUserOnly());
        assertEquals("verified_email", pool.accountRecoverySetting().recoveryMechanisms().get(0).nameAsString());
        assertEquals("V1_0", pool.lambdaConfig().preTokenGenerationConfig().lambdaVersionAsString());
        assertTrue(pool.estimatedNumberOfUsers() >= 3, "the local users: " + pool.estimatedNumberOfUsers());
    }
}
