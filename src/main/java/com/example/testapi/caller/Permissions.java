package com.example.testapi.caller;

/** The application roles {@code @RolesAllowed} checks; {@link RolePermissions} grants them from the IAM role. */
public final class Permissions {
    public static final String READ = "items:read";
    public static final String WRITE = "items:write";
    /** Managing the user pool's users through /admin (the Admins role only). */
    public static final String ADMINISTER = "users:administer";

    private Permissions() {
    }
}
