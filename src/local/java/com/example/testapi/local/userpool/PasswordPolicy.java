package com.example.testapi.local.userpool;

import static com.example.testapi.local.template.SamTemplate.map;

import java.util.Map;


/** The user pool's {@code Policies.PasswordPolicy}, enforced as Cognito does, with its messages. */
public record PasswordPolicy(int minimumLength, boolean lowercase, boolean uppercase, boolean numbers,
        boolean symbols) {

    /** Cognito's symbol set for password policies. */
    private static final String SYMBOLS = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+- ";

    /** From the pool's properties; Cognito's defaults where the template says nothing (8, all classes). */
    static PasswordPolicy from(Map<String, Object> poolProperties) {
        Map<String, Object> policy = map(map(poolProperties, "Policies"), "PasswordPolicy");
        return new PasswordPolicy(((Number) policy.getOrDefault("MinimumLength", 8)).intValue(),
                flag(policy, "RequireLowercase"), flag(policy, "RequireUppercase"), flag(policy, "RequireNumbers"),
                flag(policy, "RequireSymbols"));
    }

    /** Throws {@code InvalidPasswordException} naming the first rule the password breaks. */
    void check(String password) {
        String broken = password == null || password.length() < minimumLength ? "Password not long enough"
                : lowercase && password.chars().noneMatch(Character::isLowerCase)
                        ? "Password must have lowercase characters"
                : uppercase && password.chars().noneMatch(Character::isUpperCase)
                        ? "Password must have uppercase characters"
                : numbers && password.chars().noneMatch(Character::isDigit) ? "Password must have numeric characters"
                : symbols && password.chars().noneMatch(c -> SYMBOLS.indexOf(c) >= 0)
                        ? "Password must have symbol characters"
                : null;
        if (broken != null) {
            throw CognitoErrors.invalidPassword(broken);
        }
    }

    private static boolean flag(Map<String, Object> policy, String name) {
        return !Boolean.FALSE.equals(policy.getOrDefault(name, true));
    }
}
