package io.jenkins.plugins.cargo.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CargoApiUrlTest {

    @Test
    void theVersionIsAddedByTheClient() {
        CargoApiUrl url = CargoApiUrl.parse(CargoApiUrl.DEFAULT);
        assertEquals("https://api.getcargo.io/v1/orchestration/runs/abc", url.resolve("orchestration", "runs", "abc").toString());
        assertEquals("https://api.getcargo.io", url.toString());
    }

    @Test
    void aPathPrefixIsKept() {
        CargoApiUrl url = CargoApiUrl.parse("https://gateway.example.com/cargo/");
        assertEquals("https://gateway.example.com/cargo/v1/orchestration/runs", url.resolve("orchestration", "runs").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:1234", "http://127.10.0.1", "http://[::1]:99"})
    void plainHttpIsAllowedForLoopbackOnly(String text) {
        assertEquals("v1", CargoApiUrl.parse(text).resolve().pathSegments().get(0));
    }

    @Test
    void plainHttpToAnotherHostIsRefusedBecauseOfTheToken() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CargoApiUrl.parse("http://api.getcargo.io"));
        assertTrue(e.getMessage().contains("must use https"), e.getMessage());
    }

    @Test
    void aTrailingVersionIsRefusedRatherThanDoubled() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CargoApiUrl.parse("https://api.getcargo.io/v1/"));
        assertTrue(e.getMessage().contains("leave that out"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "api.getcargo.io", "ftp://api.getcargo.io", "https://u:p@api.getcargo.io", "https://api.getcargo.io?x=1"})
    void malformedUrlsAreRefusedWithAMessage(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CargoApiUrl.parse(text));
        assertTrue(e.getMessage().startsWith("The Cargo API URL"), e.getMessage());
        assertTrue(!e.getMessage().contains(":p@"), "never echoes a password: " + e.getMessage());
    }
}
