package com.example.testapi.caller;

import io.smallrye.config.ConfigMapping;

/**
 * The names of this stack's three IAM roles, the only roles that may call the API. template.yaml sets them per stack
 * (the roles' generated names, {@code STACK-TestApiFullAccess-SUFFIX}, by {@code !Ref}) through
 * {@code TESTAPI_FULL_ACCESS_ROLE}, {@code TESTAPI_READ_ACCESS_ROLE} and {@code TESTAPI_ADMIN_ROLE}.
 */
@ConfigMapping(prefix = "testapi")
public interface StackRoles {

    /** Role name allowed to read and write. */
    String fullAccessRole();

    /** Role name allowed to read only. */
    String readAccessRole();

    /** Role name of the Admins group: reads and writes like FullAccess, and alone may call /admin. */
    String adminRole();
}
