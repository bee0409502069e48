import com.fasterxml.jackson.jr.ob.JSON;
import dev.runbook.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The journal's JSON, two ways: the project's own reader/writer (dev.runbook.json.Json) or jackson-jr. One mode
 * per JVM, so the first figure includes loading and linking the library's classes, as a CLI start does:
 * (1) cold: the lines of a 200-step run (start and end of each step) written and read back, from the first call;
 * (2) warm: the same afterwards, per line, once the code is hot.
 *
 * <p>Usage: java -cp cli/target/runbook.jar:jackson-jr-objects.jar:jackson-core.jar bench/json/JsonCost.java
 * (runbook|jackson-jr) [LINES]  - run the two modes in turn several times and compare the medians.
 */
public class JsonCost {
    public static void main(String[] args) throws Exception {
        boolean jr = args.length > 0 && args[0].equals("jackson-jr");
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        long t0 = System.nanoTime();
        long size = round(jr, lines);
        double cold = (System.nanoTime() - t0) / 1e6;
        for (int i = 0; i < 50; i++) {
            round(jr, lines);
        }
        long t1 = System.nanoTime();
        int rounds = 50;
        for (int i = 0; i < rounds; i++) {
            round(jr, lines);
        }
        double warm = (System.nanoTime() - t1) / 1000.0 / rounds / lines;
        System.out.printf("%s: cold %.1f ms for %d lines (%d bytes), warm %.2f us per line written and read%n",
                jr ? "jackson-jr" : "runbook Json", cold, lines, size, warm);
    }

    static long round(boolean jr, int lines) throws Exception {
        long bytes = 0;
        for (int i = 0; i < lines; i++) {
            Map<String, Object> line = line(i);
            String text = jr ? JSON.std.asString(line) : Json.write(line);
            Object back = jr ? JSON.std.anyFrom(text) : Json.parse(text);
            if (!(back instanceof Map<?, ?> m) || !line.get("step").equals(m.get("step"))) {
                throw new IllegalStateException("round trip failed: " + text);
            }
            bytes += text.length();
        }
        return bytes;
    }

    static Map<String, Object> line(int i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", i % 2 == 0 ? "step-start" : "step-end");
        m.put("time", "2026-12-02T00:45:14.017013561Z");
        m.put("step", "s" + i / 2);
        if (i % 2 == 0) {
            m.put("describe", "run `true` in \"/tmp/x\"\twith a tab and é");
            m.put("type", "exec");
        } else {
            m.put("status", "ok");
            m.put("attempts", 1L);
            m.put("duration_ms", 12L);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("exit_code", 0L);
            out.put("stdout", "line one\nline two");
            out.put("stderr", "");
            out.put("ok", true);
            out.put("list", List.of(1L, 2.5, "three"));
            m.put("outputs", out);
        }
        return m;
    }
}
