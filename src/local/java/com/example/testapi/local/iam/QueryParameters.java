package com.example.testapi.local.iam;

import java.util.List;
import java.util.Map;

import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * A raw query's pairs as SigV4 reads them, in order, repeats kept: split at '&' and at each pair's first '=', then
 * percent-decoded by the AWS SDK, a '+' staying a '+' (SigV4 signs it as %2B, not as a space). The verifier signs
 * these pairs again; the gateway's event carries them decoded. A broken escape (only a raw request can hold one)
 * stays as it is: its signer cannot have read it another way.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static List<Map.Entry<String, String>> of(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return List.of();
        }
        return SdkHttpUtils.splitQueryString(rawQuery).stream().filter(pair -> !pair.isEmpty()).map(pair -> {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            return Map.entry(decode(name), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }).toList();
    }

    private static String decode(String text) {
        try {
            return SdkHttpUtils.urlDecode(text.replace("+", "%2B"));
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
