package com.example.testapi.support;

import java.io.IOException;

import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Sends one request to moto at a time. moto is not isolated under concurrency: a conditional write checks, then
 * writes, and a failed transaction restores a copy of the whole table taken before it ran, undoing writes that other
 * threads made meanwhile. DynamoDB orders conflicting requests serializably; handing moto one request at a time gives
 * the same ordering, while our code's threads still race each other for the same keys.
 */
public final class SerializedHttpClient implements SdkHttpClient {

    private static final Object MOTO = new Object();
    private final SdkHttpClient delegate = UrlConnectionHttpClient.create();

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        ExecutableHttpRequest prepared = delegate.prepareRequest(request);
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                synchronized (MOTO) {
                    return prepared.call();
                }
            }

            @Override
            public void abort() {
                prepared.abort();
            }
        };
    }

    @Override
    public String clientName() {
        return "serialized-" + delegate.clientName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
