package marketsim.results.calibration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import marketsim.core.config.MarketConfig;
import marketsim.scenario.ScenarioException;
import marketsim.results.experiment.Summaries;
import marketsim.results.replication.Replicator;

/**
 * The simulated side of the method of simulated moments: a candidate's replications, run on the
 * calibration's replication seeds (the same for every candidate) on a pool of workers, give each
 * target outcome's value per replication; the loss is {@code sum_k w_k (d_k / s_k)^2} over the
 * targets' means (see {@link Targets}). The replications run on a {@link Replicator}, which hands
 * them over in replication order, so neither the values nor the loss depend on the number of threads.
 */
public final class MomentObjective {
    /**
     * A target whose outcome lacks a value in some replication (a ratio with nothing to divide: fee
     * share where every seller has delisted, retention where nobody bought twice) counts as missed by
     * this many scales. A market that is not there in some runs must not be fitted on the runs where
     * it survives; the miss is far worse than any fit that produces the outcome, yet finite, so
     * CMA-ES can still rank the candidates.
     */
    static final double MISSING_DISTANCE_IN_SCALES = 1000;

    private final CalibrationSetup setup;
    private final Calibration.Simulator simulator;
    private final Replicator replicator;

    MomentObjective(CalibrationSetup setup, Calibration.Simulator simulator, Replicator replicator) {
        this.setup = setup;
        this.simulator = simulator;
        this.replicator = replicator;
    }

    /** Each target's outcome per replication, [target][replication], at the parameter values. */
    double[][] simulate(double[] values) throws ScenarioException, InterruptedException {
        List<Targets.Target> targets = setup.targets().targets();
        MarketConfig config;
        try {
            config = setup.candidate(values).config();
        } catch (ScenarioException e) {
            // A combination the scenario rejects (e.g. more sponsored slots than results), though
            // each value is in its range: infeasible, scored as every target missed.
            double[][] none = new double[targets.size()][setup.replications()];
            for (double[] row : none) {
                java.util.Arrays.fill(row, Double.NaN);
            }
            return none;
        }
        double[][] outcomes = new double[targets.size()][setup.replications()];
        long master = setup.masterSeed();
        try {
            replicator.run(setup.replications(), rep -> {
                Summaries.Run run = simulator.run(config, Replicator.seed(master, rep));
                double[] perTarget = new double[targets.size()];
                for (int k = 0; k < targets.size(); k++) {
                    perTarget[k] = run.value(targets.get(k).outcome());
                }
                return perTarget;
            }, (rep, perTarget) -> {
                for (int k = 0; k < perTarget.length; k++) {
                    outcomes[k][rep] = perTarget[k];
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the sink writes nothing
        }
        return outcomes;
    }

    /** The loss of outcomes [target][replication]: each target's misfit at its mean, summed in target order. */
    public static double loss(List<Targets.Target> targets, double[][] outcomes) {
        double loss = 0;
        for (int k = 0; k < targets.size(); k++) {
            loss += misfit(targets.get(k), outcomes[k]);
        }
        return loss;
    }

    /** One target's share of the loss, at the mean of its values across replications. */
    public static double misfit(Targets.Target target, double[] values) {
        double mean = mean(values);
        return Double.isNaN(mean) ? target.weight() * MISSING_DISTANCE_IN_SCALES * MISSING_DISTANCE_IN_SCALES
                : target.misfit(mean);
    }

    /** The mean across replications; NaN unless every replication has a value. */
    static double mean(double[] values) {
        return marketsim.results.search.Evaluation.mean(values);
    }
}
