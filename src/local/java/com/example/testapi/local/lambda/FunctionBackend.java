package com.example.testapi.local.lambda;

/** Where the front door hands an event: the function, answering with its APIGatewayV2HTTPResponse JSON. */
public interface FunctionBackend extends AutoCloseable {

    /** Invokes the function once. Throws {@link FunctionFailedException} when the function reports an error. */
    byte[] invoke(byte[] event) throws Exception;

    /** A short description for the console. */
    String describe();

    @Override
    default void close() {
    }

    /** No function: for a cloud whose users never reach the API; any call fails with {@code why}. */
    public static FunctionBackend none(String why) {
        return new FunctionBackend() {
            @Override
            public byte[] invoke(byte[] event) throws FunctionFailedException {
                throw new FunctionFailedException(why);
            }

            @Override
            public String describe() {
                return "none";
            }
        };
    }

    /** The function ran and failed: API Gateway answers 500 Internal Server Error. */
    final class FunctionFailedException extends Exception {
        public FunctionFailedException(String message) {
            super(message);
        }
    }
}
