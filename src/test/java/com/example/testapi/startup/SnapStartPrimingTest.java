package com.example.testapi.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.example.testapi.items.ItemStore;
import com.example.testapi.support.Answers;

import io.quarkus.test.junit.QuarkusTest;

/** The priming request runs the real path and stops before the store (what SnapStart's snapshot hook does). */
@QuarkusTest
class SnapStartPrimingTest {

    @Inject
    SnapStartPriming priming;
    @Inject
    ItemStore store;

    @Test
    void primingPassesSecurityAndChangesNothing() {
        int before = Answers.allItems(store).size();

        assertEquals(400, priming.prime(), "granted by the role check, refused by validation: the whole path ran");
        priming.beforeCheckpoint(null);

        assertEquals(before, Answers.allItems(store).size());
    }
}
