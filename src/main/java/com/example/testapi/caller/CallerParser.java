package com.example.testapi.caller;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.IAM;

/** Reads {@code authorizer.iam} into a {@link Caller}; anything but an assumed role yields nothing (fail closed). */
public final class CallerParser {

    // arn:PARTITION:sts::ACCOUNT:assumed-role/ROLE/SESSION — the only shape identity-pool credentials have.
    private static final Pattern ASSUMED_ROLE = Pattern
            .compile("^arn:aws[a-z-]*:sts::(\\d{12}):assumed-role/([\\w+=,.@-]{1,64})/([\\w+=,.@-]{2,64})$");
    private static final String SIGN_IN_MARKER = ":CognitoSignIn:";
    private static final String AUTHENTICATED = "authenticated";

    private CallerParser() {
    }

    public static Optional<Caller> parse(IAM iam) {
        if (iam == null || iam.getUserArn() == null) {
            return Optional.empty();
        }
        Matcher arn = ASSUMED_ROLE.matcher(iam.getUserArn());
        if (!arn.matches()) {
            return Optional.empty();
        }
        CognitoIdentity cognito = iam.getCognitoIdentity();
        List<String> amr = cognito == null || cognito.getAmr() == null ? List.of() : cognito.getAmr();
        String provider = null;
        String sub = null;
        for (String entry : amr) {
            int marker = entry.indexOf(SIGN_IN_MARKER);
            if (marker >= 0) {
                sub = entry.substring(marker + SIGN_IN_MARKER.length());
            } else if (entry.startsWith("cognito-idp.")) {
                provider = entry;
            }
        }
        return Optional.of(new Caller(arn.group(1), arn.group(2), arn.group(3), iam.getUserId(),
                cognito == null ? null : cognito.getIdentityId(),
                cognito == null ? null : cognito.getIdentityPoolId(),
                provider, sub, amr.contains(AUTHENTICATED), mask(iam.getAccessKey())));
    }

    static String mask(String accessKey) {
        if (accessKey == null || accessKey.isEmpty()) {
            return null;
        }
        int visible = Math.min(4, accessKey.length() / 4);
        return "*".repeat(accessKey.length() - visible) + accessKey.substring(accessKey.length() - visible);
    }
}
