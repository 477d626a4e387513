package com.example.testapi.local.iam;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.testapi.local.identitypool.IdentityPoolSettings;
import com.example.testapi.local.template.LocalAccount;
import com.example.testapi.local.template.SamTemplate;

/**
 * The template's trust policies as the identity pool applies them (sts:AssumeRoleWithWebIdentity from
 * cognito-identity.amazonaws.com): only this identity pool's authenticated identities may take a group's role.
 */
class TrustPolicyTest {

    private final SamTemplate template = SamTemplate.load(Path.of("template.yaml"));
    private final LocalAccount account = LocalAccount.forTemplate("us-east-1", template);
    private final IdentityPoolSettings settings = IdentityPoolSettings.from(template, account);
    private final String provider = "cognito-idp.us-east-1.amazonaws.com/us-east-1_Pool";

    private Map<String, Object> trustOf(String role) {
        return settings.trustPolicies().get(account.resolve(Map.of("Fn::GetAtt", List.of(role, "Arn"))));
    }

    @Test
    void thisPoolsAuthenticatedIdentitiesAreAdmitted() {
        for (String role : List.of("TestApiFullAccess", "TestApiReadAccess")) {
            assertTrue(TrustPolicy.admits(trustOf(role), settings.poolId(),
                    List.of("authenticated", provider, provider + ":CognitoSignIn:sub")), role);
        }
    }

    @Test
    void anIdentityThatIsNotAuthenticatedIsRefused() {
        assertFalse(TrustPolicy.admits(trustOf("TestApiFullAccess"), settings.poolId(), List.of("unauthenticated")));
        assertFalse(TrustPolicy.admits(trustOf("TestApiFullAccess"), settings.poolId(), List.of(provider)),
                "a provider alone is not authenticated");
        assertFalse(TrustPolicy.admits(trustOf("TestApiFullAccess"), settings.poolId(), List.of()));
    }

    @Test
    void anotherIdentityPoolIsRefused() {
        assertFalse(TrustPolicy.admits(trustOf("TestApiFullAccess"), "us-east-1:00000000-0000-0000-0000-000000000000",
                List.of("authenticated", provider)));
    }
}
