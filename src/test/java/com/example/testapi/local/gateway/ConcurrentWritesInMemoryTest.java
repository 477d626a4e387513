package com.example.testapi.local.gateway;

import io.quarkus.test.junit.QuarkusTest;

/** The concurrency contract on the embedded in-memory store. */
@QuarkusTest
class ConcurrentWritesInMemoryTest extends ConcurrentWritesContract {
}
