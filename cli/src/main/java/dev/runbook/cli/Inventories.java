package dev.runbook.cli;

import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.inventory.Inventory;
import dev.runbook.inventory.InventoryReader;
import java.nio.file.Path;

/** Finds ({@link InventoryChoice}) and reads the inventory a command uses. */
final class Inventories {
    private Inventories() {}

    /**
     * The inventory of {@code --inventory FILE}, else of the runbook.yaml beside the runbook, else this machine alone;
     * null when the file has errors (reported into {@code diagnostics}).
     */
    static Inventory load(Path option, Path runbook, Diagnostics diagnostics) {
        Path dir = runbook.toAbsolutePath().getParent();
        InventoryChoice choice = InventoryChoice.of(option, dir);
        return choice.localOnly() ? Inventory.localOnly() : InventoryReader.read(choice.file(), diagnostics);
    }
}
