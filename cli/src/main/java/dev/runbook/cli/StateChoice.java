package dev.runbook.cli;

import dev.runbook.engine.LocalState;
import dev.runbook.engine.StateStore;
import dev.runbook.etcd.EtcdConfig;
import dev.runbook.etcd.EtcdState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Picks where runs keep their state, first found wins: {@code --state URL-or-DIR}, {@code --state-dir DIR},
 * {@code $RUNBOOK_STATE}, the {@code state:} entry of a {@code runbook.yaml} project file beside the runbook (or in
 * the current directory), and else the local {@code .runbook/} beside the runbook. An {@code etcd://} URL is a
 * team's shared state; anything else is a directory (relative to where it was written).
 */
final class StateChoice {
    static final String ENV = "RUNBOOK_STATE";
    static final String PROJECT_FILE = "runbook.yaml";

    private StateChoice() {}

    static StateStore of(String state, Path stateDir, Path runbookDir) {
        return of(state, stateDir, runbookDir, System.getenv());
    }

    static StateStore of(String state, Path stateDir, Path runbookDir, Map<String, String> env) {
        if (state != null && stateDir != null) {
            throw new ParamOptions.BadParams(ExitCodes.USAGE, "give --state or --state-dir, not both");
        }
        if (state != null) {
            return named(state, Path.of(""), env, "--state");
        }
        if (stateDir != null) {
            return LocalState.of(stateDir, runbookDir);
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return named(fromEnv, Path.of(""), env, ENV);
        }
        Path dir = runbookDir == null ? Path.of("").toAbsolutePath() : runbookDir;
        Path project = dir.resolve(PROJECT_FILE);
        String fromProject = Files.isRegularFile(project) ? stateIn(project) : null;
        if (fromProject != null) {
            return named(fromProject, dir, env, project.toString());
        }
        return LocalState.of(null, runbookDir);
    }

    private static StateStore named(String text, Path base, Map<String, String> env, String from) {
        if (!EtcdConfig.isEtcd(text)) {
            return LocalState.of(base.resolve(text), null);
        }
        try {
            return new EtcdState(EtcdConfig.parse(text, env));
        } catch (IllegalArgumentException | IOException e) {
            throw new ParamOptions.BadParams(
                    ExitCodes.USAGE, "the state in " + from + " is not usable: " + e.getMessage());
        }
    }

    /** The {@code state:} entry of a project file, or null. */
    private static String stateIn(Path project) {
        try {
            Object doc = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(project));
            if (doc instanceof Map<?, ?> m && m.get("state") != null) {
                return m.get("state").toString();
            }
            return null;
        } catch (IOException | RuntimeException e) {
            throw new ParamOptions.BadParams(
                    ExitCodes.INVALID,
                    "cannot read " + project + ": "
                            + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
