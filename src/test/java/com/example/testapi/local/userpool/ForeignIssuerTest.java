package com.example.testapi.local.userpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.testapi.support.CognitoSdk;
import com.example.testapi.support.TestCloud;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;

/**
 * The identity pool's issuer check, the one refusal no forger can reach from outside (it needs the pool's own key,
 * ForgedTokensTest shows every other key refused first): a token the pool's key signed with another {@code iss}.
 */
class ForeignIssuerTest {

    @Test
    void aTokenOfAnotherIssuerIsRefusedEvenWithThePoolsSignature() throws Exception {
        try (TestCloud cloud = TestCloud.start(Path.of("template.yaml"), TestCloud.NO_FUNCTION);
                CognitoIdentityClient identityPool = CognitoSdk.identityPool(cloud.cloud)) {
            JWTClaimsSet real = SignedJWT.parse(cloud.cloud.userPool().signIn("alice", "Alice-Str0ng-Passw0rd!"))
                    .getJWTClaimsSet();
            String foreign = cloud.cloud.userPool().signer().sign(new JWTClaimsSet.Builder(real)
                    .issuer("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other").build());
            Map<String, String> logins = Map.of(cloud.cloud.userPool().settings().providerName(), foreign);
            NotAuthorizedException refused = assertThrows(NotAuthorizedException.class, () -> identityPool.getId(r -> r
                    .identityPoolId(cloud.cloud.outputs().get("IdentityPoolId")).logins(logins)));
            assertEquals("Invalid login token. Issuer doesn't match providerName", refused.awsErrorDetails().errorMessage());
        }
    }
}
