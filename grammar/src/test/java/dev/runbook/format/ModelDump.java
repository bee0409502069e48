package dev.runbook.format;

import dev.runbook.source.SourceFile;
import dev.runbook.source.Span;
import java.lang.reflect.RecordComponent;
import java.util.List;

/** A canonical text of a model without spans: every record component, recursively, expressions included. */
final class ModelDump {
    private ModelDump() {}

    static String dump(Object value) {
        StringBuilder out = new StringBuilder();
        dump(value, out, 0);
        return out.toString();
    }

    private static void dump(Object value, StringBuilder out, int depth) {
        if (value instanceof List<?> list) {
            out.append('[');
            for (Object item : list) {
                newline(out, depth + 1);
                dump(item, out, depth + 1);
            }
            out.append(']');
            return;
        }
        if (value == null || !value.getClass().isRecord()) {
            out.append(value == null ? "null" : value.getClass().getSimpleName() + ":" + value);
            return;
        }
        out.append(value.getClass().getSimpleName()).append('(');
        for (RecordComponent c : value.getClass().getRecordComponents()) {
            if (c.getType() == Span.class || c.getType() == SourceFile.class) {
                continue;
            }
            newline(out, depth + 1);
            out.append(c.getName()).append('=');
            try {
                dump(c.getAccessor().invoke(value), out, depth + 1);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        out.append(')');
    }

    private static void newline(StringBuilder out, int depth) {
        out.append('\n').append("  ".repeat(depth));
    }
}
