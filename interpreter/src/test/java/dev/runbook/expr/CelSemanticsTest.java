package dev.runbook.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.model.Unknown;
import dev.runbook.model.expr.Expr;
import dev.runbook.source.SourceFile;
import dev.runbook.syntax.ExpressionParser;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Guards that used to give a wrong bool instead of an error, and values that come in from outside. */
class CelSemanticsTest {
    private static Object eval(String text, Map<String, Object> vars) {
        Diagnostics d = new Diagnostics(10);
        Expr e = ExpressionParser.parse(SourceFile.of("test", text), 0, text, d);
        assertTrue(d.isEmpty(), d.all()::toString);
        return Evaluator.eval(e, new Env(vars, Clock.systemUTC(), Path.of("."), Map.of(), false));
    }

    private static Object eval(String text) {
        return eval(text, Map.of());
    }

    private static String error(String text) {
        return assertThrows(EvalException.class, () -> eval(text), text).getMessage();
    }

    @Test
    void intsCompareAsInt64NotAsDoubles() {
        assertEquals(false, eval("9007199254740993 == 9007199254740992"));
        assertEquals(true, eval("9007199254740993 > 9007199254740992"));
        assertEquals(true, eval("1700000000000000001 > 1700000000000000000"), "epoch nanoseconds");
        assertEquals(true, eval("1 == 1.0"), "numbers of different types compare by value, as CEL does");
    }

    @Test
    void nanIsUnorderedAndNegativeZeroIsZero() {
        assertEquals(false, eval("0.0/0.0 > 1.0"));
        assertEquals(false, eval("0.0/0.0 <= 1.0"));
        assertEquals(false, eval("0.0/0.0 == 0.0/0.0"));
        assertEquals(true, eval("0.0/0.0 != 0.0/0.0"));
        assertEquals(false, eval("-0.0 < 0.0"));
        assertEquals(true, eval("-0.0 == 0.0"));
    }

    @Test
    void aMissingKeyIsAnErrorNotNull() {
        assertEquals("no such key: b", error("{'a': 1}.b != 1"));
        assertEquals("no such key: b", error("{'a': 1}['b'] == null"));
        assertEquals(true, eval("{'a': null}.a == null"), "a key that is there with null is null");
    }

    @Test
    void aListIndexIsNotCutTo32Bits() {
        assertTrue(error("[1, 2][4294967296] == 1").contains("outside the list"));
        assertTrue(error("[1, 2][1.0] == 2").contains("must be an int"));
    }

    @Test
    void int64OverflowIsAnError() {
        assertTrue(error("-9223372036854775808 / -1").contains("overflow"));
        assertTrue(error("-9223372036854775808 % -1").contains("overflow"));
        assertTrue(error("9223372036854775807 + 1").contains("overflow"));
        assertTrue(error("-(-9223372036854775808)").contains("overflow"));
        assertTrue(error("int(10000000000000000000.0)").contains("overflow"));
        assertTrue(error("int(0.0/0.0)").contains("overflow"));
        assertEquals(-1L, eval("int(-1.9)"));
        assertEquals(Long.MIN_VALUE, eval("-9223372036854775808"));
    }

    @Test
    void andOrAbsorbAnErrorWhenTheOtherSideDecides() {
        assertEquals(false, eval("false && {'a': 1}.b == 1"));
        assertEquals(false, eval("{'a': 1}.b == 1 && false"));
        assertEquals(true, eval("true || {'a': 1}.b == 1"));
        assertEquals(true, eval("{'a': 1}.b == 1 || true"));
        assertEquals("no such key: b", error("{'a': 1}.b == 1 && true"));
        assertEquals("no such key: b", error("false || {'a': 1}.b == 1"));
    }

    @Test
    void unknownsGiveWayToADecidingSide() {
        Map<String, Object> vars = Map.of("steps", new Unknown("steps"));
        assertEquals(false, eval("steps.x.ok && false", vars));
        assertEquals(true, eval("true || steps.x.ok", vars));
        assertInstanceOf(Unknown.class, eval("steps.x.ok && true", vars));
    }

    @Test
    void booleansOrder() {
        assertEquals(true, eval("false < true"));
        assertEquals(false, eval("true <= false"));
    }

    @Test
    void valuesFromOutsideAreInt64AndDouble() {
        Map<String, Object> it = Map.of("code", 200, "ratio", 0.5f, "codes", List.of(200, 204), "small", (short) 3);
        // values enter through Env.with (as a step's outputs do as `it`), where they are normalized
        Map<String, Object> vars = new Env(Map.of(), Clock.systemUTC(), Path.of("."), Map.of(), false)
                .with("it", it)
                .vars();
        assertEquals(true, eval("it.code == 200", vars));
        assertEquals(true, eval("it.ratio == 0.5", vars));
        assertEquals(true, eval("it.codes == [200, 204]", vars));
        assertEquals(true, eval("204 in it.codes", vars));
        assertEquals(200L, eval("it.codes[0]", vars));
        assertEquals(4L, eval("it.small + 1", vars));
    }
}
