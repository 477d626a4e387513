package com.example.testapi.caller;

import io.smallrye.config.ConfigMapping;

/**
 * The IAM role names that may call the API. template.yaml sets them per stack ({@code STACK-TestApiFullAccess}), through
 * the environment variables {@code TESTAPI_FULL_ACCESS_ROLE} and {@code TESTAPI_READ_ACCESS_ROLE}.
 */
@ConfigMapping(prefix = "testapi")
public interface AccessRoles {

    /** Role name allowed to read and write. */
    String fullAccessRole();

    /** Role name allowed to read only. */
    String readAccessRole();
}
