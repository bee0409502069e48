package dev.runbook.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {
    private static final String M = Redactor.MASK;

    @Test
    void masksEverySecretValueWhereverItAppears() {
        Redactor r = new Redactor(List.of("hunter2", "s3cr3t-token"));

        assertEquals("pw=" + M + " and " + M + " and " + M, r.redact("pw=hunter2 and s3cr3t-token and hunter2"));
        assertEquals("nothing secret here", r.redact("nothing secret here"));
    }

    @Test
    void masksTheUrlAndBase64FormsOfASecret() {
        String secret = "p@ss word/1";
        Redactor r = new Redactor(List.of(secret));
        String url = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        String b64 = Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));

        assertEquals("q=" + M, r.redact("q=" + url));
        assertEquals("Authorization: Basic " + M, r.redact("Authorization: Basic " + b64));
    }

    @Test
    void masksThePasswordOfAUriItWasNeverTold() {
        Redactor r = new Redactor();

        assertEquals("mongodb://user:" + M + "@host:27017/db", r.redact("mongodb://user:pass@host:27017/db"));
        assertEquals(
                "from mongodb+srv://admin:" + M + "@cluster.example.net to x",
                r.redact("from mongodb+srv://admin:Xy9%21@cluster.example.net to x"));
        assertEquals("http://host:8080/path", r.redact("http://host:8080/path"), "a port is not a password");
    }

    @Test
    void masksTheLongerOfTwoOverlappingSecretsWhole() {
        Redactor r = new Redactor(List.of("abc", "abcdef"));

        // Were "abc" masked first, "def" would be left in clear.
        assertEquals("x " + M + " y " + M, r.redact("x abcdef y abc"));
        assertFalse(r.redact("abcdefabc").contains("def"));
    }

    @Test
    void ignoresEmptyNullAndTooShortValues() {
        Redactor r = new Redactor();
        r.add("");
        r.add(null);
        r.add("ab");

        assertEquals(List.of(), r.values());
        assertEquals("a b ab", r.redact("a b ab"), "masking \"\" or \"ab\" would mangle every line");
        assertEquals("", r.redact(""));
        assertNull(r.redact(null));
    }

    @Test
    void addingASecretTwiceKeepsOneCopyOfEachForm() {
        Redactor r = new Redactor(List.of("hunter2"));
        List<String> once = r.values();
        r.add("hunter2");

        assertEquals(once, r.values());
        assertTrue(once.contains("hunter2"));
    }

    @Test
    void redactsStringsNestedInMapsAndLists() {
        Redactor r = new Redactor(List.of("hunter2"));

        Object out = r.redactValue(Map.of("a", List.of("x hunter2", 3L), "b", Map.of("c", "hunter2")));

        assertEquals(Map.of("a", List.of("x " + M, 3L), "b", Map.of("c", M)), out);
    }
}
