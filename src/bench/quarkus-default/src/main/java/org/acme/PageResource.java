package org.acme;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Not the archetype's: the same app answering a JSON page the size of our function's GET (20 items, about 5.3 KB),
 * so that a comparison of warm paths is not a comparison of payloads (lambda-http copies every answer byte by byte).
 * The page is made once; each call only sends it.
 */
@Path("/page")
public class PageResource {

    private static final String PAGE = page();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String page20() {
        return PAGE;
    }

    private static String page() {
        StringBuilder json = new StringBuilder("{\"message\":\"Read 20 items, newest first.\",\"items\":[");
        for (int i = 0; i < 20; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":\"019ad7c4-5e7b-7c3a-9f1e-").append(String.format("%012d", i))
                    .append("\",\"message\":\"Hello from FullAccess, message number ").append(i)
                    .append("\",\"createdAt\":\"2026-11-26T06:00:00.123Z\",\"createdBy\":{\"role\":")
                    .append("\"local-TestApiFullAccess\",\"identityId\":\"us-east-1:0f1e2d3c-4b5a-6978-8a9b-")
                    .append(String.format("%012d", i)).append("\"}}");
        }
        return json.append("],\"nextToken\":\"eyJpZCI6IjAxOWFkN2M0LTVlN2ItN2MzYS05ZjFlIn0\",\"caller\":{\"role\":")
                .append("\"local-TestApiFullAccess\",\"identityId\":\"us-east-1:0f1e2d3c\"}}").toString();
    }
}
