package dev.runbook.stdlib.mongo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * The declared types of one collection's fields: field path -> {@link FieldType}, as a runbook writes them
 * ({@code createdAt: date}, {@code jobId: objectId}, {@code chunks[]: objectId} for an array of references,
 * {@code metadata.indexedAt: date} inside an embedded document, {@code sections[].updatedAt: date} inside each
 * element of an array of documents). A missing or null field is left alone, as mongoose leaves it.
 */
final class FieldTypes {
    static final FieldTypes NONE = new FieldTypes(List.of());
    private static final int SHOWN = 80;

    private final List<Declared> fields;

    private FieldTypes(List<Declared> fields) {
        this.fields = List.copyOf(fields);
    }

    /** One declared field: its path as written, the path cut into names and array markers, its type. */
    private record Declared(String path, List<String> parts, FieldType type) {}

    /** The declarations of each collection; a mistake in them is an {@link IllegalArgumentException}. */
    static Map<String, FieldTypes> parseAll(Map<String, Object> declared) {
        Map<String, FieldTypes> out = new LinkedHashMap<>();
        declared.forEach((collection, fields) -> {
            if (!(fields instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException(
                        "types." + collection + " must be a map of field path -> type (" + FieldType.labels() + ")");
            }
            out.put(collection, parse(collection, m));
        });
        return out;
    }

    private static FieldTypes parse(String collection, Map<?, ?> declared) {
        List<Declared> fields = new ArrayList<>();
        declared.forEach((path, label) -> {
            String where = "types." + collection + "[\"" + path + "\"]";
            FieldType type = FieldType.of(String.valueOf(label));
            if (type == null) {
                throw new IllegalArgumentException(
                        where + ": unknown type `" + label + "` (known: " + FieldType.labels() + ")");
            }
            fields.add(new Declared(String.valueOf(path), parts(where, String.valueOf(path)), type));
        });
        return new FieldTypes(fields);
    }

    /** {@code a.b[].c} -> [a, b, [], c]. */
    private static List<String> parts(String where, String path) {
        List<String> parts = new ArrayList<>();
        for (String segment : path.split("\\.", -1)) {
            String name = segment;
            int arrays = 0;
            while (name.endsWith("[]")) {
                name = name.substring(0, name.length() - 2);
                arrays++;
            }
            if (name.isEmpty() || name.contains("[") || name.contains("]") || name.startsWith("$")) {
                throw new IllegalArgumentException(
                        where + ": `" + path
                                + "` is not a field path (names joined by dots, `[]` after an array's name: chunks[], a.b[].c)");
            }
            parts.add(name);
            for (int i = 0; i < arrays; i++) {
                parts.add("[]");
            }
        }
        return parts;
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    /** Gives each declared field of {@code doc} its type, in place. */
    void apply(BsonDocument doc) throws FieldValueException {
        for (Declared d : fields) {
            cast(doc, d, 0, "");
        }
    }

    private static BsonValue cast(BsonValue value, Declared d, int at, String shown) throws FieldValueException {
        if (at == d.parts().size()) {
            BsonValue typed = d.type().cast(value);
            if (typed == null) {
                String hint = value.isArray() ? " (an array: declare it as " + d.path() + "[])" : "";
                throw new FieldValueException(
                        shown,
                        show(value) + " is not " + d.type().a() + ": expected "
                                + d.type().expected() + hint);
            }
            return typed;
        }
        if (value.isNull()) {
            return value;
        }
        String part = d.parts().get(at);
        if (part.equals("[]")) {
            if (!value.isArray()) {
                throw new FieldValueException(
                        shown, "declared an array (" + d.path() + "), but it holds " + show(value));
            }
            BsonArray array = value.asArray();
            for (int i = 0; i < array.size(); i++) {
                array.set(i, cast(array.get(i), d, at + 1, shown + "[" + i + "]"));
            }
            return value;
        }
        if (!value.isDocument()) {
            throw new FieldValueException(
                    shown, "expected an embedded document (" + d.path() + "), found " + show(value));
        }
        BsonValue child = value.asDocument().get(part);
        if (child != null) {
            value.asDocument().put(part, cast(child, d, at + 1, shown.isEmpty() ? part : shown + "." + part));
        }
        return value;
    }

    /** A value as JSON, cut short: what a person compares with the backup file. */
    static String show(BsonValue value) {
        String json = new BsonDocument("v", value)
                .toJson(JsonWriterSettings.builder()
                        .outputMode(JsonMode.RELAXED)
                        .build());
        json = json.substring(json.indexOf(':') + 1, json.length() - 1).trim();
        return json.length() <= SHOWN ? json : json.substring(0, SHOWN) + "...";
    }
}
