package marketsim.results.sweep;

import java.util.ArrayList;
import java.util.List;

import marketsim.results.sensitivity.MorrisAnalysis;
import marketsim.results.sensitivity.MorrisIndex;
import marketsim.results.sensitivity.Prim;
import marketsim.results.sensitivity.SobolAnalysis;
import marketsim.results.sensitivity.SobolIndex;
import marketsim.results.experiment.Outcome;

/**
 * What a sweep's design lets us say about its outcomes, computed from each point's mean across
 * replications: Sobol indices (design sobol), Morris elementary effects (design morris), and the
 * box of parameter values where a condition mostly holds (PRIM, any design, with --discover).
 * Pure functions of the plan and the run values, so a merged sweep gives the same analyses.
 */
public final class SweepAnalysis {
    /** Bootstrap resamples behind every interval: enough for stable 95% percentile bounds. */
    public static final int BOOTSTRAP_RESAMPLES = 1000;
    /** Confidence level of the sensitivity intervals. */
    public static final double CONFIDENCE = 0.95;
    /** PRIM: share of the remaining points peeled off per step (the EMA Workbench's default). */
    public static final double PEEL_ALPHA = 0.05;
    /** PRIM: peeling stops below this share of all points in the box. */
    public static final double MIN_MASS = 0.05;
    /** PRIM: the chosen box is the one with the most coverage among those at least this dense. */
    public static final double DENSITY_THRESHOLD = 0.8;

    /** One outcome's indices: Sobol or Morris per factor (the other list empty), or why there are none. */
    public record Sensitivity(Outcome outcome, List<SobolIndex> sobol, List<MorrisIndex> morris, String missing) {
    }

    /**
     * The discovery: the condition, which points satisfy it, and PRIM's peeling trajectory and
     * choice (null when it holds nowhere: there is no box to find).
     */
    public record Discovery(Condition condition, boolean[] holds, Prim.Result prim, double[][] x) {
        public int count() {
            int n = 0;
            for (boolean b : holds) {
                n += b ? 1 : 0;
            }
            return n;
        }
    }

    /** Everything the design lets us say, computed once for the files and the terminal. */
    /** The runs are done but the design's analysis cannot be made of them (the message says why). */
    public static final class Failed extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Failed(IllegalArgumentException cause) {
            super(cause.getMessage(), cause);
        }
    }

    public record Analyses(List<Sensitivity> sensitivity, Discovery discovery) {
    }

    private SweepAnalysis() {
    }

    /** The sensitivity indices and the discovery of a sweep (either may be empty or null). */
    public static Analyses of(Sweep.Result r) {
        return new Analyses(sensitivity(r), discovery(r));
    }

    /** Each point's mean of {@code outcome} across replications (NaN replications skipped). */
    public static double[] means(Sweep.Result r, Outcome outcome) {
        return r.means().of(outcome);
    }

    /** Sensitivity indices of every outcome of the plan (empty for grid and lhs designs). */
    public static List<Sensitivity> sensitivity(Sweep.Result r) {
        SweepPlan plan = r.plan();
        List<Sensitivity> out = new ArrayList<>();
        if (plan.design() != Design.SOBOL && plan.design() != Design.MORRIS) {
            return out;
        }
        int k = plan.factors().size();
        for (Outcome outcome : Outcome.parseAll(plan.outcomes())) {
            double[] y = means(r, outcome);
            String missing = missing(y);
            if (missing != null) {
                out.add(new Sensitivity(outcome, List.of(), List.of(), missing));
            } else if (plan.design() == Design.SOBOL) {
                out.add(new Sensitivity(outcome, SobolAnalysis.analyze(y, plan.samples(), k, BOOTSTRAP_RESAMPLES,
                        CONFIDENCE, plan.bootstrapSeed()), List.of(), null));
            } else {
                out.add(new Sensitivity(outcome, List.of(), MorrisAnalysis.analyze(unit(plan), y, plan.samples(), k,
                        BOOTSTRAP_RESAMPLES, CONFIDENCE, plan.bootstrapSeed()), null));
            }
        }
        return out;
    }

    /** Why indices cannot be computed from these values, or null if they can. */
    private static String missing(double[] y) {
        int nan = 0;
        for (double v : y) {
            nan += Double.isFinite(v) ? 0 : 1;
        }
        if (nan > 0) {
            return "no finite value at " + nan + " of " + y.length + " points (e.g. no sales to take a ratio of)";
        }
        double first = y[0];
        for (double v : y) {
            if (v != first) {
                return null;
            }
        }
        return "the same value at every point";
    }

    /** PRIM on the points where the plan's condition holds, or null if the plan has no condition. */
    public static Discovery discovery(Sweep.Result r) {
        SweepPlan plan = r.plan();
        if (plan.condition() == null) {
            return null;
        }
        Condition condition = Condition.parse(plan.condition());
        List<Outcome> outcomes = condition.outcomes();
        List<double[]> means = new ArrayList<>();
        for (Outcome o : outcomes) {
            means.add(means(r, o));
        }
        int n = plan.points().size();
        boolean[] holds = new boolean[n];
        for (int p = 0; p < n; p++) {
            int point = p;
            holds[p] = condition.holds(o -> means.get(outcomes.indexOf(o))[point]);
        }
        double[][] x = factorValues(plan);
        boolean any = false;
        for (boolean h : holds) {
            any |= h;
        }
        return new Discovery(condition, holds, any && n >= 2
                ? Prim.find(x, holds, PEEL_ALPHA, MIN_MASS, DENSITY_THRESHOLD) : null, x);
    }

    /** Each point's factor values as numbers: the value itself, or the level's index for a named level. */
    public static double[][] factorValues(SweepPlan plan) {
        double[][] x = new double[plan.points().size()][plan.factors().size()];
        for (int p = 0; p < x.length; p++) {
            for (int f = 0; f < x[p].length; f++) {
                Factor factor = plan.factors().get(f);
                String v = plan.points().get(p).values().get(f);
                x[p][f] = numeric(factor) ? Double.parseDouble(v) : factor.levels().indexOf(v);
            }
        }
        return x;
    }

    /** Whether every value of the factor is a number. */
    public static boolean numeric(Factor factor) {
        if (factor.continuous()) {
            return true;
        }
        for (String level : factor.levels()) {
            try {
                Double.parseDouble(level);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    private static double[][] unit(SweepPlan plan) {
        double[][] x = new double[plan.points().size()][];
        for (int p = 0; p < x.length; p++) {
            x[p] = plan.points().get(p).unit();
        }
        return x;
    }
}
