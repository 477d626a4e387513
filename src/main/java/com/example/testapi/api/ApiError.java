package com.example.testapi.api;

/** The body of every error answer: a short machine code and a sentence for humans. */
public record ApiError(String error, String message) {
}
