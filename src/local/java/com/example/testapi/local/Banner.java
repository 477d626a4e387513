package com.example.testapi.local;

import java.nio.file.Path;
import java.util.Map;

import com.example.testapi.local.awsjson.AwsError;
import com.example.testapi.local.iam.IssuedCredentials;
import com.example.testapi.local.lambda.FunctionBackend;

/**
 * What the local cloud prints at start: where each service listens, the exports that point the AWS CLI and SDKs at
 * it, and for every local user ready-to-paste curl lines with credentials the local identity pool just issued.
 */
final class Banner {

    private Banner() {
    }

    static String text(LocalCloud cloud, Path template, String usersFile, Path stackFile, FunctionBackend backend,
            LocalUsers users) {
        Map<String, String> outputs = cloud.outputs();
        String region = cloud.account().region();
        String api = outputs.get("ApiUrl");
        StringBuilder out = new StringBuilder()
                .append("\nLocal cloud of ").append(template).append(" (stack outputs in ").append(stackFile).append(")")
                .append("\n  API (IAM enforced)   ").append(api).append("/test and ").append(api).append("/admin/users")
                .append(cloud.gateway().refusalCors() ? "  (its own refusals carry CORS headers)"
                        : "  (its own refusals carry no CORS headers; -Dlocal.gateway-refusal-cors=true adds them)")
                .append("\n  user pool            ").append(outputs.get("CognitoIdpEndpoint")).append("  ")
                .append(outputs.get("UserPoolId")).append(", app client ").append(outputs.get("UserPoolClientId"))
                .append("\n  identity pool        ").append(outputs.get("CognitoIdentityEndpoint")).append("  ")
                .append(outputs.get("IdentityPoolId"))
                .append(outputs.containsKey("HostedUiUrl") ? "\n  hosted UI            " + outputs.get("HostedUiUrl")
                        + "  (the pool's domain: /oauth2/authorize, /oauth2/token, /logout)" : "")
                .append("\n  function             ").append(backend.describe())
                .append(cloud.apiFunctionDescriptions().stream().map(d -> "\n  function             " + d)
                        .collect(java.util.stream.Collectors.joining()))
                .append(cloud.triggerDescription() == null ? ""
                        : "\n  token trigger        " + cloud.triggerDescription())
                .append(cloud.webAppUri() == null ? "\n  browser app          not built (./mvnw package builds it)"
                        : "\n  browser app          " + cloud.webAppUri()
                                + "  (sign in as alice or bob; ada, an administrator, also gets the Users screen)")
                .append("\n\nPoint the AWS CLI and SDKs at it (admin calls: local/local is the local account's one "
                        + "administrator key; identity-pool credentials get what their role's policies allow; any other "
                        + "key is refused, as AWS refuses it):")
                .append(pointTheCli(outputs, region, System.getProperty("os.name", "").startsWith("Windows")))
                .append("\n\nUsers (").append(usersFile).append("), with credentials issued just now (valid 1 h):");
        for (LocalUsers.User user : users.users()) {
            out.append("\n\n  ").append(user.name()).append(" ").append(user.groups()).append(", password ")
                    .append(user.password());
            if (user.totpSecret() != null) {
                // Her sign-in asks for a code: this URI (or the secret) in an authenticator app gives it.
                out.append(", TOTP on: otpauth://totp/Local%20Test%20API:").append(user.name()).append("?secret=")
                        .append(user.totpSecret()).append("&issuer=Local%20Test%20API");
            }
            try {
                IssuedCredentials credentials = cloud.identityPool().credentialsFor(
                        cloud.userPool().settings().providerName(), cloud.userPool().signIn(user.name(), user.password()));
                String sign = "curl -s --aws-sigv4 \"aws:amz:" + region + ":execute-api\" --user '"
                        + credentials.accessKeyId() + ":" + credentials.secretKey() + "' -H 'x-amz-security-token: "
                        + credentials.sessionToken() + "'";
                out.append(" -> ").append(credentials.roleName())
                        .append("\n    ").append(sign).append(" ").append(api).append("/test")
                        .append("\n    ").append(sign).append(" -H 'content-type: application/json' -d '{\"message\":\"hello from ")
                        .append(user.name()).append("\"}' ").append(api).append("/test");
            } catch (AwsError e) {
                out.append(" -> no credentials: ").append(e.type()).append(" ").append(e.getMessage());
            }
        }
        return out.append("\n\nCtrl-C stops it.").toString();
    }

    /** The environment for the AWS CLI and SDKs, as a POSIX shell sets it or, on Windows, as PowerShell does. */
    static String pointTheCli(Map<String, String> outputs, String region, boolean windows) {
        if (windows) {
            return "\n  Remove-Item Env:AWS_SESSION_TOKEN, Env:AWS_SECURITY_TOKEN, Env:AWS_PROFILE -ErrorAction Ignore"
                    + "\n  $env:AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER=\"" + outputs.get("CognitoIdpEndpoint")
                    + "\"; $env:AWS_ENDPOINT_URL_COGNITO_IDENTITY=\"" + outputs.get("CognitoIdentityEndpoint") + "\""
                    + "\n  $env:AWS_REGION=\"" + region + "\"; $env:AWS_DEFAULT_REGION=\"" + region
                    + "\"; $env:AWS_ACCESS_KEY_ID=\"local\"; $env:AWS_SECRET_ACCESS_KEY=\"local\"";
        }
        return "\n  unset AWS_SESSION_TOKEN AWS_SECURITY_TOKEN AWS_PROFILE"
                + "\n  export AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER=" + outputs.get("CognitoIdpEndpoint")
                + " AWS_ENDPOINT_URL_COGNITO_IDENTITY=" + outputs.get("CognitoIdentityEndpoint")
                + " \\\n         AWS_REGION=" + region + " AWS_DEFAULT_REGION=" + region
                + " AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local";
    }
}
