package com.example.testapi.caller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.IAM;

class CallerParserTest {

    private static IAM iam(String userArn, List<String> amr) {
        IAM iam = new IAM();
        iam.setUserArn(userArn);
        iam.setUserId("AROAEXAMPLE:CognitoIdentityCredentials");
        iam.setAccessKey("ASIAEXAMPLEKEY123456");
        iam.setCognitoIdentity(new CognitoIdentity(amr, "eu-central-1:identity", "eu-central-1:pool"));
        return iam;
    }

    @Test
    void readsAnIdentityPoolCaller() {
        Caller caller = CallerParser.parse(iam(
                "arn:aws:sts::111122223333:assumed-role/prod-TestApiFullAccess/CognitoIdentityCredentials",
                List.of("authenticated", "cognito-idp.eu-central-1.amazonaws.com/eu-central-1_Pool",
                        "cognito-idp.eu-central-1.amazonaws.com/eu-central-1_Pool:CognitoSignIn:user-sub-1")))
                .orElseThrow();

        assertEquals("111122223333", caller.accountId());
        assertEquals("prod-TestApiFullAccess", caller.roleName());
        assertEquals("CognitoIdentityCredentials", caller.sessionName());
        assertEquals("eu-central-1:identity", caller.identityId());
        assertEquals("eu-central-1:pool", caller.identityPoolId());
        assertEquals("cognito-idp.eu-central-1.amazonaws.com/eu-central-1_Pool", caller.userPoolProvider());
        assertEquals("user-sub-1", caller.userSub());
        assertTrue(caller.authenticated());
    }

    @Test
    void otherPartitionsAreAssumedRolesToo() {
        assertTrue(CallerParser.parse(iam("arn:aws-cn:sts::111122223333:assumed-role/r/s1", List.of())).isPresent());
    }

    @Test
    void withoutCognitoTheIdentityFieldsAreEmptyAndNotAuthenticated() {
        IAM iam = iam("arn:aws:sts::111122223333:assumed-role/role/session", List.of());
        iam.setCognitoIdentity(null);
        Caller caller = CallerParser.parse(iam).orElseThrow();

        assertNull(caller.identityId());
        assertNull(caller.userSub());
        assertFalse(caller.authenticated());
    }

    @ParameterizedTest
    @ValueSource(strings = { "arn:aws:iam::111122223333:user/bob", "arn:aws:iam::111122223333:root",
            "arn:aws:sts::111122223333:federated-user/bob", "arn:aws:sts::1111:assumed-role/r/s",
            "arn:aws:sts::111122223333:assumed-role/r", "arn:aws:sts::111122223333:assumed-role/r/s/extra", "" })
    void anythingButAnAssumedRoleIsNoCaller(String arn) {
        assertTrue(CallerParser.parse(iam(arn, List.of("authenticated"))).isEmpty());
    }

    @Test
    void noIamIsNoCaller() {
        assertTrue(CallerParser.parse(null).isEmpty());
        assertTrue(CallerParser.parse(new IAM()).isEmpty());
    }

    @Test
    void theAccessKeyIsKeptMaskedOnly() {
        Caller caller = CallerParser.parse(iam("arn:aws:sts::111122223333:assumed-role/r/s1", List.of())).orElseThrow();
        assertEquals("****************3456", caller.maskedAccessKey());
        assertFalse(caller.toString().contains("ASIAEXAMPLEKEY"));
        assertEquals("**", CallerParser.mask("ab"));
        assertNull(CallerParser.mask(null));
    }
}
