import dev.runbook.engine.LocalTarget;
import dev.runbook.spi.Command;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.stream.LogOutputStream;

/**
 * One exec step's process, two ways, in turn round after round: the engine's LocalTarget, and zt-exec's
 * ProcessExecutor set up as a step would use it (argv, a line sink on stdout and stderr, a time limit, exit code
 * and captured output). Prints the median per process in microseconds, wall and this JVM's CPU (the CPU figure
 * holds up better on a loaded machine).
 *
 * <p>Usage: java -Djdk.lang.Process.launchMechanism=VFORK -cp cli/target/runbook.jar:zt-exec-1.12.jar:slf4j-api.jar
 * bench/step/ZtExecCost.java [STEPS] [ROUNDS]
 */
public class ZtExecCost {
    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        LocalTarget target = new LocalTarget();
        Command command = Command.of("/bin/true").withOnLine(line -> {}).withTimeout(Duration.ofMinutes(1));
        List<Double> local = new ArrayList<>();
        List<Double> zt = new ArrayList<>();
        List<Double> localCpu = new ArrayList<>();
        List<Double> ztCpu = new ArrayList<>();
        var os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < 20; i++) {
            target.run(command);
            ztExec();
        }
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            long c0 = os.getProcessCpuTime();
            for (int i = 0; i < steps; i++) {
                target.run(command);
            }
            local.add((System.nanoTime() - t0) / 1000.0 / steps);
            localCpu.add((os.getProcessCpuTime() - c0) / 1000.0 / steps);
            t0 = System.nanoTime();
            c0 = os.getProcessCpuTime();
            for (int i = 0; i < steps; i++) {
                ztExec();
            }
            zt.add((System.nanoTime() - t0) / 1000.0 / steps);
            ztCpu.add((os.getProcessCpuTime() - c0) / 1000.0 / steps);
        }
        System.out.printf("per process, median of %d rounds of %d (microseconds): LocalTarget %.0f, zt-exec %.0f%n",
                rounds, steps, median(local), median(zt));
        System.out.printf("this JVM's CPU per process (the child's not counted): LocalTarget %.0f, zt-exec %.0f%n",
                median(localCpu), median(ztCpu));
        System.out.println("LocalTarget rounds: " + local);
        System.out.println("zt-exec rounds:     " + zt);
    }

    static void ztExec() throws Exception {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        int code = new ProcessExecutor()
                .command("/bin/true")
                .redirectOutput(sink(out))
                .redirectError(sink(err))
                .timeout(1, TimeUnit.MINUTES)
                .execute()
                .getExitValue();
        if (code != 0) {
            throw new IllegalStateException("exit " + code);
        }
    }

    static LogOutputStream sink(StringBuilder into) {
        return new LogOutputStream() {
            @Override
            protected void processLine(String line) {
                synchronized (into) {
                    into.append(line).append('\n');
                }
            }
        };
    }

    static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
