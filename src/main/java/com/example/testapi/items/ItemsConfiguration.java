package com.example.testapi.items;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Wires the store and the clock once per function instance. */
public class ItemsConfiguration {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    ItemIds itemIds(Clock clock) {
        return new ItemIds(clock);
    }

    @Produces
    @ApplicationScoped
    ItemStore itemStore() {
        return new InMemoryItemStore();
    }
}
