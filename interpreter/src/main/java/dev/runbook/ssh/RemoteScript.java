package dev.runbook.ssh;

import dev.runbook.spi.Command;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The text ssh runs on the host and the header it reads first. The remote command line is always the same
 * {@link #BOOTSTRAP}: what a step passes (argv, environment, working directory, stdin) travels over ssh's stdin as
 * base64 lines ({@code t} token, {@code d} directory, {@code a} argument, {@code e} NAME=VALUE) ended by an empty
 * line, then the step's stdin. So no secret ever shows in a process list, on either machine. The bootstrap runs the
 * program in a new session ({@code setsid}) and writes its process group to {@code $TMPDIR/runbook-TOKEN.pid} ({@code /tmp} without TMPDIR), so
 * {@link #kill} can end the whole remote tree over a second connection.
 */
final class RemoteScript {
    /** Exit code of the bootstrap when it could not start the program; its last stderr line says why. */
    static final int NOT_STARTED = 254;

    static final String MARKER = "runbook-ssh: ";

    // Tools are resolved before the step's environment is exported (it may change PATH). read is a builtin that reads
    // one byte at a time from a pipe, so the step's stdin after the header reaches the program intact.
    private static final String SCRIPT = String.join(
            "; ",
            "umask 077",
            "no() { [ -z \"$f\" ] || rm -f \"$f.x\"; printf \"%s%s\\n\" \"" + MARKER + "\" \"$*\" >&2; exit "
                    + NOT_STARTED + "; }",
            "b=$(command -v base64) || no base64 is not installed",
            "s=$(command -v setsid) || no setsid is not installed",
            "c=$(command -v sh)",
            "f=; d=; set --",
            "while IFS= read -r l && [ -n \"$l\" ]; do v=$(printf %s \"${l#? }\" | \"$b\" -d && echo .)"
                    + " || no the command could not be decoded; v=${v%.}; case $l in"
                    + " t*) f=${TMPDIR:-/tmp}/runbook-$v.pid ;; d*) d=$v ;; a*) set -- \"$@\" \"$v\" ;; e*) export \"$v\" ;;"
                    + " esac; done",
            "[ -n \"$f\" ] && [ $# -gt 0 ] || no no command was received",
            "if [ -n \"$d\" ]; then cd \"$d\" 2>/dev/null || no working directory $d does not exist; fi",
            "command -v \"$1\" >/dev/null 2>&1 || no program $1 not found",
            // in the new session: write the group's id, then refuse to start if a kill came first (see kill)
            "\"$s\" -w \"$c\" -c \"echo \\$\\$ >\\\"\\$0\\\"; [ -e \\\"\\$0.x\\\" ] && exit 143;"
                    + " exec \\\"\\$@\\\"\" \"$f\" \"$@\"",
            "r=$?; rm -f \"$f\" \"$f.x\"; exit $r");

    /** The one remote command line, whatever the step: {@code sh -c '...'} (the script has no single quote). */
    static final String BOOTSTRAP = "sh -c '" + SCRIPT + "'";

    private static final Pattern TOKEN = Pattern.compile("[a-f0-9]{8,64}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    static {
        if (SCRIPT.indexOf('\'') >= 0) {
            throw new IllegalStateException("the bootstrap must not contain a single quote");
        }
    }

    private RemoteScript() {}

    /** What ssh's stdin carries: the header, an empty line, then the command's own stdin. */
    static String input(String token, Command command) {
        StringBuilder out = new StringBuilder();
        field(out, 't', token);
        if (command.cwd() != null) {
            field(out, 'd', command.cwd().toString());
        }
        for (String arg : command.argv()) {
            field(out, 'a', arg);
        }
        for (Map.Entry<String, String> e : command.env().entrySet()) {
            field(out, 'e', e.getKey() + "=" + e.getValue());
        }
        out.append('\n');
        if (command.stdin() != null) {
            out.append(command.stdin());
        }
        return out.toString();
    }

    /** The name that cannot be exported by a POSIX shell, or null when all can. */
    static String badEnvName(Command command) {
        return command.env().keySet().stream()
                .filter(n -> !ENV_NAME.matcher(n).matches())
                .findFirst()
                .orElse(null);
    }

    /**
     * Ends the process group the bootstrap of {@code token} started: TERM, up to two seconds for it to go, then KILL.
     * It first leaves a cancel mark ({@code .pid.x}) and only then looks for the pid file (up to two seconds), while
     * the bootstrap writes the pid file and only then looks for the mark: so either the kill finds the group, or the
     * program never starts, however late the bootstrap runs. A mark left for a bootstrap that never came stays (empty
     * file). The token is not a secret.
     */
    static String kill(String token) {
        if (!TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("bad token " + token);
        }
        String script = String.join(
                "; ",
                "f=${TMPDIR:-/tmp}/runbook-" + token + ".pid",
                ": >$f.x",
                "i=0",
                "while [ ! -s $f ] && [ $i -lt 10 ]; do sleep 0.2; i=$((i+1)); done",
                "p=$(cat $f 2>/dev/null)",
                "case $p in \"\"|0|1|*[!0-9]*) exit 0 ;; esac",
                "kill -TERM -$p 2>/dev/null",
                "i=0",
                "while kill -0 -$p 2>/dev/null && [ $i -lt 10 ]; do sleep 0.2; i=$((i+1)); done",
                "kill -KILL -$p 2>/dev/null",
                "rm -f $f $f.x",
                "exit 0");
        return "sh -c '" + script + "'";
    }

    private static void field(StringBuilder out, char kind, String value) {
        out.append(kind)
                .append(' ')
                .append(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)))
                .append('\n');
    }
}
