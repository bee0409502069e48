package dev.runbook.stdlib.http;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A dotted path into parsed JSON ({@code data.version}, {@code items.0.name}); empty when a segment is missing. */
final class JsonPath {
    /** A value found at a path; a record because JSON null is a value that is present. */
    record Hit(Object value) {}

    private JsonPath() {}

    static Optional<Hit> find(Object root, String path) {
        Object current = root;
        for (String segment : path.split("\\.")) {
            if (current instanceof Map<?, ?> map && map.containsKey(segment)) {
                current = map.get(segment);
            } else if (current instanceof List<?> list && isIndex(segment, list.size())) {
                current = list.get(Integer.parseInt(segment));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new Hit(current));
    }

    /** JSON equality as a runbook author means it: 2 equals 2.0, otherwise plain equals. */
    static boolean same(Object actual, Object expected) {
        if (actual instanceof Number a && expected instanceof Number e) {
            return a.doubleValue() == e.doubleValue();
        }
        return Objects.equals(actual, expected);
    }

    private static boolean isIndex(String segment, int size) {
        if (segment.isEmpty() || segment.length() > 9 || !segment.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return Integer.parseInt(segment) < size;
    }
}
