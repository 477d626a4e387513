package com.example.testapi.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.testapi.support.SignedHttp;
import com.example.testapi.support.TestCloud;

/** A crash inside the gateway's checks is reported as the gateway's failure (500), never as a refused signature. */
class FrontDoorFailureTest {

    @Test
    void aCrashingSignatureCheckIsA500WithItsCauseLogged() throws Exception {
        try (TestCloud cloud = TestCloud.start(Path.of("template.yaml"), TestCloud.NO_FUNCTION)) {
            SignedHttp.Signing alice = TestCloud.signing(cloud.credentials("alice"));
            SignedHttp.Signed request = SignedHttp.sign(alice, "GET", cloud.api("/test"), Map.of(), null);
            // The signature check reads the clock after finding the credentials: make that reading crash.
            cloud.clock.failWith(new IllegalStateException("the clock broke"));

            HttpResponse<String> answer = SignedHttp.send(request);
            assertEquals(500, answer.statusCode(), answer::body);
            assertEquals("{\"message\":\"Internal Server Error\"}", answer.body());
            synchronized (cloud.log) {
                assertTrue(cloud.log.stream().anyMatch(line -> line.contains("the clock broke")), cloud.log::toString);
            }
        }
    }
}
