package dev.runbook.stdlib.mongo;

import static dev.runbook.stdlib.mongo.MongoTestSupport.args;
import static dev.runbook.stdlib.mongo.MongoTestSupport.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.runbook.spi.StepResult;
import dev.runbook.stdlib.mongo.dump.CollectionMetadata;
import dev.runbook.stdlib.mongo.dump.DumpFiles;
import dev.runbook.testing.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonJavaScript;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** mongo.dump then mongo.restore gives back every document, byte for byte in value, for each BSON type MJS takes. */
class MongoDumpRoundTripTest {
    @RegisterExtension
    static final MongoServerExtension MONGO = new MongoServerExtension();

    @TempDir
    Path work;

    private static List<BsonDocument> everyType() {
        List<BsonDocument> docs = new ArrayList<>();
        docs.add(new BsonDocument("_id", new BsonObjectId())
                .append("double", new BsonDouble(1.5))
                .append("nan", new BsonDouble(Double.NaN))
                .append("negzero", new BsonDouble(-0.0))
                .append("string", new BsonString("héllo \u0000 wörld"))
                .append("int", new BsonInt32(-7))
                .append("long", new BsonInt64(Long.MAX_VALUE))
                .append("decimal", new BsonDecimal128(Decimal128.parse("1234.5678901234567890")))
                .append("bool", BsonBoolean.TRUE)
                .append("null", BsonNull.VALUE)
                .append("date", new BsonDateTime(1_700_000_000_123L))
                .append("ts", new BsonTimestamp(42, 7))
                .append("regex", new BsonRegularExpression("^a.*b$", "im"))
                .append("code", new BsonJavaScript("function() { return 1; }"))
                .append("min", new BsonMinKey())
                .append("max", new BsonMaxKey()));
        docs.add(new BsonDocument("_id", new BsonString("binaries"))
                .append("generic", new BsonBinary(new byte[] {0, 1, 2, (byte) 255}))
                .append("uuid", new BsonBinary(BsonBinarySubType.UUID_STANDARD, new byte[16]))
                .append("legacyUuid", new BsonBinary(BsonBinarySubType.UUID_LEGACY, new byte[16]))
                .append("user", new BsonBinary(BsonBinarySubType.USER_DEFINED, new byte[] {9, 9})));
        docs.add(new BsonDocument("_id", new BsonInt64(3))
                .append(
                        "nested",
                        new BsonDocument(
                                        "a",
                                        new BsonArray(List.of(
                                                new BsonInt32(1),
                                                new BsonDocument("b", new BsonArray()),
                                                new BsonString("c"))))
                                .append(
                                        "deep",
                                        new BsonDocument(
                                                "x", new BsonDocument("y", new BsonDocument("z", BsonNull.VALUE))))));
        docs.add(new BsonDocument("_id", new BsonDocument("compound", new BsonInt32(1)))
                .append("embeddedDate", new BsonDateTime(new Date(0).getTime())));
        return docs;
    }

    @Test
    void dumpThenRestorePreservesEveryDocument() throws Exception {
        MongoCollection<BsonDocument> source =
                MONGO.client().getDatabase("src").getCollection("types", BsonDocument.class);
        source.insertMany(everyType());
        source.createIndex(
                Indexes.ascending("int"),
                new IndexOptions().unique(true).sparse(true).name("int_unique"));
        MONGO.client().getDatabase("src").getCollection("cafés").insertOne(new org.bson.Document("x", 1));
        for (int i = 0; i < 2500; i++) {
            MONGO.client().getDatabase("src").getCollection("many").insertOne(new org.bson.Document("i", i));
        }
        for (boolean gzip : List.of(false, true)) {
            Path out = work.resolve(gzip ? "gz" : "plain");
            MongoDumpStep dump = new MongoDumpStep();
            StepResult dumped = dump.execute(
                    args(dump, map("uri", MONGO.uri(), "db", "src", "out", out.toString(), "gzip", gzip)),
                    new TestContext(work));
            assertTrue(dumped.isOk(), dumped.message());
            assertEquals(
                    Map.of("cafés", 1L, "many", 2500L, "types", 4L),
                    dumped.outputs().get("counts"));
            String suffix = gzip ? ".gz" : "";
            assertTrue(Files.exists(out.resolve("src/caf%C3%A9s.bson" + suffix)));
            CollectionMetadata meta = CollectionMetadata.parse(
                    DumpFiles.readText(out.resolve("src/types.metadata.json" + suffix), gzip), "types");
            assertEquals("types", meta.collectionName());
            assertEquals(
                    List.of("_id_", "int_unique"),
                    meta.indexes().stream()
                            .map(i -> i.getString("name").getValue())
                            .toList());

            String target = gzip ? "dstgz" : "dst";
            MongoRestoreStep restore = new MongoRestoreStep();
            StepResult restored = restore.execute(
                    args(restore, map("uri", MONGO.uri(), "from", out.toString(), "db", target, "batch_size", 100L)),
                    new TestContext(work));
            assertTrue(restored.isOk(), restored.message());
            assertEquals(2505L, restored.outputs().get("restored"));
            List<BsonDocument> back = MONGO.client()
                    .getDatabase(target)
                    .getCollection("types", BsonDocument.class)
                    .find()
                    .into(new ArrayList<>());
            assertEquals(everyType().size(), back.size());
            for (BsonDocument original : source.find()) {
                assertEquals(
                        original,
                        back.stream()
                                .filter(d -> d.get("_id").equals(original.get("_id")))
                                .findFirst()
                                .orElseThrow());
            }
            List<String> indexes = new ArrayList<>();
            MONGO.client()
                    .getDatabase(target)
                    .getCollection("types")
                    .listIndexes()
                    .forEach(d -> indexes.add(d.getString("name") + (Boolean.TRUE.equals(d.get("unique")) ? "!" : "")));
            assertEquals(List.of("_id_", "int_unique!"), indexes);
            assertEquals(
                    2500L,
                    MONGO.client().getDatabase(target).getCollection("many").countDocuments());
        }
    }
}
