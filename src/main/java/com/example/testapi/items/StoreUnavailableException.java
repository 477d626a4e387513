package com.example.testapi.items;

/** The store could not answer now (throttled, timed out, unreachable): the request may be retried as is. */
public class StoreUnavailableException extends RuntimeException {

    private final int retryAfterSeconds;

    public StoreUnavailableException(String message, int retryAfterSeconds, Throwable cause) {
        super(message, cause);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
