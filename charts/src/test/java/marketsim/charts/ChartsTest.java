package marketsim.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import marketsim.results.experiment.Comparison;
import marketsim.results.experiment.Experiment;
import marketsim.results.experiment.ExperimentResult;
import marketsim.results.experiment.ExperimentRunner;
import marketsim.results.replication.Replicator;
import marketsim.results.experiment.ResultsFolder;
import marketsim.results.experiment.Summaries;
import marketsim.scenario.ScenarioLoader;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every chart kind rendered headless from a small run's files; the report references them all. */
class ChartsTest {
    private static final String WALLETS = "firms[brand-a].personalization.tenure_scale=5";

    @TempDir
    static Path dir;
    static Path run;
    static Path comparison;

    @BeforeAll
    static void runSmall() throws Exception {
        System.setProperty("java.awt.headless", "true");
        // a firm whose fit grows with tenure makes the market keep wallets: the wallet charts have data
        var scenario = ScenarioLoader.load("jeo-baseline", List.of("population.size=600", "horizon=16",
                "metrics.summary_window=8", WALLETS, "metrics.tenure_band=4"));
        var experiment = new Experiment(scenario, List.of(), 3, 5, 2);
        Summaries.Collector base = new Summaries.Collector(scenario.config());
        ResultsFolder.Written written = ResultsFolder.run(dir.resolve("run"), experiment, Replicator.Progress.NONE,
                base, Figures::drawInto);
        run = written.folder();
        ExperimentResult result = written.result();
        Summaries summaries = base.summaries();

        var variant = ScenarioLoader.load("jeo-baseline", List.of("population.size=600", "horizon=16",
                "metrics.summary_window=8", WALLETS, "metrics.tenure_band=4", "platform.take_rate=0.3"));
        Experiment otherExperiment = new Experiment(variant, List.of(), 3, 5, 2);
        Summaries.Collector collector = new Summaries.Collector(variant.config());
        ExperimentResult other = ExperimentRunner.run(otherExperiment, Replicator.Progress.NONE, collector);
        Summaries otherSummaries = collector.summaries();
        Comparison c = Comparison.of("base", summaries, List.of("take 30%"), List.of(otherSummaries));
        comparison = ResultsFolder.writeComparison(dir.resolve("compare"), List.of("base", "take 30%"),
                List.of(result, other), List.of(summaries, otherSummaries), c, Figures::drawInto);
    }

    @Test
    void everyTimeSeriesHasOneSeriesPerEntityWithBands() throws Exception {
        ResultsData data = ResultsData.read(run);
        for (ChartKind kind : ChartKind.TIME_SERIES) {
            JFreeChart chart = Charts.timeSeries(data, kind);
            assertThat(chart).as(kind.file()).isNotNull();
            long expected = kind.entityTypes().stream().flatMap(type -> data.entities(type).stream()
                    .filter(e -> data.bands(type, e, kind.metric()).stream().anyMatch(b -> !Double.isNaN(b.mean()))))
                    .count(); // a series for every entity with data (the private label has no web store to know)
            assertThat(((XYPlot) chart.getPlot()).getDataset().getSeriesCount()).as(kind.file()).isEqualTo(expected);
            assertValidPng(run.resolve("charts").resolve(kind.file() + ".png"));
            assertValidSvg(run.resolve("charts").resolve(kind.file() + ".svg"));
        }
    }

    @Test
    void tenureBarsHaveABarPerBandAndArchetype() throws Exception {
        ResultsData data = ResultsData.read(run);
        JFreeChart chart = Charts.byTenure(data, "revenue_per_customer", "t", "a");
        var dataset = ((CategoryPlot) chart.getPlot()).getDataset();
        assertThat(dataset.getRowCount()).as("new, established, long-standing (bands of 4 ticks in 16)").isEqualTo(3);
        assertThat(dataset.getColumnCount()).as("the private label's wallet is the platform's, not reported")
                .isEqualTo(2);
        assertValidPng(run.resolve("charts/tenure-revenue-per-customer.png"));
        assertValidSvg(run.resolve("charts/tenure-categories-per-customer.svg"));
    }

    @Test
    void boxPlotsHaveAColumnPerArchetype() throws Exception {
        ResultsData data = ResultsData.read(run);
        JFreeChart chart = Charts.boxPlot(data, "net_profit", "t", "a", 1);
        assertThat(((CategoryPlot) chart.getPlot()).getDataset().getColumnCount()).isEqualTo(3);
        assertValidPng(run.resolve("charts/box-net-profit.png"));
        assertValidSvg(run.resolve("charts/box-net-profit.svg"));
    }

    @Test
    void comparisonsDrawPairedDifferenceBars() throws Exception {
        ResultsData data = ResultsData.read(comparison);
        JFreeChart chart = Charts.differences(data, "net_margin", "net margin %", 100);
        CategoryPlot plot = (CategoryPlot) chart.getPlot();
        assertThat(plot.getDataset().getRowCount()).isEqualTo(1);    // one variant
        assertThat(plot.getDataset().getColumnCount()).isEqualTo(3); // three archetypes
        assertValidPng(comparison.resolve("charts/diff-net-margin.png"));
        assertThat(comparison.resolve("report.html")).exists();
    }

    @Test
    void theReportIsOneOfflineFileReferencingEveryChart() throws Exception {
        String html = Files.readString(run.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<strong>Question.</strong>")
                .contains("Summary by archetype").contains("manifest.json")
                .doesNotContain("<script").doesNotContain("src=\"http").doesNotContain("href=\"http");
        try (var charts = Files.list(run.resolve("charts"))) {
            for (Path png : charts.filter(p -> p.toString().endsWith(".png")).toList()) {
                String name = png.getFileName().toString().replace(".png", "");
                assertThat(html).as(name).contains("<figure id=\"" + name + "\">").contains("charts/" + name + ".png");
            }
        }
    }

    @Test
    void aFolderThatIsNotOneIsRefusedClearly() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("not-results"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ResultsData.read(empty))
                .isInstanceOf(marketsim.format.NotAResultsFolderException.class).hasMessageContaining("is not a results folder");
    }

    /**
     * A changed file fails its checksum first; in a folder without checksums (written before them), the damage is
     * named by file, line and column.
     */
    @Test
    void corruptedFilesAreNamedWithTheirLine() throws Exception {
        Path copy = Files.createDirectories(dir.resolve("corrupt"));
        Files.copy(run.resolve("manifest.json"), copy.resolve("manifest.json"));
        Files.copy(run.resolve("summary.csv"), copy.resolve("summary.csv"));
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(run.resolve("aggregate.csv")));
        lines.set(4, lines.get(4).substring(0, lines.get(4).lastIndexOf(',')) + ",abc");
        Files.write(copy.resolve("aggregate.csv"), lines);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ResultsData.read(copy))
                .hasMessageContaining("is missing"); // timeseries.csv, which the manifest lists
        Files.copy(run.resolve("timeseries.csv"), copy.resolve("timeseries.csv"));
        Files.copy(run.resolve("scenario.yaml"), copy.resolve("scenario.yaml"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ResultsData.read(copy))
                .hasMessageContaining("aggregate.csv does not match its SHA-256");
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var manifest = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(copy.resolve("manifest.json").toFile());
        manifest.putArray("files").add("aggregate.csv").add("summary.csv"); // as before checksums
        json.writeValue(copy.resolve("manifest.json").toFile(), manifest);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ResultsData.read(copy))
                .hasMessageContaining("aggregate.csv, line 5, column ci_high: 'abc' is not a number");
        lines.set(4, "1,archetype");
        Files.write(copy.resolve("aggregate.csv"), lines);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ResultsData.read(copy))
                .hasMessageContaining("aggregate.csv, line 5: 2 cells where the header has 9");
    }

    private static void assertValidPng(Path file) throws Exception {
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as(file.toString()).isNotNull();
        assertThat(image.getWidth()).isEqualTo(Charts.WIDTH);
        assertThat(image.getHeight()).isEqualTo(Charts.HEIGHT);
    }

    private static void assertValidSvg(Path file) throws Exception {
        String svg = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(svg).contains("<svg").contains("</svg>");
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // offline
        factory.newDocumentBuilder().parse(file.toFile()); // well-formed XML
    }

    /** Charts are written on several threads at once: each file is the same bytes as written on one thread. */
    @Test
    void chartFilesAreTheSameWhateverTheThreadCount() throws Exception {
        ResultsData data = ResultsData.read(run);
        Path one = dir.resolve("threads-1");
        Path four = dir.resolve("threads-4");
        for (Path target : List.of(one, four)) {
            Files.createDirectories(target);
            ChartFiles files = new ChartFiles(target, target == one ? 1 : 4);
            for (ChartKind kind : ChartKind.TIME_SERIES) {
                files.save(Charts.timeSeries(data, kind), kind.file());
            }
            files.write();
        }
        for (ChartKind kind : ChartKind.TIME_SERIES) {
            for (String ext : List.of(".png", ".svg")) {
                assertThat(Files.readAllBytes(four.resolve(kind.file() + ext))).as(kind.file() + ext)
                        .isEqualTo(Files.readAllBytes(one.resolve(kind.file() + ext)))
                        .isEqualTo(Files.readAllBytes(run.resolve("charts").resolve(kind.file() + ext)));
            }
        }
    }
}
