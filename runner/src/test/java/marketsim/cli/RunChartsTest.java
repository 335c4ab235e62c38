package marketsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run draws its charts from its aggregate.csv's rows in memory (not read back from the file), with the experiment's
 * burn-in: they and the report are byte for byte what {@code marketsim chart} redraws from the folder's files.
 */
class RunChartsTest {
    @TempDir
    Path dir;

    @Test
    void aRunsChartsAreTheRedrawsOfItsFiles() throws Exception {
        Path run = dir.resolve("run");
        Cli cli = Cli.run("run", "jeo-baseline", "--reps", "3", "--ticks", "20", "--set", "population.size=600",
                "--set", "metrics.summary_window=8", "--seed", "11", "--burn-in", "3", "-q", "--out", run.toString());
        assertThat(cli.code()).as(cli.err()).isZero();
        Path copy = dir.resolve("copy");
        copyTree(run, copy);
        Cli chart = Cli.run("chart", copy.toString());
        assertThat(chart.code()).as(chart.err()).isZero();

        List<Path> charts;
        try (Stream<Path> files = Files.list(run.resolve("charts"))) {
            charts = files.sorted().toList();
        }
        assertThat(charts).as("time series, box plots and tenure charts").hasSizeGreaterThan(10);
        for (Path file : charts) {
            assertThat(Files.readAllBytes(copy.resolve("charts").resolve(file.getFileName())))
                    .as("charts/%s", file.getFileName()).isEqualTo(Files.readAllBytes(file));
        }
        assertThat(Files.readString(copy.resolve("report.html"))).isEqualTo(Files.readString(run.resolve("report.html")));
    }

    /** The drawing commands warm the chart code from the start, unless they draw nothing; the others never. */
    @Test
    void onlyCommandsThatDrawWarmTheChartCode() {
        assertThat(Main.drawsCharts(new String[] {"run", "jeo-baseline"})).isTrue();
        assertThat(Main.drawsCharts(new String[] {"compare", "jeo-baseline", "--vs", "x=1"})).isTrue();
        assertThat(Main.drawsCharts(new String[] {"chart", "runs/x"})).isTrue();
        assertThat(Main.drawsCharts(new String[] {"validate", "--quick"})).isTrue();
        assertThat(Main.drawsCharts(new String[] {"run", "jeo-baseline", "--no-charts"})).isFalse();
        assertThat(Main.drawsCharts(new String[] {"sweep", "study.yaml", "--shard", "2"})).isFalse();
        assertThat(Main.drawsCharts(new String[] {"scenarios", "list"})).isFalse();
        assertThat(Main.drawsCharts(new String[] {"classroom"})).isFalse();
        assertThat(Main.drawsCharts(new String[0])).isFalse();
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted().toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }
}
