package com.example.testapi.bench.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** How the profile's samples are sorted into layers: the innermost frame that names one decides. */
class LayersTest {

    private static final List<String> STACKS = List.of(
            "java/lang/Thread.run_[j];io/vertx/core/impl/ContextImpl.run_[j];com/fasterxml/jackson/databind/ObjectWriter.writeValue_[j];java/util/HashMap.get_[j] 7",
            "java/lang/Thread.run_[j];com/fasterxml/jackson/databind/ObjectMapper.readValue_[j];com/example/testapi/api/AccessLog.log_[j];org/jboss/logmanager/Logger.log_[j];java/lang/StringBuilder.append_[j] 3",
            "java/lang/Thread.run_[j];com/example/testapi/api/TestResource.list_[j];com/example/testapi/api/ItemView.of_[i] 5",
            "java/lang/Thread.run_[j];io/quarkus/amazon/lambda/http/LambdaHttpHandler$NettyResponseHandler.handleMessage_[j] 11",
            "java/lang/Thread.run_[j];java/util/concurrent/locks/LockSupport.park_[j] 2",
            "io.netty.buffer.AbstractByteBuf.readByte;byte[]_[k] 4");

    @Test
    void eachSampleGoesToTheInnermostFrameThatNamesALayer() {
        Map<String, Long> samples = Layers.samples(STACKS);
        assertEquals(7L, samples.get("JSON (Jackson)"), "HashMap.get called by Jackson is JSON");
        assertEquals(3L, samples.get("logging (JSON formatter, MDC, access line)"), "logging inside a Jackson call");
        assertEquals(5L, samples.get("our code (caller, validation, resource)"));
        assertEquals(11L, samples.get("event mapping (lambda-http)"));
        assertEquals(4L, samples.get("Vert.x / Netty"), "dotted names too");
        assertEquals(2L, samples.get(Layers.OTHER));
        assertEquals(32L, samples.values().stream().mapToLong(Long::longValue).sum(), "every sample counted once");
    }

    @Test
    void theTopLeavesAreTheFramesWithTheMostSelfSamples() {
        assertEquals(List.of("io/quarkus/amazon/lambda/http/LambdaHttpHandler$NettyResponseHandler.handleMessage_[j]",
                "java/util/HashMap.get_[j]"), List.copyOf(Layers.topLeaves(STACKS, 2).keySet()));
    }
}
