package com.example.testapi.local.userpool;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import com.example.testapi.local.LocalCloud;
import com.example.testapi.support.SignedHttp;
import com.example.testapi.support.TestCloud;

/** The hosted UI's pages and endpoints as a browser calls them, redirects not followed, each call bounded in time. */
final class HostedUiCalls {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(5)).build();
    private final URI hostedUi;

    HostedUiCalls(URI hostedUi) {
        this.hostedUi = hostedUi;
    }

    /** A local cloud whose template has a hosted-UI domain (HostedUiDomainPrefix=local), without functions. */
    static TestCloud cloudWithHostedUi() throws IOException {
        return TestCloud.start(LocalCloud.Settings.of(Path.of("template.yaml"), TestCloud.REGION)
                .withParameters(Map.of("HostedUiDomainPrefix", "local")), TestCloud.NO_FUNCTION);
    }

    /** A GET, with the browser's {@code Cookie} header when not null. */
    HttpResponse<String> get(String pathAndQuery, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(hostedUi.resolve(pathAndQuery)).timeout(SignedHttp.TIMEOUT);
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form's POST (application/x-www-form-urlencoded). */
    HttpResponse<String> post(String pathAndQuery, Map<String, String> form) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return http.send(HttpRequest.newBuilder(hostedUi.resolve(pathAndQuery)).timeout(SignedHttp.TIMEOUT)
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
