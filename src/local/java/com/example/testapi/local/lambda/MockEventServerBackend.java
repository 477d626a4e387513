package com.example.testapi.local.lambda;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The Quarkus dev/test mock event server ({@code POST /_lambda_}): the event goes through Quarkus's real Lambda
 * handler, with hot reload under {@code ./mvnw quarkus:dev}.
 */
public final class MockEventServerBackend implements FunctionBackend {

    private final URI lambdaUrl;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public MockEventServerBackend(URI lambdaUrl) {
        this.lambdaUrl = lambdaUrl;
    }

    @Override
    public byte[] invoke(byte[] event) throws Exception {
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(lambdaUrl)
                .timeout(Duration.ofSeconds(30)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(event)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new FunctionFailedException("mock event server answered " + response.statusCode());
        }
        return response.body();
    }

    @Override
    public String describe() {
        return "Quarkus mock event server " + lambdaUrl;
    }
}
