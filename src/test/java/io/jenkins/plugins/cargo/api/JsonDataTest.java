package io.jenkins.plugins.cargo.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonDataTest {

    @Test
    void aMapBecomesAnObjectInItsOwnOrder() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("domain", "acme.com");
        data.put("size", 42);
        data.put("tags", List.of("a", "b"));
        data.put("nested", Map.of("ok", true));
        data.put("nothing", null);
        JsonData json = JsonData.of(data);
        assertEquals("{\"domain\":\"acme.com\",\"size\":42,\"tags\":[\"a\",\"b\"],\"nested\":{\"ok\":true},\"nothing\":null}",
                json.json());
        assertTrue(json.isObject());
    }

    @Test
    void aStringIsReadAsJsonTextAndKeptExactly() {
        JsonData json = JsonData.of("{ \"price\": 1.10, \"big\": 12345678901234567890123 }");
        assertEquals("{\"price\":1.10,\"big\":12345678901234567890123}", json.json());
    }

    @Test
    void nestedStringsStayStrings() {
        assertEquals("{\"id\":\"42\"}", JsonData.of(Map.of("id", "42")).json());
    }

    @Test
    void otherJsonValuesAreAcceptedButAreNotObjects() {
        assertEquals("[1,2]", JsonData.of(List.of(1, 2)).json());
        assertEquals("7", JsonData.of(7).json());
        assertEquals("true", JsonData.of(true).json());
        assertEquals("\"hello\"", JsonData.of("\"hello\"").json());
        assertFalse(JsonData.of(List.of()).isObject());
    }

    @Test
    void floatingPointNumbersKeepTheirDecimalText() {
        assertEquals("{\"f\":0.1}", JsonData.of(Map.of("f", 0.1f)).json());
        assertEquals("0.1", JsonData.of(0.1f).json());
        assertEquals("1.5", JsonData.of(new BigDecimal("1.5")).json());
    }

    @Test
    void aValueWithoutJsonFormIsRefusedWithItsPath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsonData.of(Map.of("when", List.of("x", new Date()))));
        assertTrue(e.getMessage().startsWith("data.when[1] is a java.util.Date"), e.getMessage());
        assertTrue(e.getMessage().contains("ISO-8601"), e.getMessage());
    }

    @Test
    void nonStringKeysAndNonFiniteNumbersAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JsonData.of(Map.of(1, "x")))
                .getMessage().contains("key that is not a string"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JsonData.of(Map.of("x", Double.NaN)))
                .getMessage().startsWith("data.x is NaN"));
    }

    @Test
    void invalidJsonTextIsRefusedWithoutQuotingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsonData.of("{\"secretCustomer\": oops}"));
        assertTrue(e.getMessage().startsWith("data is a string but not valid JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        assertFalse(e.getMessage().contains("oops"), e.getMessage());
        assertFalse(e.getMessage().contains("secretCustomer"), e.getMessage());
    }

    @Test
    void trailingTextAndDuplicateKeysAreErrorsNotSilentlyDropped() {
        assertThrows(IllegalArgumentException.class, () -> JsonData.of("{} {}"));
        assertThrows(IllegalArgumentException.class, () -> JsonData.of("{\"a\":1,\"a\":2}"));
    }

    @Test
    void missingOrBlankDataIsRefusedWithTheFix() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JsonData.of(null))
                .getMessage().contains("[:]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JsonData.of("  "))
                .getMessage().startsWith("data is an empty string"));
    }

    @Test
    void toStringNeverShowsTheData() {
        String text = JsonData.of(Map.of("customer", "Globex")).toString();
        assertFalse(text.contains("Globex"), text);
    }
}
