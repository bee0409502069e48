package dev.runbook.stdlib.mongo.restore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonValue;

/** Index specs from the metadata as mongorestore sends them back: without {@code _id_}, {@code ns} and {@code v}. */
final class IndexSpecs {
    private static final Set<String> INDEX_TYPES =
            Set.of("hashed", "2d", "2dsphere", "text", "geoHaystack", "columnstore");

    private IndexSpecs() {}

    /** The {@code _id_} spec for {@code create}'s idIndex, without {@code v} and {@code ns}. */
    static Optional<BsonDocument> idIndex(List<BsonDocument> indexes) {
        return indexes.stream().filter(IndexSpecs::isIdIndex).findFirst().map(IndexSpecs::clean);
    }

    /** The secondary indexes to create after the data. */
    static List<BsonDocument> secondary(List<BsonDocument> indexes, boolean convertLegacy) {
        List<BsonDocument> out = new ArrayList<>();
        Set<BsonDocument> keys = new HashSet<>();
        for (BsonDocument spec : indexes) {
            if (isIdIndex(spec)) {
                continue;
            }
            BsonDocument clean = clean(spec);
            if (convertLegacy) {
                clean.put("key", convertKey(clean.getDocument("key")));
                if (!keys.add(clean.getDocument("key"))) {
                    continue;
                }
            }
            out.add(clean);
        }
        return out;
    }

    private static boolean isIdIndex(BsonDocument spec) {
        BsonValue name = spec.get("name");
        return name != null && name.isString() && name.asString().getValue().equals("_id_");
    }

    private static BsonDocument clean(BsonDocument spec) {
        BsonDocument copy = spec.clone();
        copy.remove("ns");
        copy.remove("v");
        BsonValue collation = copy.get("collation");
        if (collation != null
                && collation.isDocument()
                && collation.asDocument().size() == 1
                && "simple".equals(stringOf(collation.asDocument().get("locale")))) {
            copy.remove("collation");
        }
        return copy;
    }

    /** mongorestore's --convertLegacyIndexes: key values become 1 or -1 unless they name an index type. */
    private static BsonDocument convertKey(BsonDocument key) {
        BsonDocument out = new BsonDocument();
        for (String field : key.keySet()) {
            BsonValue v = key.get(field);
            if (v.isString() && INDEX_TYPES.contains(v.asString().getValue())) {
                out.put(field, v);
            } else if (v.isNumber() || v.isDecimal128()) {
                double d = v.isDecimal128()
                        ? v.asDecimal128().doubleValue()
                        : v.asNumber().doubleValue();
                out.put(field, new BsonInt32(d < 0 ? -1 : 1));
            } else {
                out.put(field, new BsonInt32(1));
            }
        }
        return out;
    }

    private static String stringOf(BsonValue v) {
        return v != null && v.isString() ? v.asString().getValue() : null;
    }
}
