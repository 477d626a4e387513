package com.example.testapi.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The local stack's outputs in the shape of {@code aws cloudformation describe-stacks --output json}: the file the
 * client, its CLI and the acceptance target read a stack from, deployed or local.
 */
final class DescribeStacks {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DescribeStacks() {
    }

    static void write(String stackName, Map<String, String> outputs, Path file) {
        ObjectNode stack = MAPPER.createObjectNode().put("StackName", stackName).put("StackStatus", "CREATE_COMPLETE");
        ArrayNode list = stack.putArray("Outputs");
        outputs.forEach((key, value) -> list.addObject().put("OutputKey", key).put("OutputValue", value));
        ObjectNode root = MAPPER.createObjectNode();
        root.putArray("Stacks").add(stack);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, MAPPER.writeValueAsString(root));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
