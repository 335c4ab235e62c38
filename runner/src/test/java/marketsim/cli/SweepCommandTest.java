package marketsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
    @TempDir
    Path dir;

    private Cli sweep(String out, String... args) {
        String[] base = {"sweep", "jeo-baseline", "--reps", "2", "--ticks", "12", "--set", "population.size=400",
                "--set", "metrics.summary_window=6", "-q", "--out", dir.resolve(out).toString()};
        String[] all = new String[base.length + args.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(args, 0, all, base.length, args.length);
        return Cli.run(all);
    }

    @Test
    void oneFactorGivesTidyTablesAndResponseCurves() throws Exception {
        Cli cli = sweep("one", "--vary", "platform.take_rate=0.1:0.3:0.1");
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("3 points x 2 replications").contains("platform.take_rate")
                .containsPattern("(?m)^1 +0.1 ").containsPattern("(?m)^3 +0.3 ");
        List<String> runs = Files.readAllLines(dir.resolve("one/runs.csv"));
        assertThat(runs.get(0)).startsWith("point,replication,seed,platform.take_rate,entity_type,entity,archetype,");
        assertThat(runs).hasSize(1 + 3 * 2 * 13); // points x replications x entities
        assertThat(Files.readAllLines(dir.resolve("one/points.csv")).get(0))
                .isEqualTo("point,platform.take_rate,entity_type,entity,metric,n,mean,sd,ci_low,ci_high");
        var png = javax.imageio.ImageIO.read(dir.resolve("one/charts/sweep-platform-fees.png").toFile());
        assertThat(png.getWidth()).isEqualTo(1280);
        assertThat(dir.resolve("one/charts/sweep-platform-fees.svg")).content().contains("<svg").contains("</svg>");
        assertThat(dir.resolve("one/charts/sweep-unit-share.png")).exists(); // one line per archetype
        assertThat(dir.resolve("one/report.html")).content().contains("sweep-platform-fees");
    }

    /**
     * points-timeseries.csv holds, per design point, each outcome at each tick across the point's replications;
     * a design point runs the seeds a run of the same scenario runs, so its rows are that run's aggregate.csv
     * rows, number for number (the same Moments, the same order of replications).
     */
    @Test
    void eachPointsOutcomesOverTimeAreThoseOfARunAtThatPoint() throws Exception {
        Cli cli = sweep("series", "--vary", "platform.take_rate=0.1,0.3", "--outcome", "platform.platform_fee_revenue",
                "--outcome", "customer-focused.net_margin");
        assertThat(cli.code()).as(cli.err()).isZero();
        List<String> series = Files.readAllLines(dir.resolve("series/points-timeseries.csv"));
        assertThat(series.get(0)).isEqualTo("point,platform.take_rate,entity_type,entity,metric,unit,tick,n,mean,sd,"
                + "ci_low,ci_high");
        assertThat(series).hasSize(1 + 2 * 2 * 12); // points x outcomes x ticks
        Cli run = Cli.run("run", "jeo-baseline", "--reps", "2", "--ticks", "12", "--set", "population.size=400",
                "--set", "metrics.summary_window=6", "--set", "platform.take_rate=0.3", "-q", "--no-charts", "--out",
                dir.resolve("run").toString());
        assertThat(run.code()).as(run.err()).isZero();
        List<String> aggregate = Files.readAllLines(dir.resolve("run/aggregate.csv"));
        for (String metric : List.of("platform,platform,platform_fee_revenue", "archetype,customer-focused,net_margin")) {
            List<String> fromSweep = series.stream().filter(l -> l.startsWith("2,0.3," + metric + ","))
                    .map(l -> l.substring(("2,0.3," + metric + ",").length()).replaceFirst("^[^,]*,", "")).toList();
            List<String> fromRun = aggregate.stream().filter(l -> l.matches("\\d+," + metric + ",.*"))
                    .map(l -> l.split(",", 2)[0] + "," + l.substring(l.indexOf(metric) + metric.length() + 1)).toList();
            assertThat(fromSweep).as(metric).hasSize(12).isEqualTo(fromRun);
        }
        assertThat(dir.resolve("series/charts/series-platform-platform-fee-revenue.svg")).content()
                .contains("point 1: take_rate=0.1").contains("point 2: take_rate=0.3");
        assertThat(dir.resolve("series/charts/series-customer-focused-net-margin.png")).exists();
        assertThat(dir.resolve("series/report.html")).content().contains("series-platform-platform-fee-revenue");
    }

    /**
     * runs.csv says of every run how many ticks it ran and which stop condition ended it, as a run's stops.csv does:
     * a condition that always holds stops each point's runs at its stop.from. Before, runs.csv had neither column.
     */
    @Test
    void runsCsvRecordsStoppedRuns() throws Exception {
        Cli cli = sweep("stops", "--vary", "stop.from=4,8", "--set", "stop.when=platform.members < 2", "--no-charts");
        assertThat(cli.code()).as(cli.err()).isZero();
        List<String> runs = Files.readAllLines(dir.resolve("stops/runs.csv"));
        assertThat(runs.get(0)).endsWith(",ticks,stopped_by");
        assertThat(runs.subList(1, runs.size())).allMatch(l -> l.startsWith("1,") ? l.endsWith(",4,platform.members < 2")
                : l.endsWith(",8,platform.members < 2"));
        Cli run = Cli.run("run", "jeo-baseline", "--reps", "2", "--ticks", "12", "--set", "population.size=400",
                "--set", "metrics.summary_window=6", "--set", "stop.when=platform.members < 2", "--set", "stop.from=8",
                "-q", "--no-charts", "--out", dir.resolve("stopped").toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("stopped/stops.csv")).get(1)).endsWith(",8,platform.members < 2");
        Cli whole = sweep("horizon", "--vary", "platform.take_rate=0.1", "--no-charts");
        assertThat(whole.code()).as(whole.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("horizon/runs.csv")).get(1)).endsWith(",12,horizon");
    }

    /**
     * --timeseries-every K keeps ticks K, 2K, ... and the last in points-timeseries.csv (points x outcomes x ticks / K
     * rows), the same values as at those ticks without it; runs.csv and points.csv do not change.
     */
    @Test
    void timeseriesEveryThinsThePointSeries() throws Exception {
        Cli all = sweep("all", "--vary", "platform.take_rate=0.1,0.3", "--outcome", "platform.platform_fee_revenue",
                "--no-charts");
        Cli thin = sweep("thin", "--vary", "platform.take_rate=0.1,0.3", "--outcome", "platform.platform_fee_revenue",
                "--no-charts", "--timeseries-every", "5");
        assertThat(thin.code()).as(thin.err()).isZero();
        List<String> every = Files.readAllLines(dir.resolve("all/points-timeseries.csv"));
        List<String> thinned = Files.readAllLines(dir.resolve("thin/points-timeseries.csv"));
        assertThat(thinned).hasSize(1 + 2 * 3); // 2 points x 1 outcome x ticks 5, 10 and 12
        assertThat(thinned).isEqualTo(every.stream().filter(l -> l.startsWith("point")
                || l.matches("[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,(5|10|12),.*")).toList());
        for (String file : List.of("runs.csv", "points.csv")) {
            assertThat(dir.resolve("thin").resolve(file)).hasSameBinaryContentAs(dir.resolve("all").resolve(file));
        }
        assertThat(dir.resolve("thin/experiment.yaml")).content().contains("timeseries_every: 5");
        Cli bad = sweep("bad", "--vary", "platform.take_rate=0.1,0.3", "--timeseries-every", "0");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--timeseries-every 0: must be from 1");
    }

    /** --profile says where the time went outside the engine, and changes nothing the sweep writes. */
    @Test
    void profileSaysWhereTheTimeWentOutsideTheEngine() throws Exception {
        Cli plain = sweep("plain", "--vary", "platform.take_rate=0.1,0.3", "--no-charts");
        Cli profiled = sweep("profiled", "--vary", "platform.take_rate=0.1,0.3", "--no-charts", "--profile");
        assertThat(profiled.code()).as(profiled.err()).isZero();
        assertThat(profiled.out()).contains("Where the sweep's processor time went (4 runs on")
                .containsPattern("scenario resolution \\(2 design points, once\\) +\\d+\\.\\d{3}")
                .containsPattern("model setup \\(population, network\\) +\\d+\\.\\d{3} +\\d+\\.\\d%")
                .containsPattern("engine \\(the ticks\\) +\\d+\\.\\d{3}")
                .containsPattern("summaries \\(summary-window values\\) +\\d+\\.\\d{3}")
                .containsPattern("the process +\\d+\\.\\d{3} +100\\.0%")
                .containsPattern("the runs' work outside the engine \\(scenario resolution, setup, close, summaries\\): "
                        + "\\d+\\.\\d% of the processor time")
                .containsPattern("all outside the engine: \\d+\\.\\d% of the processor time");
        assertThat(plain.out()).doesNotContain("Where the sweep's");
        for (String file : List.of("runs.csv", "points.csv", "points-timeseries.csv")) { // before: no series profiled
            assertThat(dir.resolve("profiled").resolve(file)).hasSameBinaryContentAs(dir.resolve("plain").resolve(file));
        }
    }

    @Test
    void twoFactorsGiveHeatMaps() {
        Cli cli = sweep("two", "--vary", "platform.take_rate=0.1,0.3", "--vary", "platform.subsidy=0:0.2:0.1");
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("6 points");
        try {
            assertThat(javax.imageio.ImageIO.read(dir.resolve("two/charts/heatmap-platform-fees.png").toFile())).isNotNull();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(dir.resolve("two/charts/heatmap-net-margin-customer-focused.png")).exists();
    }

    /**
     * With --outcome, the sweep's charts are of those outcomes (not the default unit share, margins, fees...), the
     * heat map has each cell's value written in it, and its scale is in the scenario's money unit.
     */
    @Test
    void heatMapsChartTheChosenOutcomesWithTheirValuesInTheCells() throws Exception {
        Cli cli = sweep("chosen", "--vary", "platform.take_rate=0.1,0.3", "--vary", "platform.subsidy=0,0.2",
                "--outcome", "customer-focused.net_profit", "--set", "money_unit=EUR");
        assertThat(cli.code()).as(cli.err()).isZero();
        Path charts = dir.resolve("chosen/charts");
        assertThat(charts.resolve("heatmap-net-profit-customer-focused.svg")).exists();
        try (var files = Files.list(charts)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("heatmap-")))
                    .as("only the chosen outcome").containsOnly("heatmap-net-profit-customer-focused.png",
                            "heatmap-net-profit-customer-focused.svg");
        }
        String svg = Files.readString(charts.resolve("heatmap-net-profit-customer-focused.svg"));
        int cells = 0;
        for (String line : Files.readAllLines(dir.resolve("chosen/points.csv"))) {
            String[] c = line.split(",");
            if (line.contains(",customer-focused,net_profit,")) {
                double mean = Double.parseDouble(c[java.util.Arrays.asList(Files.readAllLines(
                        dir.resolve("chosen/points.csv")).get(0).split(",")).indexOf("mean")]);
                String label = new java.text.DecimalFormat("#,##0.######", java.text.DecimalFormatSymbols.getInstance(
                        java.util.Locale.ROOT)).format(new java.math.BigDecimal(mean).round(new java.math.MathContext(3)));
                assertThat(svg).as("cell value " + label).contains(">" + label + "</text>");
                cells++;
            }
        }
        assertThat(cells).as("2 x 2 grid").isEqualTo(4);
        assertThat(Files.readString(dir.resolve("chosen/report.html"))).contains("heatmap-net-profit-customer-focused")
                .contains("<strong>This study.</strong> A grid sweep of jeo-baseline over 4 design points, varying "
                        + "platform.take_rate (0.1, 0.3) and platform.subsidy (0, 0.2); outcomes: "
                        + "customer-focused.net_profit; 2 replications at each point.");
    }

    @Test
    void aNumberAndANamedParameterGiveOneLinePerLevel() {
        Cli cli = sweep("mixed", "--vary", "platform.take_rate=0.1,0.3", "--vary",
                "archetypes.product-focused.pricing=cost-plus,best-response");
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("4 points").doesNotContain("No response curves");
        assertThat(dir.resolve("mixed/charts/sweep-platform-fees.svg")).content().contains("pricing=best-response");
        assertThat(dir.resolve("mixed/charts/sweep-unit-share-product-focused.png")).exists();
    }

    @Test
    void badDesignsExitWith2BeforeRunning() {
        assertBad(sweep("a", "--vary", "platform.take_rate"), "must look like path=from:to:step");
        assertBad(sweep("b", "--vary", "platform.take_rate=0.5:0.1:0.1"), "step must be > 0 and to >= from");
        assertBad(sweep("c", "--vary", "platform.take_rat=0.1,0.2"), "did you mean 'take_rate'?");
        assertBad(sweep("d", "--vary", "platform.take_rate=0.1,7"), "(7) must be in [0, 0.95]");
        assertBad(sweep("e", "--vary", "platform.take_rate=0.1,0.2", "--design", "box"), "not a design");
        assertBad(sweep("f"), "Missing required option: '--vary");
        assertBad(sweep("g", "--vary", "platform.take_rate=0.1:0.5"), "a grid needs levels");
        assertBad(sweep("h", "--vary", "platform.take_rate=0.1:0.5", "--design", "lhs", "--samples", "1"),
                "--samples 1: must be at least 2");
        assertBad(sweep("i", "--vary", "platform.take_rate=0.1:0.5", "--design", "morris", "--levels", "3"),
                "must be even");
        assertBad(sweep("j", "--vary", "platform.take_rate=0.1:0.5", "--design", "lhs", "--shard", "5/4"),
                "need 1 <= i <= n");
        assertBad(sweep("k", "--vary", "platform.take_rate=0.1:0.5", "--design", "lhs", "--shard", "half"),
                "must look like i/n");
        assertBad(sweep("l", "--vary", "platform.take_rate=0.1:0.5", "--design", "lhs", "--outcome", "platform.fees"),
                "no metric 'fees'");
        assertBad(sweep("m", "--vary", "platform.take_rate=0.1:0.5", "--design", "lhs", "--outcome",
                "apple.unit_share"), "no entity 'apple'");
        assertBad(sweep("n", "--vary", "platform.take_rate=0.1:0.5", "--design", "lhs", "--discover",
                "customer-focused.net_margin is big"), "--discover");
        assertBad(sweep("o", "--vary", "platform.take_rate=0.1:1.5", "--design", "lhs"), "must be in [0, 0.95]");
        assertBad(sweep("p", "--vary", "platform.take_rate=0.1,0.2", "--samples", "10"), "a grid runs every");
    }

    private void assertBad(Cli cli, String message) {
        assertThat(cli.code()).as(cli.err()).isEqualTo(2);
        assertThat(cli.err()).contains(message).doesNotContain("\tat ");
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> !p.getFileName().toString().matches("one|two|mixed"))).isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
