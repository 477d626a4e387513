package com.example.testapi.local;

import java.io.IOException;
import java.nio.file.Path;

import com.example.testapi.local.iam.CredentialsStore;
import com.example.testapi.local.template.LocalAccount;
import com.example.testapi.local.template.SamTemplate;
import com.example.testapi.local.userpool.LocalUserPool;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The user pool's Lambda trigger, run as a {@link RoleFunction} from what template.yaml says of its function: packaged
 * from its zip, or its class on the class path (in-process, for a cloud whose zips are not built).
 */
final class LocalTriggers implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final RoleFunction trigger; // null: the pool names none

    private LocalTriggers(RoleFunction trigger) {
        this.trigger = trigger;
    }

    /**
     * Starts the trigger the pool names (none: nothing runs) and sends the pool's tokens through it. A trigger whose
     * function cannot be run fails here, when the cloud starts. {@code packaged} false runs it from the class path.
     */
    static LocalTriggers start(SamTemplate template, LocalAccount account, Path templateDir, LocalUserPool pool,
            CredentialsStore credentials, boolean packaged) throws IOException {
        String function = pool.settings().preTokenGenerationFunction();
        if (function == null) {
            return new LocalTriggers(null);
        }
        RoleFunction trigger = RoleFunction.start(template, account, function, templateDir,
                pool.endpoint().toString(), credentials, packaged);
        pool.preTokenGeneration(event -> MAPPER.readTree(trigger.invoke(MAPPER.writeValueAsBytes(event))));
        return new LocalTriggers(trigger);
    }

    /** What runs the trigger, for the console; null when the template names none. */
    String describe() {
        return trigger == null ? null : trigger.describe();
    }

    @Override
    public void close() {
        if (trigger != null) {
            trigger.close();
        }
    }
}
