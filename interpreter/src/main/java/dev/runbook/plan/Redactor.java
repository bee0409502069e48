package dev.runbook.plan;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in any text a person or file can see: the values of secret params (and their URL- and
 * base64-encoded forms, so derived strings are caught too) and passwords written in URIs
 * ({@code scheme://user:pass@host}).
 *
 * <p>A {@code call} can add secrets while parallel steps print, so the secrets are one immutable list,
 * built in full and then swapped in atomically: a reader sees the old list or the new one, never a
 * partial one.
 */
public final class Redactor {
    public static final String MASK = "********";
    private static final Pattern URI_PASSWORD =
            Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]{0,31}://[^:/@\\s\"']{1,256}:)([^@/\\s\"']{1,256})@");
    private static final int MIN_LENGTH = 3;
    private final AtomicReference<List<String>> secrets = new AtomicReference<>(List.of());

    public Redactor() {}

    public Redactor(Iterable<String> values) {
        values.forEach(this::add);
    }

    /** Adds a secret value and its encoded forms; values too short to mask safely are ignored. */
    public void add(String secret) {
        if (secret == null || secret.length() < MIN_LENGTH) {
            return;
        }
        secrets.updateAndGet(known -> withForms(known, secret));
    }

    private static List<String> withForms(List<String> known, String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        Set<String> forms = new LinkedHashSet<>(known);
        forms.add(secret);
        forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        forms.add(Base64.getEncoder().encodeToString(bytes));
        forms.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
        List<String> sorted = new ArrayList<>(forms);
        // Longest first, so a secret that contains another is masked whole.
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(sorted);
    }

    public List<String> values() {
        return secrets.get();
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : secrets.get()) {
            if (out.contains(s)) {
                out = out.replace(s, MASK);
            }
        }
        if (out.contains("://")) {
            Matcher m = URI_PASSWORD.matcher(out);
            out = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + MASK + "@"));
        }
        return out;
    }

    /** A copy of a value with every string inside it redacted. */
    public Object redactValue(Object v) {
        if (v instanceof String s) {
            return redact(s);
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, val) -> out.put(String.valueOf(k), redactValue(val)));
            return out;
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(o -> out.add(redactValue(o)));
            return out;
        }
        return v;
    }
}
