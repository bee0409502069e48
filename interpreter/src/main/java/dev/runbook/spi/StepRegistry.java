package dev.runbook.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The step types by name, sorted, with "did you mean" for a misspelt one. */
public final class StepRegistry {
    private final Map<String, StepType> types = new TreeMap<>();

    public StepRegistry(List<StepType> all) {
        for (StepType t : all) {
            if (types.put(t.name(), t) != null) {
                throw new IllegalStateException("two step types named " + t.name());
            }
        }
    }

    /** Every step type on the class path. */
    public static StepRegistry load() {
        List<StepType> all = new ArrayList<>();
        for (StepLibrary library : ServiceLoader.load(StepLibrary.class)) {
            all.addAll(library.stepTypes());
        }
        return new StepRegistry(all);
    }

    public Optional<StepType> find(String name) {
        return Optional.ofNullable(types.get(name));
    }

    public List<StepType> all() {
        return List.copyOf(types.values());
    }

    /** The closest known name, if it is close enough to be a typo. */
    public Optional<String> suggest(String name) {
        return Suggestions.closest(name, types.keySet());
    }
}
