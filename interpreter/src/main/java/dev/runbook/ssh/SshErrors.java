package dev.runbook.ssh;

import java.util.List;
import java.util.regex.Pattern;

/** Reads what ssh said on stderr when it exited 255 and turns it into one clear {@link SshException}. */
final class SshErrors {
    /** Lines only ssh itself prints (a remote program that exits 255 prints none of these, or ssh would not care). */
    private static final List<Pattern> SSH_LINES = List.of(
            Pattern.compile("^ssh: "),
            Pattern.compile("Host key verification failed"),
            Pattern.compile("REMOTE HOST IDENTIFICATION HAS CHANGED"),
            Pattern.compile("Permission denied \\("),
            Pattern.compile("^Connection to .* closed"),
            Pattern.compile("^Connection (closed|reset) by "),
            Pattern.compile("^client_loop: "),
            Pattern.compile("^Timeout, server .* not responding"),
            Pattern.compile("^kex_exchange_identification: "),
            Pattern.compile("^packet_write_wait: "),
            Pattern.compile("^mux_client_"),
            Pattern.compile("^Control socket connect"),
            Pattern.compile("^ssh_dispatch_run_fatal: "));

    private SshErrors() {}

    /** True when stderr has a line that only ssh prints: the failure is the transport's, not the program's. */
    static boolean fromSsh(String stderr) {
        return stderr.lines().anyMatch(SshErrors::isSshLine);
    }

    static SshException exception(SshHost host, String stderr) {
        String name = host.name();
        if (stderr.contains("REMOTE HOST IDENTIFICATION HAS CHANGED")) {
            return new SshException(
                    SshException.Kind.HOST_KEY,
                    name,
                    "host " + host.display() + ": its host key is not the one in known_hosts (it changed);"
                            + " find out why before you replace it, runbook never accepts a changed key");
        }
        if (stderr.contains("Host key verification failed") || stderr.contains("host key is known")) {
            return new SshException(
                    SshException.Kind.HOST_KEY,
                    name,
                    "host " + host.display() + ": its host key is not in known_hosts; check it and add it"
                            + " (ssh-keyscan shows it), runbook never accepts an unknown key");
        }
        String why = reason(stderr);
        if (stderr.contains("Permission denied (")) {
            return new SshException(
                    SshException.Kind.LOGIN_REFUSED,
                    name,
                    "host " + host.display() + ": the login was refused (" + why
                            + "); check the user and that the key is in the host's authorized_keys");
        }
        return new SshException(
                SshException.Kind.CONNECTION_LOST, name, "host " + name + ": connection lost (" + why + ")");
    }

    /** The last line ssh printed, else the last line, else a plain word. */
    private static String reason(String stderr) {
        List<String> lines =
                stderr.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (isSshLine(lines.get(i))) {
                return trimDot(lines.get(i));
            }
        }
        return lines.isEmpty() ? "ssh exited 255" : trimDot(lines.get(lines.size() - 1));
    }

    private static boolean isSshLine(String line) {
        return SSH_LINES.stream().anyMatch(p -> p.matcher(line).find());
    }

    private static String trimDot(String line) {
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
