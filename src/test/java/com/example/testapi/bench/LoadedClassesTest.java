package com.example.testapi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class LoadedClassesTest {

    @Test
    void readsTheCounterFromJcmdsOutput() {
        String output = "12345:\njava.cls.loadedClasses=4662\njava.cls.sharedLoadedClasses=1204\n"
                + "java.cls.unloadedClasses=0\n";
        assertEquals(4662, LoadedClasses.parse(output));
        assertThrows(IllegalArgumentException.class, () -> LoadedClasses.parse("12345:\nsun.rt.createVmBeginTime=1\n"));
    }

    @Test
    void countsTheClassesOfARunningJvm() throws Exception {
        long loaded = LoadedClasses.of(ProcessHandle.current().pid(), Path.of(System.getProperty("java.home")));
        assertTrue(loaded > 1000, "this test JVM has loaded " + loaded + " classes");
    }
}
