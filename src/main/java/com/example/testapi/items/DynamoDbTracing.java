package com.example.testapi.items;

import java.util.Map;

import com.amazonaws.xray.interceptors.TracingInterceptor;

import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;

/**
 * An X-Ray subsegment for every DynamoDB call (operation, table, status, retries), under the invocation's segment.
 * Only where a trace daemon listens: Lambda sets {@code AWS_XRAY_DAEMON_ADDRESS} for every function (with
 * {@code Tracing: Active} the invocations are sampled; otherwise nothing is sent). Elsewhere (tests, the local
 * cloud without a daemon, the benchmark) the interceptor is not added, so the X-Ray SDK's classes never load.
 */
final class DynamoDbTracing {

    static final String DAEMON_ADDRESS = "AWS_XRAY_DAEMON_ADDRESS";

    private DynamoDbTracing() {
    }

    static void addTo(ClientOverrideConfiguration.Builder configuration, Map<String, String> environment) {
        String daemon = environment.get(DAEMON_ADDRESS);
        if (daemon != null && !daemon.isBlank()) {
            configuration.addExecutionInterceptor(new TracingInterceptor());
        }
    }
}
