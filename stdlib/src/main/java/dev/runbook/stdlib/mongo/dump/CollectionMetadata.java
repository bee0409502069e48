package dev.runbook.stdlib.mongo.dump;

import java.util.ArrayList;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonParseException;
import org.bson.json.JsonWriterSettings;

/**
 * The content of a {@code <coll>.metadata.json} (or an archive's metadata string): listCollections options, the
 * listIndexes specs as they were, the uuid, the real collection name and the type. Parsed with
 * {@link BsonDocument#parse}, which reads canonical, relaxed and legacy shell Extended JSON and keeps exact types.
 */
public record CollectionMetadata(
        BsonDocument options, List<BsonDocument> indexes, String uuid, String collectionName, String type) {
    public static final CollectionMetadata NONE = new CollectionMetadata(new BsonDocument(), List.of(), "", "", "");

    public CollectionMetadata {
        options = options.clone();
        indexes = List.copyOf(indexes);
    }

    /** Parses metadata JSON; blank text means no metadata, as mongorestore accepts. */
    public static CollectionMetadata parse(String json, String source) throws DumpFormatException {
        if (json.isBlank()) {
            return NONE;
        }
        BsonDocument doc;
        try {
            doc = BsonDocument.parse(json);
        } catch (JsonParseException | org.bson.BsonInvalidOperationException | IllegalArgumentException e) {
            throw new DumpFormatException(source + ": metadata is not valid Extended JSON: " + e.getMessage(), e);
        }
        return fromDocument(doc, source);
    }

    private static CollectionMetadata fromDocument(BsonDocument doc, String source) throws DumpFormatException {
        BsonValue options = doc.get("options", new BsonDocument());
        BsonValue indexes = doc.get("indexes", new BsonArray());
        if (!options.isDocument() || !indexes.isArray()) {
            throw new DumpFormatException(source + ": metadata 'options' must be a document and 'indexes' an array");
        }
        List<BsonDocument> specs = new ArrayList<>();
        for (BsonValue spec : indexes.asArray()) {
            if (!spec.isDocument() || !spec.asDocument().isDocument("key")) {
                throw new DumpFormatException(source + ": an index in the metadata has no 'key' document");
            }
            specs.add(spec.asDocument());
        }
        return new CollectionMetadata(
                options.asDocument(), specs, text(doc, "uuid"), text(doc, "collectionName"), text(doc, "type"));
    }

    private static String text(BsonDocument doc, String key) {
        BsonValue v = doc.get(key);
        return v != null && v.isString() ? v.asString().getValue() : "";
    }

    public boolean isView() {
        return "view".equals(type);
    }

    public boolean isTimeseries() {
        return "timeseries".equals(type);
    }

    /** Canonical Extended JSON in mongodump's field order, options and type omitted when empty. */
    public String toCanonicalJson() {
        BsonDocument doc = new BsonDocument();
        if (!options.isEmpty()) {
            doc.append("options", options);
        }
        doc.append("indexes", new BsonArray(new ArrayList<>(indexes)));
        if (!uuid.isEmpty()) {
            doc.append("uuid", new BsonString(uuid));
        }
        doc.append("collectionName", new BsonString(collectionName));
        if (!type.isEmpty() && !"collection".equals(type)) {
            doc.append("type", new BsonString(type));
        }
        return doc.toJson(
                JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build());
    }
}
