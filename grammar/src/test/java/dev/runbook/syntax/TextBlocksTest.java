package dev.runbook.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.runbook.diagnostic.Diagnostics;
import dev.runbook.format.Comments;
import dev.runbook.format.DslPrinter;
import dev.runbook.model.Runbook;
import dev.runbook.model.Step;
import dev.runbook.model.expr.Literal;
import dev.runbook.source.SourceFile;
import org.junit.jupiter.api.Test;

/** Text blocks keep trailing line breaks, and formatting never changes a string's value. */
class TextBlocksTest {
    private static String content(String dsl) {
        Runbook rb = DslReader.read(SourceFile.of("t.rb", dsl), new Diagnostics());
        Step s = rb.steps().get(0);
        return (String) ((Literal) s.invocation().arg("content").orElseThrow().value()).value();
    }

    @Test
    void aTextBlockEndingInABlankLineKeepsOneLineBreak() {
        String dsl =
                "runbook \"t\" {\n  step a = file.write { path: \"x\", content: \"\"\"\n    A\n\n    \"\"\" }\n}\n";
        assertEquals("A\n", content(dsl));
    }

    @Test
    void formattingKeepsTrailingLineBreaks() {
        for (String value : new String[] {"A\\n", "A\\n\\n", "A\\nB\\n", "A\\nB", "\\nA\\n"}) {
            String dsl = "runbook \"t\" {\n  step a = file.write { path: \"x\", content: \"" + value + "\" }\n}\n";
            String before = content(dsl);
            SourceFile file = SourceFile.of("t.rb", dsl);
            String formatted = DslPrinter.print(DslReader.read(file, new Diagnostics()), Comments.collect(file));
            assertEquals(before, content(formatted), "value " + value + " after formatting:\n" + formatted);
        }
    }
}
