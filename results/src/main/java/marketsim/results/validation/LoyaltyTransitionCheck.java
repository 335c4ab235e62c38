package marketsim.results.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import marketsim.core.metrics.Field;
import marketsim.core.metrics.RunRecord;
import marketsim.scenario.Scenario;

/**
 * The loyalty phase transition of the Marseille fish market (Weisbuch, Kirman and Herreiner 2000):
 * consumers choosing by logit on their relationship stocks with two identical sellers stay
 * indifferent (buying from each half the time) below a critical choice sensitivity and become
 * loyal above it. Here the sensitivity is the relationship weight gamma; a purchase moves the
 * seller's stock {@code L += eta (1 - L)} and all stocks decay by {@code delta} a tick. The
 * mean-field map {@code L_j <- (1 - delta)(L_j + eta (1 - L_j) P_j)} has the symmetric state
 * {@code L* = (1 - delta) eta / 2 / (1 - (1 - delta)(1 - eta / 2))}, unstable above
 * {@code gamma_c = 2 (1 / (1 - delta) - 1 + eta / 2) / (eta (1 - L*))}, and loyal states that exist
 * from a saddle-node {@code gamma_s < gamma_c} (found numerically): a first-order transition, as
 * in the fish market. Measured: the share of purchases that repeat the last seller (retention),
 * which is 1/2 without loyalty and {@code P^2 + (1 - P)^2} in a loyal state.
 */
final class LoyaltyTransitionCheck extends LabCheck {
    static final double DECAY = 0.02;
    static final double RATE = 0.2;
    static final int TICKS = 400;
    static final int WINDOW = 50;
    /** Consumers per run, as a share of the budget's: ten runs of a long horizon. */
    static final int CONSUMER_DIVISOR = 10;
    /** Relationship weights from 0.6 gamma_s to 1.25 gamma_c, in this many steps. */
    static final int STEPS = 8;
    /** Below the transition: retention may exceed 1/2 by the fluctuations of L1 - L2 (about 0.05 at gamma_s / 2). */
    static final double BELOW = 0.1;
    /** Above it: consumers sit in the loyal state; sampling error is under 0.002. */
    static final double ABOVE = 0.02;
    /**
     * The transition may lie this share below gamma_s: near the saddle-node, consumers linger in
     * loyal excursions (the loyal state's ghost), so retention rises a little before loyal states
     * exist in the mean field.
     */
    static final double GHOST = 0.15;
    /** Retention counted as loyal: halfway between indifference (1/2) and full loyalty (1). */
    static final double MIDPOINT = 0.75;
    /** Iterations of the mean-field map: far past convergence. */
    static final int ITERATIONS = 20_000;

    LoyaltyTransitionCheck() {
        super("loyalty-transition",
                "Loyalty appears above a critical choice sensitivity (the Marseille fish market)",
                "Weisbuch, Kirman and Herreiner (2000), Economic Journal 110: 411-436: mean-field map of the "
                        + "relationship stocks, its critical gamma_c and saddle-node gamma_s",
                "below the transition (gamma_s / 2) retention within " + BELOW + " of 1/2 (fluctuations of the "
                        + "stocks raise it by about 0.05); above it (1.25 gamma_c) within " + ABOVE + " of the loyal state's; "
                        + "the gamma where retention passes " + MIDPOINT + " between " + (int) (100 * (1 - GHOST))
                        + "% of gamma_s and gamma_c (bistable window of the mean field, less the saddle-node's ghost)");
    }

    @Override
    public List<String> settings(Budget budget) {
        return consumers(budget.consumers() / CONSUMER_DIVISOR, "horizon=" + TICKS,
                "metrics.summary_window=" + WINDOW, "population.outside_utility=-100",
                "firms[premium].unit_cost=100000", "firms[middle].unit_cost=8", "firms[middle].markup=0.1",
                "firms[middle].quality=0.4", "archetypes.product-focused.relationship_rate=" + RATE,
                "market.relationship_decay=" + DECAY, "market.satisfaction_sensitivity=1000");
    }

    static double symmetricStock() {
        return (1 - DECAY) * RATE / 2 / (1 - (1 - DECAY) * (1 - RATE / 2));
    }

    static double criticalGamma() {
        return 2 * (1 / (1 - DECAY) - 1 + RATE / 2) / (RATE * (1 - symmetricStock()));
    }

    /** Retention in the state the mean-field map reaches from a fully loyal start. */
    static double loyalRetention(double gamma) {
        double l1 = 1;
        double l2 = 0;
        for (int t = 0; t < ITERATIONS; t++) {
            double p = 1 / (1 + Math.exp(-gamma * (l1 - l2)));
            double next1 = (1 - DECAY) * (l1 + RATE * (1 - l1) * p);
            l2 = (1 - DECAY) * (l2 + RATE * (1 - l2) * (1 - p));
            l1 = next1;
        }
        double p = 1 / (1 + Math.exp(-gamma * (l1 - l2)));
        return p * p + (1 - p) * (1 - p);
    }

    /** The smallest gamma (to 0.001) at which a loyal state exists in the mean field. */
    static double saddleNode() {
        double low = 0;
        double high = criticalGamma();
        while (high - low > 1e-3) {
            double mid = (low + high) / 2;
            if (loyalRetention(mid) > MIDPOINT) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return high;
    }

    @Override
    public List<Result> run(Budget budget, Lab lab, List<String> faults) throws Exception {
        double gammaC = criticalGamma();
        double gammaS = saddleNode();
        double[] gammas = new double[STEPS + 2];
        gammas[0] = gammaS / 2;
        for (int k = 0; k <= STEPS; k++) {
            gammas[k + 1] = 0.6 * gammaS + k * (1.25 * gammaC - 0.6 * gammaS) / STEPS;
        }
        List<Scenario> variants = new ArrayList<>();
        for (double g : gammas) {
            List<String> v = Lab.with(settings(budget), faults);
            v.add(String.format(Locale.ROOT, "population.segments[everyone].relationship_weight=%.6f", g));
            variants.add(lab.scenario(v));
        }
        RunRecord[][] runs = lab.run(variants, 1);
        double[] retention = new double[gammas.length];
        for (int k = 0; k < gammas.length; k++) {
            retention[k] = retention(runs[k][0]);
        }
        double[] grid = new double[STEPS * 4 + 1];
        double[] loyalBranch = new double[grid.length];
        double[] symmetricBranch = new double[grid.length];
        for (int k = 0; k < grid.length; k++) {
            grid[k] = gammas[0] + k * (gammas[gammas.length - 1] - gammas[0]) / (grid.length - 1);
            loyalBranch[k] = grid[k] >= gammaS ? loyalRetention(grid[k]) : Double.NaN;
            symmetricBranch[k] = grid[k] <= gammaC ? 0.5 : Double.NaN;
        }
        lab.figure(new Figure(id(), "Loyalty appears above a critical choice sensitivity", "relationship weight gamma "
                + "(choice sensitivity to the stock)", "share of purchases from the last seller", List.of(
                new Figure.Line("mean field: indifferent state (stable below gamma_c)", true, grid, symmetricBranch),
                new Figure.Line("mean field: loyal state (exists above gamma_s)", true, grid, loyalBranch),
                new Figure.Line(String.format(Locale.ROOT, "gamma_s = %.2f (loyal states appear)", gammaS), true,
                        new double[] {gammaS, gammaS}, new double[] {0.5, 1}),
                new Figure.Line(String.format(Locale.ROOT, "gamma_c = %.2f (indifference unstable)", gammaC), true,
                        new double[] {gammaC, gammaC}, new double[] {0.5, 1}),
                new Figure.Line("model", false, gammas, retention))));
        List<Result> out = new ArrayList<>();
        out.add(Result.within(id(), String.format(Locale.ROOT, "retention at gamma = %.2f (gamma_s / 2)", gammas[0]),
                "1/2: no loyal state", 0.5, retention[0], Double.NaN, Double.NaN, BELOW));
        double top = gammas[gammas.length - 1];
        out.add(Result.within(id(), String.format(Locale.ROOT, "retention at gamma = %.2f (1.25 gamma_c)", top),
                "P^2 + (1 - P)^2 in the loyal state", loyalRetention(top), retention[gammas.length - 1], Double.NaN,
                Double.NaN, ABOVE));
        double crossing = Double.NaN;
        for (int k = 2; k < gammas.length; k++) {
            if (retention[k - 1] < MIDPOINT && retention[k] >= MIDPOINT) {
                crossing = gammas[k - 1] + (gammas[k] - gammas[k - 1]) * (MIDPOINT - retention[k - 1])
                        / (retention[k] - retention[k - 1]);
                break;
            }
        }
        double low = (1 - GHOST) * gammaS;
        out.add(new Result(id(), String.format(Locale.ROOT, "gamma where retention passes %.2f (gamma_s = %.2f, "
                        + "gamma_c = %.2f)", MIDPOINT, gammaS, gammaC), "in the window [0.85 gamma_s, gamma_c] (expected: its midpoint)",
                (low + gammaC) / 2, crossing, Double.NaN, Double.NaN, (gammaC - low) / 2,
                crossing >= low && crossing <= gammaC));
        return out;
    }

    /** Share of purchases (by consumers with a last seller) that repeat it, over the summary window. */
    private static double retention(RunRecord run) {
        int to = run.ticksRecorded();
        double[][] w = run.window(to - WINDOW, to);
        double retained = 0;
        double chances = 0;
        for (int e = 0; e < 3; e++) {
            retained += w[e][Field.RETAINED.ordinal()];
            chances += w[e][Field.REPEAT_OPPORTUNITIES.ordinal()];
        }
        return retained / chances;
    }
}
