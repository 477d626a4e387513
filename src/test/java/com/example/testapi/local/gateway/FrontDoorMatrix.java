package com.example.testapi.local.gateway;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import com.example.testapi.local.lambda.FunctionBackend;
import com.example.testapi.support.TestCloud;

/**
 * The access matrix through the local front door: what API Gateway, Cognito and IAM would answer for template.yaml.
 * Its cases, by what they check: {@link RoleCases} (who may do what), {@link SignatureCases} (what a signature must
 * cover and when), {@link CredentialCases} (whose keys count) and {@link CurlCases} (curl --aws-sigv4 as the manual
 * shows it). Subclasses choose the function back end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FrontDoorMatrix implements RoleCases, SignatureCases, CredentialCases, CurlCases {

    private TestCloud cloud;
    private FunctionBackend backend;
    private FrontDoor door;

    /** The function the front door hands its events to. */
    protected abstract FunctionBackend startBackend() throws Exception;

    @BeforeEach
    void startCloud() throws Exception {
        if (cloud == null) {
            backend = startBackend();
            cloud = TestCloud.start(Path.of("template.yaml"), backend);
            door = new FrontDoor(cloud);
        }
        cloud.clock.reset();
    }

    @Override
    public FrontDoor door() {
        return door;
    }

    @AfterAll
    void stop() {
        if (cloud != null) {
            cloud.close();
        }
        if (backend != null) {
            backend.close();
        }
    }
}
