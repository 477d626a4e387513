package com.example.testapi.items;

/** The idempotency key was used before with a different message: nothing was stored. */
public class IdempotencyConflictException extends RuntimeException {
    public IdempotencyConflictException() {
        super("The Idempotency-Key was already used with a different request body.");
    }
}
