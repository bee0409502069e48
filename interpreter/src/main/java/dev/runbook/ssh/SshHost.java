package dev.runbook.ssh;

import java.util.List;

/**
 * One host to reach over ssh: the name messages use, the address ssh dials (an IP, a DNS name or a
 * {@code ~/.ssh/config} alias), an optional login user and port (null: ssh's own default or the user's config),
 * and extra ssh arguments such as {@code -i FILE} or {@code -o UserKnownHostsFile=FILE}.
 */
public record SshHost(String name, String address, String user, Integer port, List<String> options) {
    public SshHost {
        if (name == null || name.isBlank() || address == null || address.isBlank()) {
            throw new IllegalArgumentException("an ssh host needs a name and an address");
        }
        if (address.startsWith("-")) {
            throw new IllegalArgumentException("host " + name + ": an address cannot start with '-': " + address);
        }
        options = options == null ? List.of() : List.copyOf(options);
    }

    public SshHost(String name, String address) {
        this(name, address, null, null, List.of());
    }

    /** "web3 (10.0.0.3)", or just the name when it is the address. */
    public String display() {
        return name.equals(address) ? name : name + " (" + address + ")";
    }
}
