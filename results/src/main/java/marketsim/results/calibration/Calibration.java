package marketsim.results.calibration;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import marketsim.core.config.MarketConfig;
import marketsim.scenario.ScenarioException;
import marketsim.scenario.input.Problem;
import marketsim.results.experiment.Summaries;
import marketsim.results.replication.Replicator;
import marketsim.results.search.Evaluation;
import marketsim.results.search.Search;

/**
 * Fits a scenario's parameters to target moments by the method of simulated moments: CMA-ES
 * (Hansen 2016, "The CMA Evolution Strategy: A Tutorial"; Commons Math's implementation) searches
 * the parameters, normalised to [0, 1] each, for the least loss ({@link MomentObjective}), every
 * candidate simulated on the same replication seeds. With common random numbers the objective is
 * a deterministic function of the parameters, and with the optimizer's seed derived from the
 * master seed the whole search is reproducible: the same inputs ask for the same candidates in the
 * same order. That is what makes resuming exact: evaluations found in the journal are replayed
 * instead of simulated, and the run continues as if it had never stopped.
 */
public final class Calibration {
    /** CMA-ES's initial step size in normalised units ({@link Search#INITIAL_SIGMA}). */
    static final double INITIAL_SIGMA = Search.INITIAL_SIGMA;

    /** Runs one replication: the model itself, or a stand-in that counts calls (tests). */
    @FunctionalInterface
    public interface Simulator {
        Summaries.Run run(MarketConfig config, long seed);

        Simulator MODEL = Summaries::runOnce;
    }

    /** Hears of each evaluation as it is recorded, replayed or simulated. */
    @FunctionalInterface
    public interface Listener {
        void evaluated(Evaluation evaluation, boolean replayed);

        Listener NONE = (evaluation, replayed) -> { };
    }

    /** A finished calibration: every evaluation in order, how many were replayed, and how it stopped. */
    public record Result(CalibrationSetup setup, List<Evaluation> evaluations, int replayed, int populationSize,
                         boolean converged, Instant started, Instant finished) {
        /** Why the search stopped: every target met, the budget used, or CMA-ES converged short of the targets. */
        public String stopped() {
            return converged ? "every target met" : evaluations.size() >= setup.maxEvaluations()
                    ? "evaluation budget used" : "the search converged without meeting every target";
        }

        /** The evaluation with the least loss (the earliest of equals). */
        public Evaluation best() {
            Evaluation best = evaluations.get(0);
            for (Evaluation e : evaluations) {
                if (e.loss() < best.loss()) {
                    best = e;
                }
            }
            return best;
        }
    }

    private Calibration() {
    }

    /** CMA-ES's default population size, {@code 4 + floor(3 ln d)} (Hansen's tutorial, table 1). */
    public static int populationSize(int dimension) {
        return Search.populationSize(dimension);
    }

    /**
     * Runs the calibration, replaying the evaluations {@code journal} holds and appending each new
     * one to it as soon as it is done. A loss too large for a number at every candidate is a
     * {@link TargetsException} at the targets responsible. The search stops early when a candidate
     * meets every target (a loss of 0, the least there is).
     */
    public static Result run(CalibrationSetup setup, CalibrationJournal journal, Simulator simulator, Listener listener)
            throws ScenarioException, TargetsException, InterruptedException, IOException {
        Replicator replicator = new Replicator("calibration replication", setup.threads());
        MomentObjective moments = new MomentObjective(setup, simulator, replicator);
        List<Targets.Target> targets = setup.targets().targets();
        Search search = new Search(journal, new Search.Objective() {
            @Override
            public double[][] simulate(double[] values) throws ScenarioException, InterruptedException {
                return moments.simulate(values);
            }

            @Override
            public double loss(double[][] outcomes, List<Evaluation> earlier) {
                return MomentObjective.loss(targets, outcomes);
            }
        }, listener::evaluated);
        int lambda = search.cmaes(setup.startPoint(), setup.optimizerSeed(), setup.maxEvaluations(), setup::values,
                loss -> loss <= 0);
        List<Evaluation> evaluations = search.evaluations();
        boolean met = evaluations.stream().anyMatch(e -> e.loss() <= 0);
        Result result = new Result(setup, evaluations, search.replayed(), lambda, met, journal.started(),
                Instant.now());
        if (!Double.isFinite(result.best().loss())) {
            throw overflowed(setup, result.best());
        }
        return result;
    }

    /**
     * The targets whose misfit was too large for a number at the best candidate, so at every one:
     * the targets file checks what it can before anything runs ({@link TargetsReader}), but how far
     * the simulated outcomes land is known only now. A loss that is no number ranks nothing.
     */
    private static TargetsException overflowed(CalibrationSetup setup, Evaluation best) {
        List<Problem> problems = new ArrayList<>();
        List<Targets.Target> targets = setup.targets().targets();
        for (int k = 0; k < targets.size(); k++) {
            Targets.Target t = targets.get(k);
            double misfit = MomentObjective.misfit(t, best.outcomes()[k]);
            if (!Double.isFinite(misfit)) {
                double mean = best.mean(k);
                problems.add(new Problem("targets[" + k + "]", "the misfit, weight x (distance / scale)^2, overflowed "
                        + "(exceeded " + TargetsReader.LARGEST + ") at every candidate: " + t.outcome().label()
                        + " came out at " + TargetsReader.big(mean) + ", " + TargetsReader.big(t.distance(mean) / t.scale())
                        + " scales from the target; use a larger scale or a smaller weight", t.where()));
            }
        }
        if (problems.isEmpty()) { // each misfit finite, their sum not
            problems.add(new Problem("targets", "the targets' misfits together overflowed (exceeded "
                    + TargetsReader.LARGEST + ") at every candidate: use smaller weights or larger scales"));
        }
        return new TargetsException(setup.targets().file(), problems);
    }
}
