package dev.runbook.ssh;

import java.io.IOException;

/**
 * A command that never ran, or whose end is unknown, because of the ssh transport: the host's key is not trusted,
 * the login was refused, the connection could not be made or was lost, or the remote side could not start the
 * program (missing working directory or program). It is an {@link IOException}, like a local program that cannot
 * start, so a step fails with its message; a rolling run asks {@link #connectionLost()} to tell a lost host from a
 * command that failed (a command that ran and failed is a {@code ProcessResult} with its exit code, never this).
 */
public final class SshException extends IOException {
    /** Why the command did not run or its end is unknown. */
    public enum Kind {
        /** The host's key is unknown or changed; nothing ran. */
        HOST_KEY,
        /** The host refused the login (key, user); nothing ran. */
        LOGIN_REFUSED,
        /** The connection could not be made, or broke while the command ran: its end is unknown. */
        CONNECTION_LOST,
        /** Connected, but the command could not start there (working directory or program missing). */
        NOT_STARTED
    }

    private final Kind kind;
    private final String host;

    public SshException(Kind kind, String host, String message) {
        super(message);
        this.kind = kind;
        this.host = host;
    }

    public Kind kind() {
        return kind;
    }

    /** The host's name, as in {@link SshHost#name()}. */
    public String host() {
        return host;
    }

    /** True when the host could not be reached or the connection broke: the host, not the command, is at fault. */
    public boolean connectionLost() {
        return kind == Kind.CONNECTION_LOST;
    }

    /** True when ssh refused the host's key (unknown or changed): a person must check it and add it. */
    public boolean hostKey() {
        return kind == Kind.HOST_KEY;
    }
}
