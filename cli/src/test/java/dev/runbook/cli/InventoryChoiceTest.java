package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which inventory a command uses: --inventory, else `inventory:` in runbook.yaml beside the runbook, else none. */
class InventoryChoiceTest {
    @Test
    void withNothingSaidTheRunbookRunsOnThisMachineAlone(@TempDir Path dir) {
        InventoryChoice choice = InventoryChoice.of(null, dir);
        assertNull(choice.file());
        assertTrue(choice.localOnly());
        assertEquals("no inventory (this machine only)", choice.from());
    }

    @Test
    void aProjectFileWithoutAnInventoryChoosesNone(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("runbook.yaml"), "state: shared-state\n");
        assertTrue(InventoryChoice.of(null, dir).localOnly());
    }

    @Test
    void theProjectFileNamesTheInventoryRelativeToItsFolder(@TempDir Path dir) throws Exception {
        Path project = dir.resolve("runbook.yaml");
        Files.writeString(project, "state: shared-state\ninventory: inventories/prod.yaml\n");
        InventoryChoice choice = InventoryChoice.of(null, dir);
        assertEquals(dir.resolve("inventories/prod.yaml"), choice.file());
        assertEquals(project.toString(), choice.from());
        assertFalse(choice.localOnly());

        Files.writeString(project, "inventory: /etc/runbook/hosts.yaml\n");
        assertEquals(
                Path.of("/etc/runbook/hosts.yaml"),
                InventoryChoice.of(null, dir).file(),
                "absolute as given");
    }

    @Test
    void theCommandLineWinsOverTheProjectFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("runbook.yaml"), "inventory: from-file.yaml\n");
        Path explicit = Path.of("staging.yaml");
        InventoryChoice choice = InventoryChoice.of(explicit, dir);
        assertEquals(explicit, choice.file(), "as given: relative to where the command runs");
        assertEquals("--inventory", choice.from());
    }

    @Test
    void aProjectFileThatCannotSayIsAnInvalidInputNotAStackTrace(@TempDir Path dir) throws Exception {
        Path project = dir.resolve("runbook.yaml");
        Files.writeString(project, "inventory: [a.yaml, b.yaml]\n");
        ParamOptions.BadParams list = assertThrows(ParamOptions.BadParams.class, () -> InventoryChoice.of(null, dir));
        assertEquals(ExitCodes.INVALID, list.exitCode());
        assertEquals(
                "`inventory:` in " + project + " must be the path of an inventory file, not [a.yaml, b.yaml]",
                list.getMessage());

        Files.writeString(project, "inventory: \"hosts.yaml\n");
        ParamOptions.BadParams yaml = assertThrows(ParamOptions.BadParams.class, () -> InventoryChoice.of(null, dir));
        assertEquals(ExitCodes.INVALID, yaml.exitCode());
        assertTrue(yaml.getMessage().startsWith("cannot read " + project + ": "), yaml.getMessage());
    }
}
