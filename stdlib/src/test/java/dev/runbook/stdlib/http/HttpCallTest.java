package dev.runbook.stdlib.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HttpCallTest {
    @Test
    void decidesWhatLooksLikeJson() {
        assertTrue(HttpCall.looksLikeJson("application/json", "oops"));
        assertFalse(HttpCall.looksLikeJson("text/html", "{}"));
        assertTrue(HttpCall.looksLikeJson(null, " [1]"));
        assertFalse(HttpCall.looksLikeJson(null, "ok"));
    }
}
