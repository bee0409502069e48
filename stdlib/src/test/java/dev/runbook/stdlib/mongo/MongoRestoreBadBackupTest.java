package dev.runbook.stdlib.mongo;

import static dev.runbook.stdlib.mongo.MongoTestSupport.args;
import static dev.runbook.stdlib.mongo.MongoTestSupport.fixture;
import static dev.runbook.stdlib.mongo.MongoTestSupport.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoCollection;
import dev.runbook.spi.StepResult;
import dev.runbook.testing.TestContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A bad backup is refused before anything is dropped or written: the database stays exactly as it was. */
class MongoRestoreBadBackupTest {
    @RegisterExtension
    static final MongoServerExtension MONGO = new MongoServerExtension();

    @TempDir
    Path work;

    private final MongoRestoreStep step = new MongoRestoreStep();

    @BeforeEach
    void populate() {
        for (String ns : List.of("test.ixtest", "test.bar", "db1.c1", "db1.c4")) {
            String[] parts = ns.split("\\.");
            MongoCollection<Document> c = MONGO.client().getDatabase(parts[0]).getCollection(parts[1]);
            c.insertOne(new Document("_id", "precious").append("ns", ns));
        }
    }

    private StepResult restore(Path from) throws InterruptedException {
        return step.execute(
                args(step, map("uri", MONGO.uri(), "from", from.toString(), "drop", true)), new TestContext(work));
    }

    private void assertUntouched() {
        assertEquals(List.of("db1", "test"), sorted(MONGO.client().listDatabaseNames()));
        for (String ns : List.of("test.ixtest", "test.bar", "db1.c1", "db1.c4")) {
            String[] parts = ns.split("\\.");
            List<Document> docs = MONGO.client()
                    .getDatabase(parts[0])
                    .getCollection(parts[1])
                    .find()
                    .into(new ArrayList<>());
            assertEquals(List.of(new Document("_id", "precious").append("ns", ns)), docs, ns);
        }
        assertEquals(
                List.of("c1", "c4"), sorted(MONGO.client().getDatabase("db1").listCollectionNames()));
        assertEquals(
                List.of("bar", "ixtest"),
                sorted(MONGO.client().getDatabase("test").listCollectionNames()));
    }

    @Test
    void badFormatArchiveIsRefused() throws Exception {
        StepResult r = restore(fixture("bad-format.archive"));
        assertFalse(r.isOk());
        assertTrue(r.message().contains("nothing was dropped or written"), r.message());
        assertTrue(r.message().contains("test.ixtest") && r.message().contains("not valid Extended JSON"), r.message());
        assertUntouched();
    }

    @Test
    void archiveWithWrongChecksumIsRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(fixture("test.bar.archive"));
        int at = indexOf(bytes, "foo\0\u0004\0\0\0bar".getBytes(StandardCharsets.ISO_8859_1));
        bytes[at + 8] = 'c';
        Path corrupt = Files.write(work.resolve("corrupt.archive"), bytes);
        StepResult r = restore(corrupt);
        assertFalse(r.isOk());
        assertTrue(r.message().contains("checksum mismatch for namespace test.bar"), r.message());
        assertUntouched();
    }

    @Test
    void truncatedArchiveIsRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(fixture("dump-w-oplog.archive"));
        Path cut = Files.write(work.resolve("cut.archive"), java.util.Arrays.copyOf(bytes, bytes.length - 100));
        StepResult r = restore(cut);
        assertFalse(r.isOk());
        assertTrue(r.message().contains("nothing was dropped or written"), r.message());
        assertUntouched();
    }

    @Test
    void truncatedBsonFileIsRefused() throws Exception {
        Path db1 = Files.createDirectories(work.resolve("dump/db1"));
        try (Stream<Path> files = Files.list(fixture("testdirs/db1"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, db1.resolve(f.getFileName()));
            }
        }
        byte[] c1 = Files.readAllBytes(db1.resolve("c1.bson"));
        Files.write(db1.resolve("c1.bson"), java.util.Arrays.copyOf(c1, c1.length - 10));
        StepResult r = restore(work.resolve("dump"));
        assertFalse(r.isOk());
        assertTrue(r.message().contains("c1.bson") && r.message().contains("truncated"), r.message());
        assertUntouched();
    }

    @Test
    void corruptDocumentInsideAFileIsRefused() throws Exception {
        Path db1 = Files.createDirectories(work.resolve("dump/db1"));
        byte[] c4 = Files.readAllBytes(fixture("testdirs/db1/c4.bson"));
        c4[37] = (byte) 0x42; // the first element type of the second document: no such BSON type
        Files.write(db1.resolve("c4.bson"), c4);
        StepResult r = restore(work.resolve("dump"));
        assertFalse(r.isOk());
        assertTrue(r.message().contains("malformed BSON"), r.message());
        assertUntouched();
    }

    @Test
    void plainFileGivenAsArchiveIsRefused() throws Exception {
        StepResult r = step.execute(
                args(
                        step,
                        map(
                                "uri",
                                MONGO.uri(),
                                "from",
                                fixture("testdirs/db1/c1.bson").toString(),
                                "archive",
                                true,
                                "drop",
                                true)),
                new TestContext(work));
        assertFalse(r.isOk());
        assertTrue(r.message().contains("not a mongodump archive (bad magic number)"), r.message());
        assertUntouched();
    }

    @Test
    void missingBackupIsRefused() throws Exception {
        StepResult r = restore(work.resolve("nope"));
        assertFalse(r.isOk());
        assertTrue(r.message().contains("no such file or directory"), r.message());
        assertUntouched();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("pattern not found in fixture");
    }

    private static List<String> sorted(Iterable<String> names) {
        List<String> out = new ArrayList<>();
        names.forEach(out::add);
        out.sort(null);
        return out;
    }
}
