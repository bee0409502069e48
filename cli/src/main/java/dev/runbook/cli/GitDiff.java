package dev.runbook.cli;

import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.plan.Plan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code diff --git BASE..HEAD}: the runbooks under the folder at both revisions, written to temporary trees (so
 * {@code call "other.rb"} finds the other runbook as it was), then compared file by file. Unchanged files are
 * left out; added and removed runbooks get one line each.
 */
final class GitDiff {
    private final DiffCommand command;
    private final Map<String, Object> given;

    GitDiff(DiffCommand command, Map<String, Object> given) {
        this.command = command;
        this.given = given;
    }

    DiffCommand.Outcome run() {
        String[] revs =
                command.range.contains("..") ? command.range.split("\\.\\.", 2) : new String[] {command.range, "HEAD"};
        String base = revs[0].isEmpty() ? "HEAD" : revs[0];
        String head = revs[1].isEmpty() ? "HEAD" : revs[1];
        Path dir = Path.of(command.dir).toAbsolutePath().normalize();
        GitRevisions git =
                GitRevisions.at(Files.isDirectory(dir) ? dir : Path.of("").toAbsolutePath());
        String folder = git.root().relativize(dir).toString();
        Path temp = null;
        try {
            temp = Files.createTempDirectory("runbook-diff");
            List<String> before = runbooks(git.files(base, folder));
            List<String> after = runbooks(git.files(head, folder));
            write(git, base, before, temp.resolve("base"));
            write(git, head, after, temp.resolve("head"));
            return compare(base, head, before, after, temp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(temp);
        }
    }

    private DiffCommand.Outcome compare(String base, String head, List<String> before, List<String> after, Path temp)
            throws IOException {
        DiffCommand.Outcome outcome = new DiffCommand.Outcome(false, false);
        DiffCommand.PrintTarget out = command.printer();
        boolean first = true;
        for (String path : new TreeSet<>(union(before, after))) {
            Path old = temp.resolve("base").resolve(path);
            Path now = temp.resolve("head").resolve(path);
            if (before.contains(path)
                    && after.contains(path)
                    && Arrays.equals(Files.readAllBytes(old), Files.readAllBytes(now))) {
                continue;
            }
            out.line(first ? "" : "\n", first ? "" : "\n");
            first = false;
            if (!before.contains(path)) {
                outcome = outcome.and(whole("added", head, path, now, out));
            } else if (!after.contains(path)) {
                outcome = outcome.and(whole("removed", base, path, old, out));
            } else {
                outcome = outcome.and(command.compare(old, now, base + ":" + path, head + ":" + path, given));
            }
        }
        if (first) {
            out.line(
                    "no runbook under " + command.dir + " changed between " + base + " and " + head + "\n",
                    "No runbook under `" + command.dir + "` changed between `" + base + "` and `" + head + "`.\n");
        }
        return outcome;
    }

    private DiffCommand.Outcome whole(String what, String rev, String path, Path file, DiffCommand.PrintTarget out) {
        Diagnostics hosts = new Diagnostics();
        dev.runbook.inventory.Inventory inventory = Inventories.load(command.params.inventory, file, hosts);
        if (inventory == null) {
            return new DiffCommand.Outcome(true, true);
        }
        Plan plan = command.plan(file, given, inventory);
        if (plan == null) {
            return new DiffCommand.Outcome(true, true);
        }
        long writes =
                plan.steps().stream().filter(s -> !"read".equals(s.effect())).count();
        String counts = plan.steps().size() + " steps, " + writes + " that change something";
        out.line(
                "runbook `" + plan.runbook() + "` " + what + ": " + rev + ":" + path + " (" + counts + ")\n",
                "### Runbook " + what + ": `" + plan.runbook() + "`\n\n`" + rev + ":" + path + "` (" + counts
                        + "); `runbook plan " + path + " --format markdown` shows it.\n");
        return new DiffCommand.Outcome(true, false);
    }

    private static List<String> runbooks(List<String> files) {
        return files.stream()
                .filter(f -> f.endsWith(".rb") || f.endsWith(".yaml") || f.endsWith(".yml"))
                .toList();
    }

    private static List<String> union(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    private static void write(GitRevisions git, String rev, List<String> files, Path into) throws IOException {
        for (String f : files) {
            Path target = into.resolve(f);
            Files.createDirectories(target.getParent());
            Files.write(target, git.show(rev, f));
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
