package marketsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    @TempDir
    Path dir;

    private static final String[] SMALL = {"--reps", "3", "--ticks", "30", "--set", "population.size=1000", "-q"};

    private Cli compare(String out, String... args) {
        String[] all = new String[args.length + SMALL.length + 3];
        all[0] = "compare";
        System.arraycopy(args, 0, all, 1, args.length);
        System.arraycopy(SMALL, 0, all, 1 + args.length, SMALL.length);
        all[all.length - 2] = "--out";
        all[all.length - 1] = dir.resolve(out).toString();
        return Cli.run(all);
    }

    /** Common random numbers: a scenario compared with itself differs by exactly zero, everywhere. */
    @Test
    void aScenarioComparedWithItselfDiffersByExactlyZero() throws Exception {
        Cli cli = compare("self", "jeo-baseline", "jeo-baseline");
        assertThat(cli.code()).as(cli.err()).isZero();
        List<CSVRecord> rows = read(dir.resolve("self/comparison.csv"));
        assertThat(rows).isNotEmpty();
        for (CSVRecord row : rows) {
            String difference = row.get("difference");
            if (!difference.isEmpty()) {
                assertThat(Double.parseDouble(difference)).as(row.toString()).isZero();
            }
        }
        assertThat(dir.resolve("self/summaries")).isDirectory();
        assertThat(dir.resolve("self/manifest.json")).content().contains("\"command\" : \"compare\"");
    }

    @Test
    void variantsOfOneScenarioShowTheEffectWithIntervals() throws Exception {
        Cli cli = compare("take", "jeo-baseline", "--vs", "platform.take_rate=0.3; platform.subsidy=0");
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Differences against jeo-baseline on common random numbers (3 paired replications")
                .contains("jeo-baseline platform.take_rate=0.3; platform.subsidy=0").contains("product-focused")
                .containsPattern("(?m)^  platform +platform_fee_revenue ");
        CSVRecord fees = read(dir.resolve("take/comparison.csv")).stream()
                .filter(r -> r.get("entity").equals("product-focused") && r.get("metric").equals("fee_share"))
                .findFirst().orElseThrow();
        assertThat(Double.parseDouble(fees.get("ci_low"))).isLessThanOrEqualTo(Double.parseDouble(fees.get("difference")));
        assertThat(Double.parseDouble(fees.get("variance_reduction"))).isBetween(-1.0, 1.0);
    }

    /**
     * variants-timeseries.csv holds each variant's default outcomes at every tick across its replications: the
     * reference's rows are a run's aggregate.csv rows (same seeds, same order), and there is a chart per outcome with
     * a line per variant. Before, a comparison had no time series at all.
     */
    @Test
    void variantsOverTimeAreARunsSeriesChartedPerOutcome() throws Exception {
        Cli cli = compare("series", "jeo-baseline", "--vs", "platform.take_rate=0.3");
        assertThat(cli.code()).as(cli.err()).isZero();
        List<String> series = Files.readAllLines(dir.resolve("series/variants-timeseries.csv"));
        assertThat(series.get(0)).isEqualTo("variant,entity_type,entity,metric,unit,tick,n,mean,sd,ci_low,ci_high");
        Cli run = Cli.run("run", "jeo-baseline", "--reps", "3", "--ticks", "30", "--set", "population.size=1000", "-q",
                "--no-charts", "--out", dir.resolve("run").toString());
        assertThat(run.code()).as(run.err()).isZero();
        List<String> aggregate = Files.readAllLines(dir.resolve("run/aggregate.csv"));
        String metric = "platform,platform,platform_fee_revenue";
        List<String> fromCompare = series.stream().filter(l -> l.startsWith("jeo-baseline," + metric + ","))
                .map(l -> l.substring(("jeo-baseline," + metric + ",money,").length())).toList();
        List<String> fromRun = aggregate.stream().filter(l -> l.matches("\\d+," + metric + ",.*"))
                .map(l -> l.split(",", 2)[0] + "," + l.substring(l.indexOf(metric) + metric.length() + 1)).toList();
        assertThat(fromCompare).hasSize(30).isEqualTo(fromRun);
        assertThat(series).anyMatch(l -> l.startsWith("jeo-baseline platform.take_rate=0.3,archetype,customer-focused,"
                + "net_margin,"));
        assertThat(dir.resolve("series/charts/variants-platform-platform-fee-revenue.svg")).content()
                .contains("jeo-baseline platform.take_rate=0.3").contains("burn-in");
        assertThat(dir.resolve("series/report.html")).content().contains("variants-customer-focused-net-margin");
    }

    @Test
    void badComparisonsExitWith2() {
        Cli one = compare("one", "jeo-baseline");
        assertThat(one.code()).isEqualTo(2);
        assertThat(one.err()).contains("compare needs at least two");
        Cli bad = compare("bad", "jeo-baseline", "--vs", "platform.take_rat=0.3");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("did you mean 'take_rate'?");
        assertThat(dir.resolve("bad")).doesNotExist();
    }

    private static List<CSVRecord> read(Path file) throws Exception {
        try (Reader r = Files.newBufferedReader(file);
             CSVParser p = CSVParser.builder().setReader(r)
                     .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            return p.getRecords();
        }
    }
}
