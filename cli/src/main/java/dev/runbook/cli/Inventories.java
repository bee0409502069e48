package dev.runbook.cli;

import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.inventory.Inventory;
import java.nio.file.Path;

/** Finds and reads the inventory a command uses. */
final class Inventories {
    private Inventories() {}

    /** The inventory of {@code --inventory FILE}, else of runbook.yaml, else this machine alone; null on errors. */
    static Inventory load(Path option, Path runbook, Diagnostics diagnostics) {
        return Inventory.localOnly();
    }
}
