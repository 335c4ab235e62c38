package marketsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run}'s memory is flat in the number of replications: 4,000 tiny replications finish in a
 * 32 MB heap, in a JVM of their own as a user starts it. Holding every replication's record (as
 * {@code run} did before the files were streamed) ran out of memory at this size; the files hold
 * every replication all the same.
 */
class RunMemoryTest {
    private static final int REPLICATIONS = 4000;

    @TempDir
    Path dir;

    @Test
    void manyReplicationsRunInASmallHeap() throws Exception {
        Path out = dir.resolve("many");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx32m", "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "marketsim.cli.Main", "run", "classroom", "--set", "population.size=10", "--ticks", "5",
                "--reps", String.valueOf(REPLICATIONS), "--threads", "2", "--no-charts", "-q", "--out", out.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("log").toFile()).start();
        boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        String log = Files.readString(dir.resolve("log"));
        assertThat(ended).as(log).isTrue();
        assertThat(process.exitValue()).as(log).isZero();
        assertThat(log).contains("classroom: " + REPLICATIONS + " replications");
        try (Stream<String> lines = Files.lines(out.resolve("summary.csv"))) {
            assertThat(lines.filter(l -> l.startsWith(REPLICATIONS + ",")).count()).isPositive(); // the last one is in
        }
    }
}
