package com.example.testapi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import com.example.testapi.items.StoreUnavailableException;

class ErrorMappersTest {

    @Test
    void anUnavailableStoreIs503WithRetryAfterAndNoInternals() {
        Response response = new ErrorMappers().storeUnavailable(new StoreUnavailableException(
                "The store is busy; retry shortly.", 1, new RuntimeException("ProvisionedThroughputExceeded at x.y.Z")));

        assertEquals(503, response.getStatus());
        assertEquals("1", response.getHeaderString("Retry-After"));
        assertEquals(new ApiError("store_unavailable", "The store is busy; retry shortly."), response.getEntity());
    }
}
