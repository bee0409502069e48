package dev.runbook.testing;

import dev.runbook.model.Type;
import dev.runbook.spi.Args;
import dev.runbook.spi.Effect;
import dev.runbook.spi.OutputSpec;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import dev.runbook.spi.Trait;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A background step for engine tests: writes {@code <id> tick} to {@code marks.log} every {@code every} until the
 * engine interrupts it, then {@code <id> end}; outputs how many ticks it wrote.
 */
public final class TickStep implements StepType {
    @Override
    public String name() {
        return "tick";
    }

    @Override
    public String summary() {
        return "Tick in marks.log until interrupted (engine tests of background steps)";
    }

    @Override
    public Effect effect() {
        return Effect.EXTERNAL;
    }

    @Override
    public Set<Trait> traits() {
        return Set.of(Trait.BACKGROUND);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.optional("every", Type.DURATION, Duration.ofMillis(20), "time between ticks"));
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(OutputSpec.of("ticks", Type.INT, "how many ticks"));
    }

    @Override
    public String describe(Args args) {
        return "tick every " + args.show("every");
    }

    @Override
    public StepResult execute(Args args, StepContext context) {
        MarkLog log = MarkLog.in(context.workDir());
        long ticks = 0;
        try {
            while (true) {
                Thread.sleep(args.duration("every").toMillis());
                log.append(context.stepId(), "tick");
                ticks++;
            }
        } catch (InterruptedException e) {
            log.append(context.stepId(), "end");
        }
        return StepResult.ok(Map.of("ticks", ticks));
    }
}
