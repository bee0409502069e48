package dev.runbook.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Which inventory of hosts a command uses, first found wins: {@code --inventory FILE}, the {@code inventory:} entry
 * of the {@code runbook.yaml} project file beside the runbook (or in the current directory, as for {@code state:};
 * a relative path is relative to that file's folder), and else none: the runbook runs on this machine alone
 * ({@code Inventory.localOnly()}). Only the choice is made here; the file is read by {@code InventoryReader}.
 *
 * @param file the inventory file, or null for none
 * @param from where the choice came from, for messages: {@code --inventory}, the project file's path, or
 *     {@link #NONE}
 */
record InventoryChoice(Path file, String from) {
    static final String KEY = "inventory";
    static final String NONE = "no inventory (this machine only)";

    static InventoryChoice of(Path option, Path runbookDir) {
        if (option != null) {
            return new InventoryChoice(option, "--inventory");
        }
        Path dir = runbookDir == null ? Path.of("").toAbsolutePath() : runbookDir;
        Path project = dir.resolve(StateChoice.PROJECT_FILE);
        String named = Files.isRegularFile(project) ? inventoryIn(project) : null;
        if (named != null) {
            return new InventoryChoice(dir.resolve(named), project.toString());
        }
        return new InventoryChoice(null, NONE);
    }

    boolean localOnly() {
        return file == null;
    }

    /** The {@code inventory:} entry of a project file, or null when it has none. */
    private static String inventoryIn(Path project) {
        Object doc;
        try {
            doc = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(project));
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new ParamOptions.BadParams(
                    ExitCodes.INVALID,
                    "cannot read " + project + ": " + why.lines().findFirst().orElse(""));
        }
        if (!(doc instanceof Map<?, ?> m) || m.get(KEY) == null) {
            return null;
        }
        if (!(m.get(KEY) instanceof String name) || name.isBlank()) {
            throw new ParamOptions.BadParams(
                    ExitCodes.INVALID,
                    "`" + KEY + ":` in " + project + " must be the path of an inventory file, not " + m.get(KEY));
        }
        return name;
    }
}
