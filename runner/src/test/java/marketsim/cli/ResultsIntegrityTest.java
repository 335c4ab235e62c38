package marketsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The results folder as other programs meet it: a killed run, Python's csv module, thread counts. */
class ResultsIntegrityTest {
    @TempDir
    Path dir;

    /**
     * A run killed mid-way (the process destroyed while replications run) leaves no folder under
     * the final name, only a hidden partial one at most, which never looks complete.
     */
    @Test
    void aKilledRunLeavesNothingThatLooksComplete() throws Exception {
        Path out = dir.resolve("killed");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "jeo-baseline", "--reps", "200", "--threads", "1", "--out", out.toString(), "-q")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Thread.sleep(3000); // well inside the first replications, long before any file is written
        assertThat(process.isAlive()).as("the run was still going when killed").isTrue();
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).doesNotExist();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).allSatisfy(p -> assertThat(p.getFileName().toString()).startsWith(".killed.partial-"));
        }
    }

    /** A default-sized run's timeseries loads in Python's csv module: one header, a consistent width. */
    @Test
    void timeseriesLoadsInPythonsCsvModule() throws Exception {
        Path out = dir.resolve("py");
        Cli cli = Cli.run("run", "jeo-baseline", "--reps", "2", "--ticks", "26", "--out", out.toString(), "-q");
        assertThat(cli.code()).as(cli.err()).isZero();
        String script = String.join("\n",
                "import csv, sys",
                "for name in ('timeseries.csv', 'summary.csv', 'aggregate.csv'):",
                "    with open(sys.argv[1] + '/' + name, newline='') as f:",
                "        rows = list(csv.reader(f))",
                "    widths = {len(r) for r in rows}",
                "    assert len(widths) == 1, (name, widths)",
                "    assert rows[0][0] in ('replication', 'tick'), rows[0]",
                "    assert not any(c == rows[0][0] for r in rows[1:] for c in r[:1]), 'second header in ' + name",
                "    float(rows[1][-1] or 0)",
                "print('ok', len(rows))");
        Path py = dir.resolve("check.py");
        Files.writeString(py, script);
        Process p = new ProcessBuilder(python(), py.toString(), out.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).startsWith("ok");
    }

    /** Same scenario and seed give identical files with 1, 2 and 4 threads. */
    @Test
    void identicalFilesWhateverTheThreads() throws Exception {
        for (String threads : List.of("1", "2", "4")) {
            Cli cli = Cli.run("run", "jeo-baseline", "--reps", "5", "--ticks", "20", "--set", "population.size=1000",
                    "--threads", threads, "--out", dir.resolve("t" + threads).toString(), "-q");
            assertThat(cli.code()).as(cli.err()).isZero();
        }
        for (String file : List.of("timeseries.csv", "summary.csv", "aggregate.csv", "scenario.yaml")) {
            assertThat(dir.resolve("t2").resolve(file)).hasSameBinaryContentAs(dir.resolve("t1").resolve(file));
            assertThat(dir.resolve("t4").resolve(file)).hasSameBinaryContentAs(dir.resolve("t1").resolve(file));
        }
    }

    private static String python() {
        for (String candidate : List.of("python3", "python")) {
            for (String folder : System.getenv("PATH").split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(folder, candidate))) {
                    return Path.of(folder, candidate).toString();
                }
            }
        }
        throw new org.opentest4j.TestAbortedException("no python3 on the PATH");
    }
}
