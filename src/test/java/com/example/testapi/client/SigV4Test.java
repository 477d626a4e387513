package com.example.testapi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** The query as SigV4 reads it, and what that means for the signature. */
class SigV4Test {

    private static final Clock AT = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

    private static String signature(String uri) {
        String authorization = SigV4.sign(SigV4.request("GET", URI.create(uri)).build(), new byte[0],
                AwsCredentialsIdentity.create("AKIDEXAMPLE", "secret"), "eu-west-1", "execute-api", AT)
                .firstMatchingHeader("Authorization").orElseThrow();
        return authorization.substring(authorization.indexOf("Signature="));
    }

    @Test
    void pairsSplitAtTheFirstEqualsAndArePercentDecoded() {
        Map<String, List<String>> query = SigV4.request("GET",
                URI.create("http://h/test?b=x=y&a==&c&d=%3D&e=x+y&&g=1&g=2")).build().rawQueryParameters();
        assertEquals(Map.of("a", List.of("="), "b", List.of("x=y"), "c", List.of(""), "d", List.of("="),
                "e", List.of("x+y"), "g", List.of("1", "2")), query);
    }

    @Test
    void theSameParametersSignTheSameWhateverTheirSpellingOrOrder() {
        String canonical = signature("http://h/test?a=%3D&limit=5");
        assertEquals(canonical, signature("http://h/test?a==&limit=5"));
        assertEquals(canonical, signature("http://h/test?limit=5&a=%3d"));
        assertNotEquals(canonical, signature("http://h/test?a=&limit=5"), "a value's '=' is signed, not dropped");
        assertNotEquals(signature("http://h/test?a=x+y"), signature("http://h/test?a=x%20y"), "'+' is not a space");
    }

    @Test
    void thePathAndTheRestOfTheUriAreKept() {
        URI uri = URI.create("https://api.example.com:8443/stage/test?a==");
        assertEquals("https://api.example.com:8443/stage/test?a=%3D",
                SigV4.request("POST", uri).build().getUri().toString());
    }
}
