package com.example.testapi.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.amazonaws.xray.interceptors.TracingInterceptor;

import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;

/** Where the subsegments really arrive is FunctionTelemetryIT; here: no daemon, no X-Ray on the client. */
class DynamoDbTracingTest {

    @Test
    void withoutATraceDaemonTheClientIsNotInstrumented() {
        ClientOverrideConfiguration.Builder configuration = ClientOverrideConfiguration.builder();
        DynamoDbTracing.addTo(configuration, Map.of());
        DynamoDbTracing.addTo(configuration, Map.of(DynamoDbTracing.DAEMON_ADDRESS, " "));
        assertTrue(configuration.build().executionInterceptors().isEmpty());
    }

    @Test
    void withLambdasTraceDaemonEveryCallIsIntercepted() {
        ClientOverrideConfiguration.Builder configuration = ClientOverrideConfiguration.builder();
        DynamoDbTracing.addTo(configuration, Map.of(DynamoDbTracing.DAEMON_ADDRESS, "169.254.79.129:2000"));
        assertEquals(1, configuration.build().executionInterceptors().size());
        assertTrue(configuration.build().executionInterceptors().get(0) instanceof TracingInterceptor);
    }
}
