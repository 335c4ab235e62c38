package marketsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's choice of garbage collector (docs/PERFORMANCE.md): serial on a machine of one or two processors,
 * unless the options Java reads (MARKETSIM_JAVA_OPTS, JDK_JAVA_OPTIONS, JAVA_TOOL_OPTIONS) name a collector. Runs
 * the real launcher, held to two processors with {@code taskset} (where Java itself picks G1 on a machine of 1.8 GB
 * or more; on one processor it picks serial on its own), and reads the collector from {@code --profile}, which names
 * the one the run had.
 */
class LauncherCollectorTest {
    /** A JVM start and a 3-tick run of 1,000 consumers, with room for a loaded CI machine. */
    private static final long SECONDS = 120;

    @TempDir
    Path dir;

    @Test
    void onTwoProcessorsTheRunHasTheSerialCollector() throws Exception {
        assertThat(profile(Map.of())).contains("garbage collector Serial");
    }

    @Test
    void aCollectorNamedInTheJavaOptionsIsKept() throws Exception {
        assertThat(profile("MARKETSIM_JAVA_OPTS", "-XX:+UseParallelGC")).contains("garbage collector Parallel");
        assertThat(profile("MARKETSIM_JAVA_OPTS", "-Xmx256m -XX:+UseG1GC")).contains("garbage collector G1")
                .contains("heap up to 256 MB");
        // Java reads these two itself: two collectors asked for would stop it from starting
        assertThat(profile("JAVA_TOOL_OPTIONS", "-XX:+UseG1GC")).contains("garbage collector G1");
        assertThat(profile("JDK_JAVA_OPTIONS", "-XX:+UseParallelGC")).contains("garbage collector Parallel");
    }

    private String profile(String variable, String javaOptions) throws Exception {
        return profile(Map.of(variable, javaOptions));
    }

    /** {@code marketsim run bench-reference --profile} on processors 0 and 1, in {@code environment}; its output. */
    private String profile(Map<String, String> environment) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/taskset")), "taskset (util-linux) is installed");
        Assumptions.assumeTrue(new ProcessBuilder("/usr/bin/taskset", "-c", "0,1", "true").start().waitFor() == 0,
                "this process may run on processors 0 and 1");
        Path launcher = Files.exists(dir.resolve("checkout")) ? dir.resolve("checkout/marketsim")
                : StandInCheckout.launcher(dir);
        Path out = dir.resolve("run-" + System.nanoTime());
        List<String> command = List.of("/usr/bin/taskset", "-c", "0,1", "bash", launcher.toString(),
                "run", "bench-reference", "--reps", "1", "--ticks", "3", "--set", "population.size=1000",
                "--no-charts", "--profile", "--out", out.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("launcher.log").toFile());
        for (String variable : List.of("MARKETSIM_JAVA_OPTS", "JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS")) {
            builder.environment().remove(variable);
        }
        builder.environment().putAll(environment);
        Process run = builder.start();
        if (!run.waitFor(SECONDS, TimeUnit.SECONDS)) {
            run.destroyForcibly().waitFor();
            throw new AssertionError("the run did not end in " + SECONDS + " s");
        }
        String log = Files.readString(dir.resolve("launcher.log"));
        assertThat(run.exitValue()).as(log).isZero();
        return log;
    }
}
