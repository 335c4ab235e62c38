package marketsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code marketsim audit} on the validation laboratory, against the logit best-response formula: with the other
 * sellers' prices fixed, seller j's best response is the fixed point of {@code p = c_j + 1 / (alpha (1 - s_j(p)))}
 * (no fees in the laboratory); at the Bertrand-Nash prices every seller's best response is its own price.
 */
class AuditCommandTest {
    /** Long enough for a best responder to converge (reviews every 2 weeks, each halving the gap: 2^-10). */
    static final List<String> SMALL = List.of("--set", "population.size=2000", "--ticks", "30", "--reps", "2", "-q",
            "--no-charts");
    /**
     * The model's best response against the formula: NashCheck finds the model within 1% of the closed form in this
     * laboratory (the demand sellers learn is exact for homogeneous consumers), so 1%.
     */
    static final double RELATIVE = 0.01;

    @TempDir
    Path dir;
    Path lab;

    @BeforeEach
    void copyTheLaboratory() throws IOException {
        lab = dir.resolve("lab.yaml");
        try (InputStream in = AuditCommandTest.class.getResourceAsStream("/marketsim/validation/lab.yaml")) {
            Files.write(lab, in.readAllBytes());
        }
    }

    /** Shares of the three sellers at prices {@code p}. */
    static double[] shares(double[] p) {
        double[] w = new double[3];
        double sum = Math.exp(OptimizeCommandTest.OUTSIDE);
        for (int j = 0; j < 3; j++) {
            w[j] = Math.exp(-OptimizeCommandTest.ALPHA * p[j] + OptimizeCommandTest.BETA * OptimizeCommandTest.QUALITY[j]);
            sum += w[j];
        }
        for (int j = 0; j < 3; j++) {
            w[j] /= sum;
        }
        return w;
    }

    /** Seller j's best response to {@code prices} (the others held): the fixed point of the markup formula. */
    static double bestResponse(int j, double[] prices) {
        double[] p = prices.clone();
        for (int i = 0; i < 10_000; i++) {
            p[j] = OptimizeCommandTest.COST[j] + 1 / (OptimizeCommandTest.ALPHA * (1 - shares(p)[j]));
        }
        return p[j];
    }

    static String[] args(String... first) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(SMALL);
        return all.toArray(String[]::new);
    }

    @Test
    void atBertrandNashPricesNoFirmWouldMoveItsPrice() throws Exception {
        double[] p = OptimizeCommandTest.COST.clone(); // Bertrand-Nash: every markup formula at once, iterated
        for (int it = 0; it < 10_000; it++) {
            double[] s = shares(p);
            for (int j = 0; j < 3; j++) {
                p[j] = OptimizeCommandTest.COST[j] + 1 / (OptimizeCommandTest.ALPHA * (1 - s[j]));
            }
        }
        List<String> command = new ArrayList<>(List.of(args("audit", lab.toString(), "--out",
                dir.resolve("nash").toString())));
        String[] names = {"cheap", "middle", "premium"};
        for (int j = 0; j < 3; j++) { // cost-plus markups that put each price at its Nash price
            command.addAll(List.of("--set", String.format(Locale.ROOT, "firms[%s].markup=%.10f", names[j],
                    p[j] / OptimizeCommandTest.COST[j] - 1)));
        }
        Cli cli = Cli.run(command.toArray(String[]::new));
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Equilibrium: no firm would move its price by more than 2% and gain by it")
                .doesNotContain("would cut").doesNotContain("would raise");
        assertThat(dir.resolve("nash/audit.csv")).content().doesNotContain("true");
        assertThat(dir.resolve("nash/manifest.json")).content().contains("\"command\" : \"audit\"")
                .contains("\"equilibrium\" : true");
    }

    @Test
    void atCostPlusPricesTheFirmsFarFromTheirBestResponseWouldDeviateAsTheFormulaSays() throws Exception {
        double[] prices = new double[3];
        for (int j = 0; j < 3; j++) {
            prices[j] = OptimizeCommandTest.COST[j] * (1 + OptimizeCommandTest.MARKUP[j]);
        }
        Cli cli = Cli.run(args("audit", lab.toString(), "--out", dir.resolve("audit").toString()));
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Not an equilibrium: 3 of 3 firms would move their price by more than 2% and gain by it");
        List<String> lines = Files.readAllLines(dir.resolve("audit/audit.csv"));
        assertThat(lines.get(0)).isEqualTo("firm,rule,n,price_before,price_after,price_change,price_change_low,"
                + "price_change_high,relative_change,profit_before,profit_change,profit_change_low,profit_change_high,"
                + "deviates");
        String[] names = {"cheap", "middle", "premium"};
        // cheap (8.80) would raise its price to 10.56, middle (10.80) to 11.52, premium (15) cut it to 12.46
        boolean[] deviates = {true, true, true};
        for (int j = 0; j < 3; j++) {
            Map<String, String> row = OptimizeCommandTest.row(dir.resolve("audit/audit.csv"), names[j]);
            double formula = bestResponse(j, prices);
            assertThat(Double.parseDouble(row.get("price_before"))).isCloseTo(prices[j], within(1e-9));
            assertThat(Double.parseDouble(row.get("price_after"))).as(names[j]).isCloseTo(formula,
                    within(RELATIVE * formula));
            assertThat(row.get("deviates")).as(names[j]).isEqualTo(Boolean.toString(deviates[j]));
        }
        assertThat(cli.out()).contains("would raise its price").contains("would cut its price");
    }

    @Test
    void optimizeAuditsTheBestLeversAndBadInputExits2() throws Exception {
        Cli cli = Cli.run(args("optimize", lab.toString(), "--lever", "firms[cheap].markup=0.1:0.6", "--grid", "6",
                "--objective", "cheap.net_profit", "--audit", "--out", dir.resolve("opt").toString()));
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("would any firm change its price?").contains("Not an equilibrium");
        assertThat(dir.resolve("opt/audit.csv")).exists();
        assertThat(dir.resolve("opt/manifest.json")).content().contains("\"audit.csv\"");
        Cli bad = Cli.run(args("audit", lab.toString(), "--tolerance", "2"));
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--tolerance 2.0: must be a share of the price");
        Cli noAudit = Cli.run(args("optimize", lab.toString(), "--lever", "firms[cheap].markup=0.1:0.6",
                "--objective", "cheap.net_profit", "--tolerance", "0.05"));
        assertThat(noAudit.code()).isEqualTo(2);
        assertThat(noAudit.err()).contains("give --audit too");
    }
}
