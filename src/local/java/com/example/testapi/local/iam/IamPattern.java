package com.example.testapi.local.iam;

import java.util.regex.Pattern;

/**
 * IAM's wildcard patterns, as policies (actions, resources) and {@code StringLike} conditions use them: {@code *}
 * matches any run of characters, {@code ?} any one, everything else itself.
 */
public final class IamPattern {

    private IamPattern() {
    }

    /** Whether {@code value} matches {@code pattern}; actions compare case-insensitively ({@code ignoreCase}). */
    public static boolean matches(String pattern, String value, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        return Pattern.compile(regex.toString(), flags).matcher(value).matches();
    }
}
