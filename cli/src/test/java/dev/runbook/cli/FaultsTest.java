package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.sun.net.httpserver.HttpServer;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Faults from outside: a database that goes away, a journal that cannot be written, an endpoint that hangs. */
class FaultsTest {
    @TempDir
    Path dir;

    /** Main.run without CliRun's ban on the word "Exception": here only a stack trace is a bug. */
    record Outcome(int code, String out, String err) {
        String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
        Outcome o = new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertFalse(o.all().contains("at dev.runbook") || o.all().contains("\tat "), "a stack trace:\n" + o);
        return o;
    }

    private Path runbook(String name, String text) throws IOException {
        Path file = dir.resolve(name + ".rb");
        Files.writeString(file, text);
        return file;
    }

    private static Map<String, String> sha256s(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                out.put(root.relativize(f).toString(), HexFormat.of().formatHex(sha.digest(Files.readAllBytes(f))));
            }
        }
        return out;
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theMongoServerGoingAwayDuringARestoreFailsCleanlyAndLeavesTheDumpAsItWas() throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        String uri = server.bindAndGetConnectionString();
        try {
            try (MongoClient client = MongoClients.create(uri)) {
                MongoCollection<Document> items = client.getDatabase("src").getCollection("items");
                List<Document> batch = new ArrayList<>();
                for (int i = 0; i < 200_000; i++) {
                    batch.add(new Document("_id", i).append("name", "item-" + i));
                    if (batch.size() == 10_000) {
                        items.insertMany(batch);
                        batch = new ArrayList<>();
                    }
                }
            }
            Path dump = dir.resolve("dump");
            Outcome made = run(
                    "run",
                    runbook("dump", """
                    runbook "dump" {
                      param uri: secret
                      param out: string
                      step dump = mongo.dump { uri: uri, db: "src", out: out }
                    }
                    """).toString(),
                    "--state-dir",
                    dir.resolve("state").toString(),
                    "--param",
                    "uri=" + uri,
                    "--param",
                    "out=" + dump);
            assertEquals(ExitCodes.OK, made.code(), made.toString());
            Map<String, String> before = sha256s(dump);
            assertTrue(before.containsKey("src/items.bson"), before.toString());

            Path restore = runbook("restore", """
                    runbook "restore" {
                      param uri: secret
                      param from: string
                      step restore = mongo.restore { uri: uri, from: from, db: "copy", drop: true }
                    }
                    """);
            CompletableFuture<Outcome> running = CompletableFuture.supplyAsync(() -> run(
                    "run",
                    restore.toString(),
                    "--yes",
                    "--state-dir",
                    dir.resolve("state").toString(),
                    "--param",
                    "uri=" + uri,
                    "--param",
                    "from=" + dump));
            long seen = 0;
            try (MongoClient watcher = MongoClients.create(uri)) {
                MongoCollection<Document> copy = watcher.getDatabase("copy").getCollection("items");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (seen == 0 && !running.isDone() && System.nanoTime() < deadline) {
                    seen = copy.countDocuments();
                    Thread.sleep(10);
                }
            }
            assertTrue(
                    seen > 0 && seen < 200_000 && !running.isDone(),
                    "the restore was not caught in the middle (" + seen + " documents seen)");
            server.shutdownNow();
            Outcome o = running.get(60, TimeUnit.SECONDS);

            assertTrue(o.code() == ExitCodes.FAILED || o.code() == ExitCodes.UNDO_FAILED, o.toString());
            assertTrue(
                    o.all().contains("lost the connection to the MongoDB server"),
                    "no clear connection message:\n" + o);
            assertFalse(o.all().contains(uri), "the secret uri was shown:\n" + o);
            assertEquals(before, sha256s(dump), "the dump on disk was changed");
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void journalOnAFullDiskStandInRunsIsAFileSoTheRunIsRefusedBeforeAnyStep() throws Exception {
        Path state = Files.createDirectories(dir.resolve("state"));
        Files.writeString(state.resolve("runs"), "not a directory");
        Path marker = dir.resolve("marker.txt");
        Path rb = runbook("mark", """
                runbook "mark" {
                  param marker: string
                  step mark = file.write { path: marker, content: "written" }
                }
                """);
        Outcome o = run("run", rb.toString(), "--state-dir", state.toString(), "--param", "marker=" + marker);
        assertEquals(ExitCodes.INVALID, o.code(), o.toString());
        assertTrue(o.err().contains("cannot write the journal") && o.err().contains("nothing was run"), o.toString());
        assertFalse(Files.exists(marker), "a step ran although the run was refused:\n" + o);
        // and the lock is not left behind: a run with a usable state dir goes through
        Files.delete(state.resolve("runs"));
        Outcome again = run("run", rb.toString(), "--state-dir", state.toString(), "--param", "marker=" + marker);
        assertEquals(ExitCodes.OK, again.code(), again.toString());
        assertEquals("written", Files.readString(marker));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aHangingEndpointTimesOutAndTheEarlierWriteIsUndone() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService pool = Executors.newCachedThreadPool();
        http.setExecutor(pool);
        int[] requests = {0};
        http.createContext("/", exchange -> {
            synchronized (requests) {
                requests[0]++;
            }
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        http.start();
        try {
            Path marker = dir.resolve("marker.txt");
            Files.writeString(marker, "original");
            Path rb = runbook("hang", """
                    runbook "hang" {
                      param url: string
                      param marker: string
                      step mark = file.write { path: marker, content: "changed" }
                      step check = http.check { url: url, timeout: 1s }
                        retry 2 delay 100ms
                    }
                    """);
            String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/health";
            long start = System.nanoTime();
            Outcome o = run(
                    "run",
                    rb.toString(),
                    "--state-dir",
                    dir.resolve("state").toString(),
                    "--param",
                    "url=" + url,
                    "--param",
                    "marker=" + marker);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(ExitCodes.FAILED, o.code(), o.toString());
            assertTrue(o.all().contains("no response within 1s"), o.toString());
            assertEquals("original", Files.readString(marker), "the file.write was not undone:\n" + o);
            synchronized (requests) {
                assertEquals(2, requests[0], "retry 2 means two attempts:\n" + o);
            }
            assertTrue(millis < 10_000, "took " + millis + " ms:\n" + o);
        } finally {
            release.countDown();
            http.stop(0);
            pool.shutdownNow();
        }
    }

    /**
     * A journal that stops being writable mid-run, for real: the CLI in its own JVM under {@code ulimit -f 8} (files
     * up to 8 KiB; the JVM ignores SIGXFSZ, so a write past it fails with EFBIG, as on a full disk). The plan and the
     * markers are small; two steps print 6000 characters each, which their step-end lines carry, so the journal
     * passes 8 KiB in the middle of the run. Documented: the run goes on (the run matters more than its record),
     * warns on stderr, and ends as its steps do.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void journalOnAFullDiskStandInFileSizeLimitMidRunWarnsAndTheRunStillFinishes() throws Exception {
        Path state = dir.resolve("state");
        Path marker = dir.resolve("marker.txt");
        Path rb = runbook("big", """
                runbook "big" {
                  param marker: string
                  step first = exec { argv: ["sh", "-c", "head -c 6000 /dev/zero | tr '\\\\0' x"] }
                  step second = exec { argv: ["sh", "-c", "head -c 6000 /dev/zero | tr '\\\\0' y"] }
                  step mark = file.write { path: marker, content: "done" }
                }
                """);
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(
                "bash",
                "-c",
                "ulimit -f 8 && exec \"$@\"",
                "bash",
                java,
                "-XX:-UsePerfData",
                "-Xshare:off",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                cp,
                "dev.runbook.cli.Main",
                "run",
                rb.toString(),
                "--state-dir",
                state.toString(),
                "--param",
                "marker=" + marker);
        Path out = dir.resolve("big.out");
        Path err = dir.resolve("big.err");
        Process p = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!p.waitFor(50, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the CLI hung; stderr: " + Files.readString(err));
        }
        Outcome o = new Outcome(p.exitValue(), Files.readString(out), Files.readString(err));
        assertFalse(o.all().contains("at dev.runbook") || o.all().contains("\tat "), "a stack trace:\n" + o);
        assertEquals(ExitCodes.OK, o.code(), o.toString());
        assertTrue(
                o.err().contains("the journal could not be written") && o.err().contains("File too large"),
                o.toString());
        assertEquals("done", Files.readString(marker), "the steps after the journal failed did not run:\n" + o);
        try (Stream<Path> runs = Files.list(state.resolve("runs"))) {
            Path journal = runs.toList().get(0).resolve("journal.jsonl");
            long size = Files.size(journal);
            assertTrue(size > 0 && size <= 8192, "journal size " + size);
            // the kernel wrote what fit, so the last line may be torn; resume ignores a torn last line
            String text = Files.readString(journal);
            assertTrue(text.contains("\"run-start\""), text);
        }
    }
}
