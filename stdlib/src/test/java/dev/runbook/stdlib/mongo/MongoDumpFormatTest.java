package dev.runbook.stdlib.mongo;

import static dev.runbook.stdlib.mongo.MongoTestSupport.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.stdlib.mongo.dump.CollectionMetadata;
import dev.runbook.stdlib.mongo.dump.CollectionNames;
import dev.runbook.stdlib.mongo.dump.Crc64;
import dev.runbook.stdlib.mongo.dump.DumpFormatException;
import dev.runbook.stdlib.mongo.dump.DumpInventory;
import dev.runbook.stdlib.mongo.dump.DumpScanner;
import dev.runbook.stdlib.mongo.restore.NamespaceRules;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/** The format code on its own: checksums, names, metadata flavours, namespace rules. */
class MongoDumpFormatTest {
    @Test
    void crc64MatchesTheXzCheckValue() {
        Crc64 crc = new Crc64();
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        crc.update(check, 0, 4);
        crc.update(check, 4, 5);
        assertEquals("995dc9bbdf1939fa", Long.toHexString(crc.value()));
    }

    @Test
    void archiveChecksumsOfTheFixturesVerify() throws Exception {
        DumpInventory inv = DumpScanner.scan(fixture("test.bar.archive"), null, null, null, null);
        assertTrue(inv.archive());
        assertEquals(
                List.of("test.bar:1", "admin.system.version:1"),
                inv.collections().stream()
                        .map(c -> c.namespace() + ":" + c.documents())
                        .toList());
        DumpInventory oplog = DumpScanner.scan(fixture("dump-w-oplog.archive"), null, null, null, null);
        assertEquals(
                List.of("test.foo:25", "admin.system.version:1"),
                oplog.collections().stream()
                        .map(c -> c.namespace() + ":" + c.documents())
                        .toList());
        assertTrue(
                oplog.skipped().stream().anyMatch(s -> s.contains("oplog with 18 entries")), oplog.skipped()::toString);
    }

    @Test
    void namesAreEscapedAsGoQueryEscape() {
        assertEquals("caf%C3%A9s", CollectionNames.escape("cafés"));
        assertEquals("a+b%2Fc%24d~e.f-g_h", CollectionNames.escape("a b/c$d~e.f-g_h"));
        assertEquals(Optional.of("a b/c$d"), CollectionNames.unescape("a+b%2Fc%24d"));
        assertEquals(Optional.empty(), CollectionNames.unescape("bad%G1"));
        assertEquals(Optional.empty(), CollectionNames.unescape("bad%2"));
    }

    @Test
    void longNamesAreTruncatedAsMongodumpDoes() {
        String longName =
                "aVery" + "Very".repeat(43) + "LongCollectionNameConsistingOfExactlyTwoHundredAndFortySevenCharacters";
        String base = CollectionNames.fileBase(longName);
        assertEquals(238, base.length());
        assertTrue(base.endsWith("%24xFO0VquRn7cg3QooSZD5sglTddU"), base);
        assertTrue(CollectionNames.isTruncated(base));
        assertFalse(CollectionNames.isTruncated("short%24name"));
    }

    @Test
    void metadataInEveryFlavour() throws Exception {
        CollectionMetadata legacy = CollectionMetadata.parse(
                "{\"options\":{},\"indexes\":[{\"v\":1,\"key\":{\"_id\":1},\"name\":\"_id_\",\"ns\":\"db1.c1\"}]}",
                "t");
        assertEquals(1, legacy.indexes().size());
        CollectionMetadata canonical = CollectionMetadata.parse(
                "{\"indexes\":[{\"v\":{\"$numberInt\":\"2\"},\"key\":{\"f\":{\"$numberDouble\":\"1.0\"}},\"name\":\"f_1\"}],"
                        + "\"uuid\":\"0679db720f4944de90ae27472664e94a\",\"collectionName\":\"foo\"}",
                "t");
        assertTrue(canonical.indexes().get(0).getDocument("key").get("f").isDouble());
        assertEquals("foo", canonical.collectionName());
        CollectionMetadata shell = CollectionMetadata.parse(
                "{\n  \"options\" : { \"capped\" : true, \"size\" : NumberLong(4096) },\n  \"indexes\" : [ ]\n}", "t");
        assertTrue(shell.options().get("size").isInt64());
        assertEquals(CollectionMetadata.NONE, CollectionMetadata.parse("  ", "t"));
        assertThrows(DumpFormatException.class, () -> CollectionMetadata.parse("{\"key\":{\"{\"a\":1}", "t"));
        CollectionMetadata back = CollectionMetadata.parse(canonical.toCanonicalJson(), "t");
        assertEquals(canonical, back);
        assertTrue(canonical.toCanonicalJson().contains("{\"$numberDouble\": \"1.0\"}"));
    }

    @Test
    void namespaceRulesMatchLikeMongorestore() {
        NamespaceRules rules = new NamespaceRules(
                List.of("db1.*", "db2.c\\*"),
                List.of("db1.skip*"),
                List.of("db1.*", "db1.special.*"),
                List.of("new.*", "other.sp_*"));
        assertTrue(rules.selects("db1.a.b"));
        assertTrue(rules.selects("db2.c*"));
        assertFalse(rules.selects("db2.cx"));
        assertFalse(rules.selects("db1.skipped"));
        assertEquals(Optional.of("other.sp_x"), rules.rename("db1.special.x"));
        assertEquals(Optional.of("new.c1"), rules.rename("db1.c1"));
        assertEquals(Optional.empty(), rules.rename("db3.c1"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new NamespaceRules(List.of(), List.of(), List.of("a.*"), List.of("b.c")));
        assertThrows(
                IllegalArgumentException.class,
                () -> new NamespaceRules(List.of(), List.of(), List.of("a.*"), List.of()));
    }

    @Test
    void metadataOfAnIndexSpecMustHaveAKey() {
        assertThrows(
                DumpFormatException.class, () -> CollectionMetadata.parse("{\"indexes\":[{\"name\":\"x\"}]}", "t"));
        assertEquals(BsonDocument.parse("{}"), CollectionMetadata.NONE.options());
    }
}
