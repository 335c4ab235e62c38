package marketsim.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                "metrics.summary_window=8", WALLETS, "metrics.tenure_band=4", "money_unit=EUR"));
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
        JFreeChart chart = BoxPlots.boxPlot(data, "net_profit", "t", "a", 1);
        int boxes = chart.getPlot() instanceof org.jfree.chart.plot.CombinedDomainCategoryPlot panels
                ? panels.getSubplots().size() : ((CategoryPlot) chart.getPlot()).getDataset().getColumnCount();
        assertThat(boxes).isEqualTo(3);
        assertValidPng(run.resolve("charts/box-net-profit.png"));
        assertValidSvg(run.resolve("charts/box-net-profit.svg"));
    }

    @Test
    void comparisonsDrawPairedDifferenceBars() throws Exception {
        ResultsData data = ResultsData.read(comparison);
        JFreeChart chart = DifferenceBars.differences(data, "net_margin", "net margin %", 100);
        CategoryPlot plot = (CategoryPlot) chart.getPlot();
        assertThat(plot.getDataset().getRowCount()).isEqualTo(1);    // one variant
        assertThat(plot.getDataset().getColumnCount()).isEqualTo(3); // three archetypes
        assertValidPng(comparison.resolve("charts/diff-net-margin.png"));
        assertThat(comparison.resolve("report.html")).exists();
    }

    /**
     * Net margin's first weeks (a firm's fixed costs on almost no income) would set the value axis; the burn-in is
     * marked and left out of it, so the axis fits the weeks after it. Before the fix the axis took in every week.
     */
    @Test
    void timeSeriesLeaveTheBurnInOutOfTheValueAxis() throws Exception {
        ResultsData data = ResultsData.read(run);
        ChartKind netMargin = ChartKind.TIME_SERIES.stream().filter(k -> k.file().equals("net-margin")).findFirst()
                .orElseThrow();
        XYPlot plot = (XYPlot) Charts.timeSeries(data, netMargin).getPlot();
        var dataset = (org.jfree.data.xy.YIntervalSeriesCollection) plot.getDataset();
        int burnIn = Charts.burnIn(16);
        assertThat(burnIn).as("the named default, a quarter of this 16-week run at most").isEqualTo(4);
        var after = Charts.rangeAfter(dataset, burnIn);
        var axis = plot.getRangeAxis().getRange();
        assertThat(axis.getLowerBound()).isLessThanOrEqualTo(after.getLowerBound());
        assertThat(axis.getUpperBound()).isGreaterThanOrEqualTo(after.getUpperBound());
        double all = org.jfree.data.general.DatasetUtils.findRangeBounds(dataset).getLowerBound();
        assertThat(all).as("this run's burn-in dips below its later weeks").isLessThan(after.getLowerBound());
        assertThat(axis.getLowerBound()).as("the dip is off the axis (5% margin around the later weeks)")
                .isGreaterThan(all).isGreaterThanOrEqualTo(after.getLowerBound() - 0.051 * after.getLength());
        assertThat(plot.getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND)).as("the burn-in marked").hasSize(1);
        assertThat(Files.readString(run.resolve("charts/net-margin.svg"))).contains("burn-in");
    }

    /** Each replication is a point on its archetype's box, in the SVG: no slivers with outlier circles alone. */
    @Test
    void boxPlotsShowOnePointPerReplication() throws Exception {
        ResultsData data = ResultsData.read(run);
        long values = data.summary().stream().filter(r -> r.get("entity_type").equals("archetype")
                && !Double.isNaN(ResultsData.numberOrNaN(r.get("net_profit")))).count();
        assertThat(values).as("3 replications x 3 archetypes").isEqualTo(9);
        String svg = Files.readString(run.resolve("charts/box-net-profit.svg"));
        String point = "rx='" + BoxPlots.POINT_RADIUS + "' ry='" + BoxPlots.POINT_RADIUS + "' style='fill:";
        assertThat(svg.split(java.util.regex.Pattern.quote(point), -1).length - 1).isEqualTo(values);
        assertThat(svg).contains("points: one per replication");
        assertThat(BoxPlots.jitter(0)).isEqualTo(BoxPlots.jitter(0)).isBetween(0.0, 1.0); // no random numbers: fixed places
    }

    /** No yellow on white: every colour of a line or point keeps contrast with the white background. */
    @Test
    void noSeriesColourIsYellow() {
        List<java.awt.Color> colours = new java.util.ArrayList<>(Palette.SERIES);
        colours.addAll(Palette.COLOURS.values());
        for (java.awt.Color c : colours) {
            assertThat(c.getRed() > 200 && c.getGreen() > 200 && c.getBlue() < 120).as(c.toString()).isFalse();
        }
    }

    /**
     * Every money axis of a run's charts is in the scenario's money unit (money_unit=EUR), none in bare "money". (The
     * SVG draws a vertical label as outlines, not text: the charts' axes are read instead.)
     */
    @Test
    void moneyAxesCarryTheScenariosUnit() throws Exception {
        ResultsData data = ResultsData.read(run);
        assertThat(Report.money(data)).isEqualTo("EUR");
        List<String> labels = new java.util.ArrayList<>();
        for (ChartKind kind : ChartKind.TIME_SERIES) {
            if (kind.axis().contains("(money")) {
                labels.add(((XYPlot) Charts.timeSeries(data, kind).getPlot()).getRangeAxis().getLabel());
            }
        }
        labels.add(((CategoryPlot) Charts.byTenure(data, "revenue_per_customer", "t", "spend per customer per week "
                + "(money)").getPlot()).getRangeAxis().getLabel());
        assertThat(labels).hasSizeGreaterThanOrEqualTo(5).allSatisfy(label -> assertThat(label).contains("(EUR")
                .doesNotContain("money"));
    }

    /** A log axis labels its small decades as powers of ten: 1e-6, not "0". */
    @Test
    void logAxisTicksReadAsPowersOfTen() {
        var format = new CalibrationCharts.DecadeFormat();
        assertThat(format.format(1e-6)).isEqualTo("1e-6");
        assertThat(format.format(1e-4)).isEqualTo("1e-4");
        assertThat(format.format(0.01)).isEqualTo("0.01");
        assertThat(format.format(1000)).isEqualTo("1,000");
        assertThat(format.format(1e8)).isEqualTo("1e8");
    }

    /**
     * The report says what was run, and keeps its size: past the inline budget charts are linked PNGs (every chart
     * still referenced), so a run with 26 time series no longer makes a 2.7 MB page.
     */
    @Test
    void theReportStatesTheStudyAndLinksChartsPastItsBudget() throws Exception {
        String html = Files.readString(run.resolve("report.html"));
        assertThat(html).contains("<strong>This study.</strong> A run of jeo-baseline; 3 replications.");
        ResultsData data = ResultsData.read(run);
        List<Charts.Drawn> drawn = Charts.drawAll(data, dir.resolve("budget/charts"));
        Path small = Report.write(data, drawn, dir.resolve("budget/charts"), Files.createDirectories(
                dir.resolve("budget")), 0);
        String linked = Files.readString(small);
        assertThat(linked).doesNotContain("<svg");
        for (Charts.Drawn chart : drawn) {
            assertThat(linked).contains("<img src=\"charts/" + chart.name() + ".png\"");
        }
        assertThat(Files.size(run.resolve("report.html"))).isLessThan(Report.INLINE_BUDGET + 200_000);
    }

    /** Edge tick labels ("260", "1.0") have room right of the plot: every chart carries the padding. */
    @Test
    void chartsLeaveRoomForTheLastTickLabel() throws Exception {
        ResultsData data = ResultsData.read(run);
        assertThat(Charts.timeSeries(data, ChartKind.TIME_SERIES.get(0)).getPadding().getRight())
                .isEqualTo(Charts.EDGE_PADDING);
    }

    /** Comparison bars: each archetype in its colour, and each bar's value written on it. */
    @Test
    void comparisonBarsHaveArchetypeColoursAndValues() throws Exception {
        ResultsData data = ResultsData.read(comparison);
        CategoryPlot plot = (CategoryPlot) DifferenceBars.differences(data, "net_profit", "net profit", 1).getPlot();
        var renderer = plot.getRenderer();
        for (int column = 0; column < plot.getDataset().getColumnCount(); column++) {
            String archetype = (String) plot.getDataset().getColumnKey(column);
            assertThat(renderer.getItemPaint(0, column)).as(archetype).isEqualTo(Palette.of(archetype));
            assertThat(renderer.isItemLabelVisible(0, column)).isTrue();
        }
        String svg = Files.readString(comparison.resolve("charts/diff-net-profit.svg"));
        String first = DifferenceBars.format((org.jfree.data.statistics.StatisticalCategoryDataset) plot.getDataset())
                .format(plot.getDataset().getValue(0, 0));
        assertThat(svg).as("the first bar's value labelled").contains(">" + first + "<");
    }

    /** The heat-map scale is viridis: dark purple to yellow through teal, not through a muddy brown. */
    @Test
    void heatMapsUseViridis() {
        assertThat(Viridis.at(0)).isEqualTo(new java.awt.Color(0x44, 0x01, 0x54));
        assertThat(Viridis.at(0.5)).isEqualTo(new java.awt.Color(0x21, 0x91, 0x8C));
        assertThat(Viridis.at(1)).isEqualTo(new java.awt.Color(0xFD, 0xE7, 0x25));
        assertThat(Viridis.cellLabel(1234.5)).isEqualTo("1,230");
        assertThat(Viridis.cellLabel(-0.051234)).isEqualTo("-0.0512");
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

    /**
     * The PNG encoder keeps every pixel: a drawn chart, encoded and decoded by ImageIO (the reference decoder), equals
     * the image drawn, pixel for pixel; the file says RGB, 8 bits, and is deterministic.
     */
    @Test
    void pngBytesDecodeToTheDrawnPixels() throws Exception {
        ResultsData data = ResultsData.read(run);
        JFreeChart chart = Charts.timeSeries(data, ChartKind.TIME_SERIES.get(0));
        BufferedImage drawn = chart.createBufferedImage(Charts.WIDTH, Charts.HEIGHT, BufferedImage.TYPE_INT_RGB, null);
        byte[] bytes = Png.encode(drawn);
        BufferedImage decoded = ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        assertThat(decoded.getWidth()).isEqualTo(Charts.WIDTH);
        assertThat(decoded.getHeight()).isEqualTo(Charts.HEIGHT);
        int differing = 0;
        int coloured = 0;
        for (int y = 0; y < Charts.HEIGHT; y++) {
            for (int x = 0; x < Charts.WIDTH; x++) {
                int rgb = drawn.getRGB(x, y) & 0xFFFFFF;
                differing += rgb == (decoded.getRGB(x, y) & 0xFFFFFF) ? 0 : 1;
                coloured += rgb == 0xFFFFFF ? 0 : 1;
            }
        }
        assertThat(differing).isZero();
        assertThat(coloured).as("a chart was drawn, not a blank").isGreaterThan(10_000);
        assertThat(bytes[25]).as("colour type RGB").isEqualTo((byte) 2);
        assertThat(Png.encode(drawn)).isEqualTo(bytes);
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

    /**
     * A chart is drawn on its thread's one image, reused: each chart's PNG is the same as drawn on a new image of its
     * own (JFreeChart's createBufferedImage), whatever was drawn on the image before it.
     */
    @Test
    void aReusedImageDrawsEachChartAsANewImageWould() throws Exception {
        ResultsData data = ResultsData.read(run);
        for (ChartKind kind : ChartKind.TIME_SERIES) {
            JFreeChart chart = Charts.timeSeries(data, kind);
            if (chart != null) {
                byte[] fresh = Png.encode(chart.createBufferedImage(Charts.WIDTH, Charts.HEIGHT,
                        BufferedImage.TYPE_INT_RGB, null));
                assertThat(Charts.png(chart)).as(kind.file()).isEqualTo(fresh);
            }
        }
    }

    /** A chart that fails to build, on a writing thread, fails the drawing with its own exception. */
    @Test
    void aChartThatFailsToBuildFailsTheDrawing() throws Exception {
        Path target = dir.resolve("failing");
        Files.createDirectories(target);
        ChartFiles files = new ChartFiles(target, 2);
        ResultsData data = ResultsData.read(run);
        files.later(() -> Charts.timeSeries(data, ChartKind.TIME_SERIES.get(0)), "fine");
        files.later(() -> {
            throw new IllegalStateException("no chart today");
        }, "broken");
        assertThatThrownBy(files::write)
                .isInstanceOf(IllegalStateException.class).hasMessage("no chart today");
    }
}
