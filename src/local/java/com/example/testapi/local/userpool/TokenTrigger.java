package com.example.testapi.local.userpool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Lambda function the user pool invokes synchronously with an event and reads the answer of (the template's
 * pre-token-generation trigger). It throws when the function fails; the pool then fails the sign-in as Cognito does.
 */
@FunctionalInterface
public interface TokenTrigger {

    JsonNode invoke(ObjectNode event) throws Exception;
}
