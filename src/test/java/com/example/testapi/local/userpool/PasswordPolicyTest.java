package com.example.testapi.local.userpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.testapi.local.awsjson.AwsError;

/** The pool's password policy as Cognito applies it: its defaults, each rule in its order, and its words. */
class PasswordPolicyTest {

    private static String broken(PasswordPolicy policy, String password) {
        AwsError refused = assertThrows(AwsError.class, () -> policy.check(password));
        assertEquals("InvalidPasswordException", refused.type());
        return refused.getMessage();
    }

    @Test
    void withoutAPolicyTheDefaultsAreEightCharactersOfEveryClass() {
        PasswordPolicy defaults = PasswordPolicy.from(Map.of());
        assertEquals(new PasswordPolicy(8, true, true, true, true), defaults);
        defaults.check("Aa1!aaaa");
        assertEquals("Password does not conform to policy: Password not long enough", broken(defaults, "Aa1!aaa"));
        assertEquals("Password does not conform to policy: Password not long enough", broken(defaults, null));
    }

    @Test
    void theFirstBrokenRuleIsNamed() {
        PasswordPolicy all = new PasswordPolicy(8, true, true, true, true);
        assertEquals("Password does not conform to policy: Password must have lowercase characters",
                broken(all, "AAAAAAA1!"));
        assertEquals("Password does not conform to policy: Password must have uppercase characters",
                broken(all, "aaaaaaa1!"));
        assertEquals("Password does not conform to policy: Password must have numeric characters",
                broken(all, "aaaaaaaA!"));
        assertEquals("Password does not conform to policy: Password must have symbol characters",
                broken(all, "aaaaaaaA1"));
        all.check("aaaaaaaA1 "); // a space is one of Cognito's symbols
        all.check("aaaaaaaA1^");
    }

    @Test
    void theTemplateTurnsRulesOff() {
        PasswordPolicy lax = PasswordPolicy.from(Map.of("Policies", Map.of("PasswordPolicy", Map.of(
                "MinimumLength", 12, "RequireSymbols", false, "RequireUppercase", false))));
        assertEquals(new PasswordPolicy(12, true, false, true, false), lax);
        lax.check("abcdefghijk1");
        assertEquals("Password does not conform to policy: Password not long enough", broken(lax, "abcdefghij1"));
    }
}
