package com.example.testapi.local;

import java.net.URI;
import java.nio.file.Path;

import com.example.testapi.local.gateway.LocalUser;
import com.example.testapi.local.gateway.LocalUsers;
import com.example.testapi.local.gateway.TemplateAccess;
import com.example.testapi.local.lambda.FunctionBackend;

/** What the local API prints at start: where it listens, and a ready signed curl line for every local user. */
final class Banner {

    private Banner() {
    }

    static String text(URI base, String region, Path template, Path usersFile, FunctionBackend backend, LocalUsers users,
            TemplateAccess access) {
        StringBuilder out = new StringBuilder()
                .append("\nLocal API on ").append(base).append(" - IAM enforced from ").append(template)
                .append("\nFunction: ").append(backend.describe())
                .append("\nUsers (").append(usersFile).append("):\n");
        for (LocalUser user : users.all()) {
            String role = access.roleFor(user.groups()).orElse("no role: every call is refused");
            String sign = "curl -s --aws-sigv4 \"aws:amz:" + region + ":execute-api\" --user '" + user.accessKeyId() + ":"
                    + user.secretAccessKey() + "'" + (user.sessionToken() == null ? ""
                            : " -H 'x-amz-security-token: " + user.sessionToken() + "'");
            out.append("\n  ").append(user.name()).append(" ").append(user.groups()).append(" -> ").append(role)
                    .append("\n    ").append(sign).append(" ").append(base).append("/test")
                    .append("\n    ").append(sign).append(" -H 'content-type: application/json' -d '{\"message\":\"hello from ")
                    .append(user.name()).append("\"}' ").append(base).append("/test\n");
        }
        return out.append("\nCtrl-C stops it.").toString();
    }
}
