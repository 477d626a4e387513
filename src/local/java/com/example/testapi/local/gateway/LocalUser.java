package com.example.testapi.local.gateway;

import java.util.List;

/**
 * A local stand-in for a Cognito user and the temporary credentials the identity pool would hand out for their
 * group's role. {@code sessionToken} is optional; when set, requests must carry it.
 */
public record LocalUser(String name, List<String> groups, String accessKeyId, String secretAccessKey,
        String sessionToken, String identityId, String sub) {

    public LocalUser {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }
}
