package com.example.testapi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class TraceHeaderTest {

    @Test
    void theRootIsTheTraceId() {
        assertEquals(Optional.of("1-5759e988-bd862e3fe1be46a994272793"), TraceHeader.rootOf(
                "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"));
        assertEquals(Optional.of("1-5759e988-bd862e3fe1be46a994272793"), TraceHeader.rootOf(
                "Parent=53995c3f42cd8ad8; Root=1-5759e988-bd862e3fe1be46a994272793"));
    }

    @Test
    void noRootNoTraceId() {
        assertEquals(Optional.empty(), TraceHeader.rootOf(null));
        assertEquals(Optional.empty(), TraceHeader.rootOf(""));
        assertEquals(Optional.empty(), TraceHeader.rootOf("Root=;Sampled=0"));
        assertEquals(Optional.empty(), TraceHeader.rootOf("Parent=53995c3f42cd8ad8"));
    }
}
