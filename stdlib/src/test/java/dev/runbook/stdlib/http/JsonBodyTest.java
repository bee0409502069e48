package dev.runbook.stdlib.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonBodyTest {
    @Test
    void parsesObjectsInOrderWithTypedValues() {
        Object value = JsonBody.parse("{\"b\": 1, \"a\": [true, null, 2.5, -3e2], \"s\": \"x\\\"\\u00e9\\n\"}");

        Map<?, ?> map = (Map<?, ?>) value;
        assertEquals(List.of("b", "a", "s"), List.copyOf(map.keySet()));
        assertEquals(1L, map.get("b"));
        assertEquals(Arrays.asList(true, null, 2.5, -300.0), map.get("a"));
        assertEquals("x\"\u00e9\n", map.get("s"));
    }

    @Test
    void hugeIntegersBecomeDoubles() {
        assertEquals(1.0e20, JsonBody.parse("100000000000000000000"));
    }

    @Test
    void rejectsBrokenJsonWithAnOffset() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonBody.parse("{\"a\": }"));
        assertTrue(e.getMessage().contains("offset 6"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JsonBody.parse("[1, 2] extra"));
        assertThrows(IllegalArgumentException.class, () -> JsonBody.parse("\"open"));
        assertThrows(IllegalArgumentException.class, () -> JsonBody.parse(""));
    }

    @Test
    void writesWhatItReads() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("title", "Rollback \"api\"");
        value.put("n", 3L);
        value.put("list", Arrays.asList(1.5, false, null));
        value.put("tab", "a\tb");
        String text = JsonBody.write(value);

        assertEquals("{\"title\":\"Rollback \\\"api\\\"\",\"n\":3,\"list\":[1.5,false,null],\"tab\":\"a\\tb\"}", text);
        assertEquals(value, JsonBody.parse(text));
    }

    @Test
    void decidesWhatLooksLikeJson() {
        assertTrue(JsonBody.looksLikeJson("application/json", "oops"));
        assertFalse(JsonBody.looksLikeJson("text/html", "{}"));
        assertTrue(JsonBody.looksLikeJson(null, " [1]"));
        assertFalse(JsonBody.looksLikeJson(null, "ok"));
        assertNull(JsonBody.parse("null"));
    }
}
