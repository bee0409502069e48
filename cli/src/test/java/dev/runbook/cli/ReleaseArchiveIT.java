package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive as a new user gets it: unpacked outside the repository, its bin/runbook run on runbooks of
 * another repository (one calling the other), with a PATH that holds no Maven and a home of its own for the AppCDS
 * cache.
 */
class ReleaseArchiveIT {
    private static final String MAIN = """
            runbook "notes" {
              param dir: path
              step note = call "lib/write-note.rb" { dir: dir, text: "written by the called runbook" }
            }
            """;
    private static final String CALLED = """
            runbook "write-note" {
              param dir: path
              param text: string
              step write = file.write { path: "${dir}/note.txt", content: text }
            }
            """;
    /** What the launcher itself runs, and what the runbooks above need: nothing else is on the PATH. */
    private static final String[] TOOLS = {"sh", "readlink", "sed", "head", "cksum", "mkdir", "mv", "rm", "cat", "awk"};

    @TempDir
    Path tmp;

    @Test
    void unpackedArchiveChecksAndRunsAnotherRepositorysRunbooksWithoutMaven() throws Exception {
        Path home = Release.unpack(Release.archive("tar.gz"), tmp.resolve("opt"));
        Path ops = tmp.resolve("ops-repo");
        Files.createDirectories(ops.resolve("lib"));
        Files.writeString(ops.resolve("deploy.rb"), MAIN);
        Files.writeString(ops.resolve("lib/write-note.rb"), CALLED);
        Path userHome = Files.createDirectories(tmp.resolve("home"));
        Path tools = Release.toolsOnly(tmp.resolve("tools"), TOOLS);
        Map<String, String> env = new HashMap<>(Map.of(
                "PATH", tools.toString(),
                "HOME", userHome.toString(),
                "JAVA_HOME", System.getProperty("java.home")));
        Map<String, String> before = Release.snapshot(home);
        String launcher = home.resolve("bin/runbook").toString();

        Release.Result noMaven = Release.run(ops, env, tools.resolve("sh").toString(), "-c", "command -v mvn mvnw");
        assertNotEquals(0, noMaven.code(), "Maven must not be reachable: " + noMaven);

        Release.Result check = Release.run(ops, env, launcher, "check", "deploy.rb");
        assertEquals(0, check.code(), check.toString());
        assertTrue(check.out().contains("ok: deploy.rb"), check.toString());
        try (Stream<Path> cache = Files.list(userHome.resolve(".cache/runbook"))) {
            assertTrue(
                    cache.anyMatch(p -> p.toString().endsWith(".jsa")),
                    "the first start leaves its AppCDS archive in the user's cache");
        }

        // java from the PATH this time, as on a machine without JAVA_HOME
        env.remove("JAVA_HOME");
        Files.createSymbolicLink(tools.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        Path out = Files.createDirectories(tmp.resolve("out"));
        Release.Result run = Release.run(ops, env, launcher, "run", "deploy.rb", "-p", "dir=" + out, "--yes");
        assertEquals(0, run.code(), run.toString());
        assertEquals("written by the called runbook", Files.readString(out.resolve("note.txt")), run.toString());

        assertEquals(before, Release.snapshot(home), "nothing writes into the install folder");
    }

    @Test
    void versionNamesTheReleaseTheCommitAndTheJava() throws Exception {
        Path home = Release.unpack(Release.archive("tar.gz"), tmp.resolve("opt"));
        Map<String, String> env = Map.of(
                "PATH", Release.toolsOnly(tmp.resolve("tools"), TOOLS).toString(),
                "HOME", Files.createDirectories(tmp.resolve("home")).toString(),
                "JAVA_HOME", System.getProperty("java.home"));
        Release.Result version =
                Release.run(tmp, env, home.resolve("bin/runbook").toString(), "--version");
        assertEquals(0, version.code(), version.toString());
        List<String> lines = version.out().lines().toList();
        assertEquals("runbook " + Release.version() + " (commit " + expectedCommit() + ")", lines.get(0));
        assertTrue(lines.get(1).startsWith("Java " + System.getProperty("java.version") + " ("), version.toString());
    }

    @Test
    void archivesHoldTheSameFilesAndMatchTheirChecksums() throws Exception {
        for (String ext : List.of("zip", "tar.gz")) {
            Path archive = Release.archive(ext);
            Path sums = archive.resolveSibling(archive.getFileName() + ".sha256");
            assertEquals(
                    Release.sha256(archive) + "  " + archive.getFileName(),
                    Files.readString(sums).strip(),
                    sums + " is in the format of sha256sum -c");
        }
        Path home = Release.unpack(Release.archive("tar.gz"), tmp.resolve("opt"));
        TreeSet<String> fromTar = new TreeSet<>();
        try (Stream<Path> all = Files.walk(home)) {
            all.filter(Files::isRegularFile)
                    .forEach(p -> fromTar.add("runbook-" + Release.version() + "/" + home.relativize(p)));
        }
        TreeSet<String> fromZip = new TreeSet<>();
        try (ZipFile zip = new ZipFile(Release.archive("zip").toFile())) {
            zip.stream().filter(e -> !e.isDirectory()).forEach(e -> fromZip.add(e.getName()));
        }
        assertEquals(fromTar, fromZip);
        for (String file : List.of(
                "bin/runbook",
                "lib/runbook.jar",
                "licenses/THIRD-PARTY.txt",
                "docs/README.md",
                "docs/install.md",
                "docs/language.md",
                "examples/quickstart.rb")) {
            assertTrue(Files.isRegularFile(home.resolve(file)), "the archive has " + file + ": " + fromTar);
        }
        assertTrue(Files.isExecutable(home.resolve("bin/runbook")));
    }

    /** Every bundled library is listed with a licence whose text ships in licenses/; none of ours is listed. */
    @Test
    void everyBundledLibrarysLicenceShipsWithTheArchive() throws Exception {
        Path home = Release.unpack(Release.archive("tar.gz"), tmp.resolve("opt"));
        Map<String, String> texts = Map.of(
                "Apache-2.0", "Apache-2.0.txt",
                "BSD-3-Clause", "BSD-3-Clause.txt",
                "EDL-1.0", "EDL-1.0.txt",
                "MIT", "MIT.txt");
        List<String> libraries = new ArrayList<>();
        Pattern line = Pattern.compile("^\\s+((?:\\([^)]*\\) )+)(.*)$");
        for (String l : Files.readAllLines(home.resolve("licenses/THIRD-PARTY.txt"))) {
            Matcher m = line.matcher(l);
            if (!m.matches()) {
                continue;
            }
            libraries.add(m.group(2));
            List<String> licences = Pattern.compile("\\(([^)]*)\\)")
                    .matcher(m.group(1))
                    .results()
                    .map(r -> r.group(1))
                    .toList();
            assertTrue(
                    licences.stream().anyMatch(texts::containsKey),
                    m.group(2) + " is under " + licences + ", whose text is not in cli/src/dist/licenses/ "
                            + "(add it, and its name to licenseMerges in cli/pom.xml)");
            for (String licence : licences) {
                if (texts.containsKey(licence)) {
                    assertTrue(Files.isRegularFile(home.resolve("licenses").resolve(texts.get(licence))));
                }
            }
        }
        assertTrue(libraries.stream().anyMatch(l -> l.contains("org.antlr:antlr4-runtime")), libraries.toString());
        assertTrue(libraries.stream().anyMatch(l -> l.contains("info.picocli:picocli")), libraries.toString());
        assertTrue(libraries.stream().noneMatch(l -> l.contains("dev.runbook:")), libraries.toString());
    }

    /** What `git rev-parse` says of the tree that was built, or "unknown" where there is no git or no clone. */
    private String expectedCommit() throws Exception {
        Path git = Path.of("/usr/bin/git");
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, "git"))) {
                git = Path.of(dir, "git");
                break;
            }
        }
        if (!Files.isExecutable(git)) {
            return VersionInfo.UNKNOWN;
        }
        Release.Result r = Release.run(
                Release.root(),
                Map.of("PATH", System.getenv("PATH")),
                git.toString(),
                "rev-parse",
                "--short=12",
                "HEAD");
        return r.code() == 0 ? r.out().strip() : VersionInfo.UNKNOWN;
    }
}
