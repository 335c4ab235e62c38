package marketsim.results.optimization;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a candidate's objective across the uncertainty scenarios becomes one number to rank candidates by (Kwakkel,
 * "The Exploratory Modeling Workbench", 2017; McPhail et al., "Robustness metrics", 2018). Each works on the
 * candidate's goodness in each scenario, the objective's mean across replications there (negated when it is
 * minimized), and gives a score, larger better:
 * <ul>
 * <li>{@code mean}: the mean goodness over the scenarios (expected value, Laplace's principle of insufficient
 * reason);</li>
 * <li>{@code p10}: its 10th percentile over the scenarios (a cautious maximin: good in all but the worst tenth);</li>
 * <li>{@code regret}: minus the largest regret, regret being how far the candidate falls short of the best
 * candidate evaluated in that scenario (Savage's minimax regret).</li>
 * </ul>
 */
public enum Robustness {
    MEAN("mean", "mean over the uncertainty scenarios"),
    P10("p10", "10th percentile over the uncertainty scenarios (the worst tenth excluded)"),
    REGRET("regret", "largest regret over the uncertainty scenarios against each one's best candidate");

    /** The percentile {@code p10} takes. */
    static final double PERCENTILE = 0.10;

    private final String key;
    private final String description;

    Robustness(String key, String description) {
        this.key = key;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    /** The robustness named {@code key} (mean, p10, regret). */
    public static Robustness of(String key) {
        for (Robustness r : values()) {
            if (r.key.equals(key.strip().toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new IllegalArgumentException("'" + key + "': robustness is mean, p10 or regret");
    }

    /**
     * The score of goodness {@code g[m]} per scenario, larger better; {@code best[m]} is each scenario's best
     * goodness among the candidates (used by regret only).
     */
    public double score(double[] g, double[] best) {
        return switch (this) {
            case MEAN -> Arrays.stream(g).average().orElse(Double.NaN);
            case P10 -> percentile(g, PERCENTILE);
            case REGRET -> -maxRegret(g, best);
        };
    }

    /** The largest of {@code best[m] - g[m]}. */
    static double maxRegret(double[] g, double[] best) {
        double worst = 0;
        for (int m = 0; m < g.length; m++) {
            worst = Math.max(worst, best[m] - g[m]);
        }
        return worst;
    }

    /**
     * The {@code p} quantile of {@code values}, interpolated between order statistics (Hyndman and Fan's type 7,
     * R's and NumPy's default): position {@code p (n - 1)} in the sorted values. NaN if any value is NaN.
     */
    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        if (Double.isNaN(sorted[sorted.length - 1])) {
            return Double.NaN;
        }
        double h = p * (sorted.length - 1);
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
