package com.example.testapi.caller;

/** The application roles {@code @RolesAllowed} checks; {@link RolePermissions} grants them from the IAM role. */
public final class Permissions {
    public static final String READ = "items:read";
    public static final String WRITE = "items:write";

    private Permissions() {
    }
}
