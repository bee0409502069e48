package dev.runbook.stdlib.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.runbook.stdlib.mongo.dump.DumpFormatException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonObjectId;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonParseException;
import org.bson.json.JsonWriterSettings;
import org.bson.types.ObjectId;

/**
 * Collections kept as JSON array files, one file per collection (the seed's vector store backup:
 * {@code vector_documents.json}, {@code embedding_jobs.json}, {@code embedding_stats.json}).
 */
final class JsonCollections {
    static final Map<String, Object> SEED_FILES = seedFiles();
    private static final int BATCH = 1000;

    private final MongoDatabase db;
    private final Map<String, String> files;

    JsonCollections(MongoDatabase db, Map<String, String> files) {
        this.db = db;
        this.files = files;
    }

    private static Map<String, Object> seedFiles() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vectordocuments", "vector_documents.json");
        m.put("embeddingjobs", "embedding_jobs.json");
        m.put("embeddingstats", "embedding_stats.json");
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * Reads and checks every file before anything changes. {@code objectIds}: a top-level {@code _id} that is a
     * 24-hex string (what JSON.stringify makes of an ObjectId) becomes an ObjectId again, as mongoose would cast it.
     * {@code types}: the declared field types of each collection (see {@link FieldTypes}); Extended JSON
     * ({@code $oid}, {@code $date}, {@code $numberLong}, {@code $numberDecimal}) is read as its type everywhere.
     */
    Map<String, List<BsonDocument>> readAll(Path dir, boolean objectIds, Map<String, FieldTypes> types)
            throws DumpFormatException {
        Map<String, List<BsonDocument>> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : files.entrySet()) {
            FieldTypes declared = types.getOrDefault(e.getKey(), FieldTypes.NONE);
            out.put(e.getKey(), read(dir.resolve(e.getValue()), objectIds, declared));
        }
        return out;
    }

    /** Reads a snapshot this type wrote itself (canonical Extended JSON: every type is in the file). */
    Map<String, List<BsonDocument>> readSnapshot(Path dir) throws DumpFormatException {
        return readAll(dir, false, Map.of());
    }

    /** The collections a declaration names that this import does not touch: surely a mistake in the runbook. */
    List<String> undeclared(Map<String, FieldTypes> types) {
        List<String> out = new ArrayList<>();
        for (String collection : types.keySet()) {
            if (!files.containsKey(collection)) {
                out.add(collection);
            }
        }
        return out;
    }

    private static List<BsonDocument> read(Path file, boolean objectIds, FieldTypes types) throws DumpFormatException {
        BsonArray array;
        try {
            array = BsonArray.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DumpFormatException(file + ": cannot read: " + e.getMessage(), e);
        } catch (JsonParseException | org.bson.BsonInvalidOperationException e) {
            throw new DumpFormatException(file + ": not a JSON array of documents: " + e.getMessage(), e);
        }
        List<BsonDocument> docs = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            BsonValue v = array.get(i);
            if (!v.isDocument()) {
                throw new DumpFormatException(
                        file + ": element " + i + " is a " + v.getBsonType() + ", not a document");
            }
            BsonDocument doc = v.asDocument();
            BsonValue id = doc.get("_id");
            if (objectIds
                    && id != null
                    && id.isString()
                    && ObjectId.isValid(id.asString().getValue())) {
                doc.put("_id", new BsonObjectId(new ObjectId(id.asString().getValue())));
            }
            try {
                types.apply(doc);
            } catch (FieldValueException e) {
                throw new DumpFormatException(
                        file + ": document " + i + ", field " + e.field() + ": " + e.getMessage());
            }
            docs.add(doc);
        }
        return docs;
    }

    /** Writes each collection to its file as a JSON array, one document per line. */
    Map<String, Object> exportAll(Path dir, boolean canonical) throws IOException {
        Files.createDirectories(dir);
        JsonWriterSettings settings = JsonWriterSettings.builder()
                .outputMode(canonical ? JsonMode.EXTENDED : JsonMode.RELAXED)
                .build();
        Map<String, Object> counts = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : files.entrySet()) {
            long n = 0;
            Path tmp = dir.resolve(e.getValue() + ".tmp");
            try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                out.write("[");
                for (BsonDocument doc :
                        db.getCollection(e.getKey(), BsonDocument.class).find().batchSize(1000)) {
                    out.write(n++ == 0 ? "\n" : ",\n");
                    out.write(doc.toJson(settings));
                }
                out.write("\n]\n");
            }
            Files.move(tmp, dir.resolve(e.getValue()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            counts.put(e.getKey(), n);
        }
        return counts;
    }

    /** Empties each collection (indexes kept, as the seed's deleteMany does) and inserts the documents. */
    Map<String, Object> replaceAll(Map<String, List<BsonDocument>> content) {
        Map<String, Object> counts = new LinkedHashMap<>();
        for (Map.Entry<String, List<BsonDocument>> e : content.entrySet()) {
            MongoCollection<BsonDocument> coll = db.getCollection(e.getKey(), BsonDocument.class);
            coll.deleteMany(new BsonDocument());
            List<BsonDocument> docs = e.getValue();
            for (int i = 0; i < docs.size(); i += BATCH) {
                coll.insertMany(docs.subList(i, Math.min(docs.size(), i + BATCH)));
            }
            counts.put(e.getKey(), (long) docs.size());
        }
        return counts;
    }

    static long total(Map<String, Object> counts) {
        return counts.values().stream().mapToLong(v -> (Long) v).sum();
    }
}
