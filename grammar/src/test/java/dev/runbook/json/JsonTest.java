package dev.runbook.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void parsesObjectsInOrderWithTypedValues() {
        Object value = Json.parse("{\"b\": 1, \"a\": [true, null, 2.5, -3e2], \"s\": \"x\\\"\\u00e9\\n\"}");

        Map<?, ?> map = (Map<?, ?>) value;
        assertEquals(List.of("b", "a", "s"), List.copyOf(map.keySet()));
        assertEquals(1L, map.get("b"));
        assertEquals(Arrays.asList(true, null, 2.5, -300.0), map.get("a"));
        assertEquals("x\"\u00e9\n", map.get("s"));
    }

    @Test
    void hugeIntegersBecomeDoubles() {
        assertEquals(1.0e20, Json.parse("100000000000000000000"));
    }

    @Test
    void rejectsBrokenJsonWithAnOffset() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": }"));
        assertTrue(e.getMessage().contains("offset 6"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1, 2] extra"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("\"open"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse(""));
    }

    @Test
    void writesWhatItReads() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("title", "Rollback \"api\"");
        value.put("n", 3L);
        value.put("list", Arrays.asList(1.5, false, null));
        value.put("tab", "a\tb");
        String text = Json.write(value);

        assertEquals("{\"title\":\"Rollback \\\"api\\\"\",\"n\":3,\"list\":[1.5,false,null],\"tab\":\"a\\tb\"}", text);
        assertEquals(value, Json.parse(text));
    }

    @Test
    void readsNullAndRejectsDeepNesting() {
        assertNull(Json.parse("null"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[".repeat(10_000)));
    }
}
