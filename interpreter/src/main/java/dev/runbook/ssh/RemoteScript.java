package dev.runbook.ssh;

import dev.runbook.spi.Command;
import java.util.regex.Pattern;

/**
 * The text ssh runs on the host and the header it reads first. The remote command line is always the same
 * {@link #BOOTSTRAP}: what a step passes (argv, environment, working directory, stdin) travels over ssh's stdin as
 * a header (a script of single-quoted assignments between two end marks, evaluated there), then the step's stdin. So no secret ever shows in a process list, on either machine. The bootstrap runs the
 * program in a new session ({@code setsid}) and writes its process group to {@code $TMPDIR/runbook-TOKEN.pid} ({@code /tmp} without TMPDIR), so
 * {@link #kill} can end the whole remote tree over a second connection.
 */
final class RemoteScript {
    /** Exit code of the bootstrap when it could not start the program; its last stderr line says why. */
    static final int NOT_STARTED = 254;

    static final String MARKER = "runbook-ssh: ";

    // Every process costs on a busy host, so the bootstrap starts only setsid (no subshell, no decoder, no second
    // shell): setsid is found on PATH with builtins before the step's environment is exported (it may change PATH);
    // the header (a script of single-quoted assignments made by input(), between two lines holding an end mark) is
    // read with the read builtin, which takes one byte at a time from a pipe, so the step's stdin after it reaches
    // the program intact; the program gets that stdin on fd 3 (a background job's own stdin is /dev/null). setsid
    // in a background job (never a group leader) does not fork: the job's pid is the new group, written to the pid
    // file before the kill mark is looked at (see kill).
    private static final String SCRIPT = String.join(
            "; ",
            "umask 077",
            "no() { [ -z \"$f\" ] || rm -f \"$f.x\"; printf \"%s%s\\n\" \"" + MARKER + "\" \"$*\" >&2; exit "
                    + NOT_STARTED + "; }",
            "f=; d=; s=; IFS=:; for x in $PATH; do [ -z \"$s\" ] && [ -x \"$x/setsid\" ] && s=$x/setsid; done",
            "unset IFS",
            "[ -n \"$s\" ] || no setsid is not installed",
            "set --",
            "IFS= read -r m || no no command was received",
            "h=; while IFS= read -r l && [ \"$l\" != \"$m\" ]; do h=\"$h$l\n\"; done",
            "eval \"$h\"",
            "[ -n \"$f\" ] && [ $# -gt 0 ] || no no command was received",
            "if [ -n \"$d\" ]; then cd \"$d\" 2>/dev/null || no working directory $d does not exist; fi",
            "command -v \"$1\" >/dev/null 2>&1 || no program $1 not found",
            "exec 3<&0",
            "\"$s\" \"$@\" <&3 3<&- & p=$!",
            "exec 3<&-",
            "echo $p >\"$f\"",
            "if [ -e \"$f.x\" ]; then kill -TERM -$p 2>/dev/null; fi",
            "wait $p; r=$?; rm -f \"$f\" \"$f.x\"; exit $r");

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

    /**
     * What ssh's stdin carries: a line with an end mark, the header (a script of single-quoted assignments: the pid
     * file, the working directory, {@code set --} with the arguments, an {@code export} per variable), the end mark
     * again, then the command's own stdin. The mark holds the random token, so no value can end the header early.
     */
    static String input(String token, Command command) {
        if (!TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("bad token " + token);
        }
        String mark = "--runbook-" + token + "--";
        StringBuilder out = new StringBuilder(mark).append('\n');
        out.append("f=\"${TMPDIR:-/tmp}/runbook-").append(token).append(".pid\"\n");
        if (command.cwd() != null) {
            out.append("d=").append(quoted(command.cwd().toString())).append('\n');
        }
        out.append("set --");
        command.argv().forEach(a -> out.append(' ').append(quoted(a)));
        out.append('\n');
        command.env()
                .forEach((k, v) ->
                        out.append("export ").append(quoted(k + "=" + v)).append('\n'));
        out.append(mark).append('\n');
        if (command.stdin() != null) {
            out.append(command.stdin());
        }
        return out.toString();
    }

    /** A word for sh, taken literally whatever it holds: single quotes, each inner one written as '\\''. */
    static String quoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
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
}
