package marketsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's choice of garbage collector (docs/PERFORMANCE.md): serial on a machine of one or two processors,
 * unless MARKETSIM_JAVA_OPTS names a collector. Runs the real launcher, held to two processors with {@code taskset}
 * (where Java itself would pick G1 on a machine with 1.8 GB or more; on one processor it picks serial on its own),
 * and reads the collector from {@code --profile}, which names the one the run had.
 */
class LauncherCollectorTest {
    /** A JVM start and a 3-tick run of 1,000 consumers, with room for a loaded CI machine. */
    private static final long SECONDS = 120;

    @TempDir
    Path dir;

    @Test
    void onTwoProcessorsTheRunHasTheSerialCollector() throws Exception {
        assertThat(profile(null)).contains("garbage collector Serial");
    }

    @Test
    void aCollectorNamedInTheJavaOptionsIsKept() throws Exception {
        assertThat(profile("-XX:+UseParallelGC")).contains("garbage collector Parallel");
        assertThat(profile("-Xmx256m -XX:+UseG1GC")).contains("garbage collector G1").contains("heap up to 256 MB");
    }

    /** {@code marketsim run bench-reference --profile} on processors 0 and 1; its output. */
    private String profile(String javaOptions) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/taskset")), "taskset (util-linux) is installed");
        Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "the machine has two processors");
        Path launcher = Files.exists(dir.resolve("checkout")) ? dir.resolve("checkout/marketsim")
                : StandInCheckout.launcher(dir);
        Path out = dir.resolve("run-" + System.nanoTime());
        List<String> command = new ArrayList<>(List.of("/usr/bin/taskset", "-c", "0,1", "bash", launcher.toString(),
                "run", "bench-reference", "--reps", "1", "--ticks", "3", "--set", "population.size=1000",
                "--no-charts", "--profile", "--out", out.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("launcher.log").toFile());
        builder.environment().remove("MARKETSIM_JAVA_OPTS");
        if (javaOptions != null) {
            builder.environment().put("MARKETSIM_JAVA_OPTS", javaOptions);
        }
        Process run = builder.start();
        assertThat(run.waitFor(SECONDS, TimeUnit.SECONDS)).as("the run ended").isTrue();
        String log = Files.readString(dir.resolve("launcher.log"));
        assertThat(run.exitValue()).as(log).isZero();
        return log;
    }
}
