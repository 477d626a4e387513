package com.example.testapi.packaging.snapstart;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;

import com.amazonaws.services.lambda.runtime.Context;

/**
 * Not a test and never run: the probe {@code SnapStartRulesIT} hands SpotBugs, with the mistake AWS's SnapStart rules
 * exist to catch. Its seed is drawn once, at init, so every environment restored from one snapshot would share it.
 * A handler by name and method (the rules' own test), not by interface: a class implementing RequestHandler on the
 * test class path would break every {@code @QuarkusTest}.
 */
public class RandomStateHandler {

    private final Random random = new Random();

    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        out.write(Long.toString(random.nextLong()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
