package dev.runbook.stdlib.file;

import dev.runbook.model.Type;
import dev.runbook.spi.Args;
import dev.runbook.spi.Effect;
import dev.runbook.spi.OutputSpec;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sha256 of a file's content, or of a directory tree (each file's relative path and content hash, in path
 * order): what an invariant compares to prove a config or an application directory is back byte for byte.
 */
public final class FileHashStep implements StepType {
    @Override
    public String name() {
        return "file.hash";
    }

    @Override
    public String summary() {
        return "The sha256 of a file, or of a directory tree (paths and contents); empty when missing";
    }

    @Override
    public Effect effect() {
        return Effect.READ;
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.required("path", Type.STRING, "the file or directory, relative to the runbook"));
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(
                OutputSpec.of("exists", Type.BOOL, "whether the path exists"),
                OutputSpec.of("sha256", Type.STRING, "hex sha256 of the content (or tree), \"\" when missing"),
                OutputSpec.of("size", Type.INT, "bytes in all (0 if missing)"),
                OutputSpec.of("files", Type.INT, "how many files were hashed"));
    }

    @Override
    public String describe(Args args) {
        return "hash " + args.show("path");
    }

    @Override
    public StepResult execute(Args args, StepContext context) {
        Path path = context.resolve(args.string("path"));
        Map<String, Object> out = new LinkedHashMap<>();
        if (!Files.exists(path)) {
            out.put("exists", false);
            out.put("sha256", "");
            out.put("size", 0L);
            out.put("files", 0L);
            return StepResult.ok(out);
        }
        try {
            out.put("exists", true);
            if (Files.isDirectory(path)) {
                tree(path, out);
            } else {
                out.put("sha256", FileOps.sha256(path));
                out.put("size", Files.size(path));
                out.put("files", 1L);
            }
        } catch (IOException e) {
            return StepResult.failed("cannot read " + path + ": " + FileOps.problem(e) + "; check its permissions");
        }
        return StepResult.ok(out);
    }

    private static void tree(Path dir, Map<String, Object> out) throws IOException {
        java.security.MessageDigest digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<Path> files;
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        long size = 0;
        for (Path f : files) {
            String line = dir.relativize(f) + "\0" + FileOps.sha256(f) + "\n";
            digest.update(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            size += Files.size(f);
        }
        out.put("sha256", java.util.HexFormat.of().formatHex(digest.digest()));
        out.put("size", size);
        out.put("files", (long) files.size());
    }
}
