package marketsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21's firm-level answers through the command line: --entity and --metric on run and compare, tables that
 * fit (--width, --format), scenarios show --levers, the run report's cost breakdown and the comparison report.
 * Small runs (classroom, 2 replications of 12 weeks at 600 consumers): these test what is printed, not the model.
 */
class FirmLevelCommandTest {
    @TempDir
    Path dir;

    private static final String[] SMALL = {"--reps", "2", "--ticks", "12", "--set", "population.size=600",
            "--set", "metrics.summary_window=6", "-q"};

    private Cli cli(String command, String out, String... args) {
        String[] all = new String[2 + args.length + SMALL.length + 2];
        all[0] = command;
        all[1] = "classroom";
        System.arraycopy(args, 0, all, 2, args.length);
        System.arraycopy(SMALL, 0, all, 2 + args.length, SMALL.length);
        all[all.length - 2] = "--out";
        all[all.length - 1] = dir.resolve(out).toString();
        return Cli.run(all);
    }

    @Test
    void runPrintsEveryMetricOfOneFirmOrOneMetricOfEveryEntity() {
        Cli firm = cli("run", "firm", "--no-charts", "--entity", "bulk-c");
        assertThat(firm.code()).as(firm.err()).isZero();
        assertThat(firm.out()).containsPattern("(?m)^bulk-c +net_margin +-?[0-9.]+ \\+- [0-9.]+ +% of income$")
                .containsPattern("(?m)^bulk-c +commission_fees ").containsPattern("(?m)^bulk-c +personalization_costs ")
                .doesNotContain("brand-a").doesNotContain("platform_fee_revenue").doesNotContain("archetype ");
        Cli metric = cli("run", "metric", "--no-charts", "--metric", "net_profit", "--metric", "platform_fee_revenue");
        assertThat(metric.code()).as(metric.err()).isZero();
        assertThat(metric.out()).containsPattern("(?m)^bulk-c +net_profit ").containsPattern("(?m)^brand-b +net_profit ")
                .containsPattern("(?m)^platform +platform_fee_revenue ").containsPattern("(?m)^store +net_profit ")
                .doesNotContain("retention");
    }

    @Test
    void compareGivesBothLevelsBesideTheDifferenceAndItsInterval() throws Exception {
        Cli cli = cli("compare", "take", "--no-charts", "--vs", "platform.take_rate=0.3", "--entity", "bulk-c", "--entity",
                "platform", "--metric", "net_margin", "--metric", "platform_fee_revenue");
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("reference").contains("variant").contains("difference [95% CI]")
                .containsPattern("(?m)^  bulk-c +net_margin +-?[0-9.]+ +-?[0-9.]+ +[-+][0-9.]+ pp \\[-?[0-9.]+, -?[0-9.]+\\]")
                .containsPattern("(?m)^  platform +platform_fee_revenue +[0-9]+ +[0-9]+ +[-+][0-9]+ \\[");
        // the same rows as CSV: the levels and the difference as comparison.csv holds them
        Cli csv = cli("compare", "csv", "--no-charts", "--vs", "platform.take_rate=0.3", "--entity", "platform", "--metric",
                "platform_fee_revenue", "--format", "csv");
        assertThat(csv.code()).as(csv.err()).isZero();
        List<CSVRecord> rows = parse(csv.out());
        assertThat(rows).hasSize(1);
        CSVRecord fees = rows.get(0);
        double reference = Double.parseDouble(fees.get("reference_mean"));
        double variant = Double.parseDouble(fees.get("variant_mean"));
        assertThat(Double.parseDouble(fees.get("difference"))).isCloseTo(variant - reference,
                org.assertj.core.data.Offset.offset(1e-6 * Math.abs(reference)));
        assertThat(csv.err()).contains("Results: "); // standard output holds the table alone
    }

    @Test
    void unknownNamesAndBadLayoutsExitWith2BeforeAnythingRuns() {
        Cli entity = cli("run", "e", "--entity", "bulk-x");
        assertThat(entity.code()).isEqualTo(2);
        assertThat(entity.err()).contains("--entity bulk-x").contains("did you mean").contains("bulk-c")
                .contains("platform, store, market");
        Cli metric = cli("compare", "m", "--vs", "platform.take_rate=0.3", "--metric", "net_margn");
        assertThat(metric.code()).isEqualTo(2);
        assertThat(metric.err()).contains("did you mean 'net_margin'?").contains("platform_fee_revenue");
        Cli scope = cli("run", "s", "--entity", "bulk-c", "--metric", "members");
        assertThat(scope.code()).isEqualTo(2);
        assertThat(scope.err()).contains("members does not apply to bulk-c");
        Cli format = cli("run", "f", "--format", "markdwn");
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).contains("--format markdwn: must be one of table, csv, markdown (did you mean "
                + "'markdown'?)");
        Cli width = cli("run", "w", "--width", "5");
        assertThat(width.code()).isEqualTo(2);
        assertThat(width.err()).contains("--width 5: must be from 40 to 1000");
        for (String out : List.of("e", "m", "s", "f", "w")) {
            assertThat(dir.resolve(out)).doesNotExist();
        }
    }

    /** Before #21 the summary ran 140 characters wide and the comparison 170. */
    @Test
    void tablesFitTheWidthAsked() {
        Cli run = cli("run", "narrow", "--no-charts", "--width", "72");
        assertThat(run.code()).as(run.err()).isZero();
        Cli compare = cli("compare", "narrow-c", "--no-charts", "--vs", "platform.take_rate=0.3", "--width", "72");
        assertThat(compare.code()).as(compare.err()).isZero();
        for (Cli cli : List.of(run, compare)) {
            for (String line : cli.out().split("\\R")) {
                if (!line.startsWith("Results:") && !line.startsWith("Report:")) { // paths are as long as they are
                    assertThat(line.length()).as(line).isLessThanOrEqualTo(72);
                }
            }
        }
        assertThat(run.out()).contains("net m. %").contains("platform: fee revenue");
    }

    @Test
    void leversListTheCostsEachCarries() {
        Cli cli = Cli.run("scenarios", "show", "classroom", "--levers", "--width", "100");
        assertThat(cli.code()).as(cli.err()).isZero();
        for (String line : cli.out().split("\\R")) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(100);
        }
        Cli wide = Cli.run("scenarios", "show", "classroom", "--levers", "--width", "250");
        String text = wide.out().replaceAll("\\s+", " ");
        assertThat(text).contains("brand-a lever value costs it carries (money)")
                .contains("personalization.level 0.6 600/week + 0.05 per customer/week (paid at any level, 0 included, "
                        + "while enabled; personalization.enabled=false stops it) personalization_costs")
                .contains("channels.direct.fixed_cost web store 300/week fixed_costs")
                .contains("15% of price");
        Cli off = Cli.run("scenarios", "show", "classroom", "--levers", "--format", "csv",
                "--set", "firms[brand-a].personalization.enabled=false");
        assertThat(off.code()).as(off.err()).isZero();
        assertThat(off.out()).contains("brand-a,personalization.level,off (enabled=false),,,,personalization_costs,");
    }

    @Test
    void theReportsAnswerAtTheLevelOfTheFirm() throws Exception {
        Cli run = cli("run", "r");
        assertThat(run.code()).as(run.err()).isZero();
        String report = Files.readString(dir.resolve("r/report.html"));
        assertThat(report).contains("Where each firm's money went").contains("<th>cost of goods</th>")
                .contains("<th>platform fees</th>").contains("<td>brand-a</td>");
        Cli compare = cli("compare", "c", "--vs", "platform.take_rate=0.3");
        assertThat(compare.code()).as(compare.err()).isZero();
        String comparison = Files.readString(dir.resolve("c/report.html"));
        assertThat(comparison).contains("<strong>Question.</strong> Who makes money")
                .containsPattern("overrides <code>[^<]*platform.take_rate=0.3")
                .contains("Differences against the reference").contains("<td>platform_fee_revenue</td>")
                .contains("id=\"diff-platform\"").contains("id=\"diff-store\"");
        assertThat(dir.resolve("c/charts/diff-platform.png")).isRegularFile();
    }

    /** Before #21 a sweep row read "level=0" (which firm's level?) and its means had no intervals. */
    @Test
    void sweepRowsNameWholePathsAndGiveIntervals() {
        Cli cli = cli("sweep", "sweep", "--no-charts", "--vary", "firms[brand-a].personalization.level=0,1",
                "--outcome", "brand-a.net_profit", "--width", "80");
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("firms[brand-a].personalization.level")
                .containsPattern("(?m)^2 +1 +-?[0-9]+ \\+- [0-9]+$");
        for (String line : cli.out().split("\\R")) {
            if (!line.startsWith("Results:")) {
                assertThat(line.length()).as(line).isLessThanOrEqualTo(80);
            }
        }
    }

    @Test
    void moneyIsNamedAsTheScenarioNamesIt() throws Exception {
        Cli cli = cli("compare", "eur", "--no-charts", "--vs", "platform.take_rate=0.3", "--set", "money_unit=EUR", "--metric",
                "net_profit", "--entity", "bulk-c");
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("money in EUR").containsPattern("(?m)^  bulk-c +net_profit .* EUR$");
        Cli bad = cli("run", "bad-money", "--set", "money_unit=");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("money_unit").contains("must be a name of 1 to 12 characters");
    }

    private static List<CSVRecord> parse(String text) throws Exception {
        try (CSVParser p = CSVParser.builder().setReader(new StringReader(text))
                .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            return p.getRecords();
        }
    }
}
