package marketsim.results.sweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import marketsim.results.experiment.Outcome;

/**
 * Each design point's mean across replications of the outcomes a sweep analyses (its
 * {@code --outcome}s and those its {@code --discover} condition names), folded in as the runs
 * arrive in run order: the values of a point's replications summed in replication order, NaN
 * left out, then divided by their count. What the analyses and the terminal need, in
 * (outcomes x points) numbers, however many replications there are.
 */
public final class PointMeans {
    private final SweepPlan plan;
    private final List<Outcome> outcomes;
    /** [outcome][entity set]: the outcome's entity index in that set. */
    private final int[][] entity;
    private final double[][] sums;
    private final int[][] counts;
    /** [outcome][point]: the spread across replications, for the 95% interval the terminal prints. */
    private final marketsim.results.replication.Moments[] moments;

    public PointMeans(SweepPlan plan) {
        this.plan = plan;
        Set<Outcome> tracked = new LinkedHashSet<>(Outcome.parseAll(plan.outcomes()));
        if (plan.condition() != null) {
            tracked.addAll(Condition.parse(plan.condition()).outcomes());
        }
        outcomes = new ArrayList<>(tracked);
        entity = new int[outcomes.size()][plan.entitySets().size()];
        for (int o = 0; o < outcomes.size(); o++) {
            for (int s = 0; s < plan.entitySets().size(); s++) {
                entity[o][s] = outcomes.get(o).indexIn(plan.entitySets().get(s));
            }
        }
        sums = new double[outcomes.size()][plan.points().size()];
        counts = new int[outcomes.size()][plan.points().size()];
        moments = new marketsim.results.replication.Moments[outcomes.size()];
        for (int o = 0; o < outcomes.size(); o++) {
            moments[o] = new marketsim.results.replication.Moments(plan.points().size());
        }
    }

    /** Adds run {@code run}'s values [entity][metric]; runs of a point must come in replication order. */
    public void add(int run, double[][] values) {
        int point = run / plan.replications();
        int set = plan.points().get(point).entitySet();
        for (int o = 0; o < outcomes.size(); o++) {
            double v = values[entity[o][set]][outcomes.get(o).metric().ordinal()];
            if (!Double.isNaN(v)) {
                sums[o][point] += v;
                counts[o][point]++;
                moments[o].add(point, v);
            }
        }
    }

    /** Each point's 95% t interval half-width of {@code outcome} across its replications (NaN with fewer than 2). */
    public double[] halfWidths(Outcome outcome) {
        int o = outcomes.indexOf(outcome);
        if (o < 0) {
            throw new IllegalArgumentException("'" + outcome.label() + "' is not an outcome of this sweep");
        }
        double[] out = new double[sums[o].length];
        for (int p = 0; p < out.length; p++) {
            out[p] = moments[o].estimate(p).halfWidth();
        }
        return out;
    }

    /** Each point's mean of {@code outcome} (NaN where no replication has a value). */
    public double[] of(Outcome outcome) {
        int o = outcomes.indexOf(outcome);
        if (o < 0) {
            throw new IllegalArgumentException("'" + outcome.label() + "' is not an outcome of this sweep");
        }
        double[] out = new double[sums[o].length];
        for (int p = 0; p < out.length; p++) {
            out[p] = counts[o][p] > 0 ? sums[o][p] / counts[o][p] : Double.NaN;
        }
        return out;
    }
}
