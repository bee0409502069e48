package dev.runbook.spi;

import dev.runbook.model.expr.ExprPrinter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Display of runtime values, shared by plans, describe texts and messages. */
public final class Values {
    private Values() {}

    public static String show(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Duration d) {
            return ExprPrinter.duration(d);
        }
        if (v instanceof List<?> list) {
            StringJoiner out = new StringJoiner(" ");
            list.forEach(o -> out.add(show(o)));
            return out.toString();
        }
        if (v instanceof Map<?, ?> map) {
            StringJoiner out = new StringJoiner(", ", "{", "}");
            map.forEach((k, val) -> out.add(k + ": " + show(val)));
            return out.toString();
        }
        return v.toString();
    }
}
