package dev.runbook.inventory;

import java.util.List;

/** The {@code ssh:} section: what every host uses unless it says otherwise (user, port) or adds to (options). */
record SshDefaults(String user, Integer port, List<String> options) {
    static final List<String> KEYS = List.of("user", "port", "options");
    static final SshDefaults NONE = new SshDefaults(null, null, List.of());

    SshDefaults {
        options = List.copyOf(options);
    }
}
