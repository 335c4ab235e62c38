package marketsim.results.optimization;

import java.util.List;

import marketsim.results.search.Evaluation;

/**
 * What an evaluation's outcomes say about its candidate: outcome 0 is the objective, outcome {@code 1 + c}
 * constraint {@code c}, each per run, run {@code m R + r} replication r of uncertainty scenario m. A candidate is
 * feasible when every constraint holds in every scenario and the objective has a value in every run; feasible
 * candidates rank by their robustness score, infeasible ones after them by their violation (feasibility first:
 * Deb, "An efficient constraint handling method for genetic algorithms", 2000). As one loss for CMA-ES:
 * {@code -score} when feasible, {@code INFEASIBLE (1 + v / (1 + v))} when not, which puts every infeasible
 * candidate behind every feasible one whose score is within {@code 1e15} of 0 (any money a market of this size
 * makes) and orders the infeasible by their violation {@code v}.
 */
final class Scoring {
    /** The loss of the least infeasible candidate: beyond any feasible one's. */
    static final double INFEASIBLE = 1e15;

    private final OptimizationSetup setup;

    Scoring(OptimizationSetup setup) {
        this.setup = setup;
    }

    /** The objective's mean across replications in each uncertainty scenario. */
    double[] objective(Evaluation e) {
        return scenarioMeans(e.outcomes()[0]);
    }

    /** Each scenario's mean across its replications of per-run {@code values}. */
    double[] scenarioMeans(double[] values) {
        int reps = setup.replications();
        double[] means = new double[setup.draws().length];
        for (int m = 0; m < means.length; m++) {
            double sum = 0;
            for (int r = 0; r < reps; r++) {
                sum += values[m * reps + r];
            }
            means[m] = sum / reps;
        }
        return means;
    }

    /** The objective per scenario as goodness, larger better: negated when minimized. */
    double[] goodness(double[][] outcomes) {
        double[] g = scenarioMeans(outcomes[0]);
        if (setup.question().minimize()) {
            for (int m = 0; m < g.length; m++) {
                g[m] = -g[m];
            }
        }
        return g;
    }

    /** The constraints' violation, averaged over the scenarios, plus one bound's width for a missing objective. */
    double violation(double[][] outcomes) {
        double v = 0;
        List<Constraint> constraints = setup.question().constraints();
        for (int c = 0; c < constraints.size(); c++) {
            for (double mean : scenarioMeans(outcomes[1 + c])) {
                v += constraints.get(c).violation(mean);
            }
        }
        v /= setup.draws().length;
        for (double g : scenarioMeans(outcomes[0])) {
            if (Double.isNaN(g)) {
                return v + Constraint.MISSING_VIOLATION;
            }
        }
        return v;
    }

    /**
     * Each scenario's best goodness among {@code candidates} (and {@code also}, if not null): among the feasible
     * ones if any is, else among all.
     */
    double[] best(List<Evaluation> candidates, double[][] also) {
        double[] best = new double[setup.draws().length];
        java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
        boolean anyFeasible = (also != null && violation(also) == 0)
                || candidates.stream().anyMatch(e -> violation(e.outcomes()) == 0);
        for (Evaluation e : candidates) {
            improve(best, e.outcomes(), anyFeasible);
        }
        if (also != null) {
            improve(best, also, anyFeasible);
        }
        return best;
    }

    private void improve(double[] best, double[][] outcomes, boolean feasibleOnly) {
        if (feasibleOnly && violation(outcomes) > 0) {
            return;
        }
        double[] g = goodness(outcomes);
        for (int m = 0; m < best.length; m++) {
            if (g[m] > best[m]) {
                best[m] = g[m];
            }
        }
    }

    /** The robustness score of outcomes against each scenario's best goodness, larger better. */
    double score(double[][] outcomes, double[] best) {
        return setup.question().robustness().score(goodness(outcomes), best);
    }

    /** The loss CMA-ES minimizes, against the best among the candidates before it (and itself). */
    double loss(double[][] outcomes, List<Evaluation> earlierCandidates) {
        double v = violation(outcomes);
        if (v > 0) {
            return INFEASIBLE * (1 + v / (1 + v));
        }
        return -score(outcomes, best(earlierCandidates, outcomes));
    }
}
