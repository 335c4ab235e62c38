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
