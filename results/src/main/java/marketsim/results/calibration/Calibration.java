package marketsim.results.calibration;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import marketsim.core.config.MarketConfig;
import marketsim.scenario.ScenarioException;
import marketsim.scenario.input.Problem;
import org.apache.commons.math3.optim.ConvergenceChecker;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.Well19937c;
import marketsim.results.experiment.Summaries;
import marketsim.results.replication.Replicator;

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
    /**
     * Initial step size in normalised units: about a third of each range, so the first generations
     * sample the whole range (Hansen's tutorial: sigma0 = 0.3 (upper - lower)).
     */
    static final double INITIAL_SIGMA = 0.3;
    /**
     * Times a candidate outside [0, 1]^d is redrawn before it is clipped to the bounds: clipping
     * piles candidates on the bounds, and every repeat is a simulation spent learning nothing new.
     */
    static final int FEASIBLE_REDRAWS = 10;

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

    /**
     * One candidate evaluated: its number (1-based, in the order CMA-ES asked), its positions in
     * [0, 1]^d, its parameter values, its loss, and each target's outcome per replication.
     */
    public record Evaluation(int index, double[] point, double[] values, double loss, double[][] outcomes) {
        /** The mean of target {@code k}'s outcome across replications; NaN unless every replication has a value. */
        public double mean(int k) {
            return MomentObjective.mean(outcomes[k]);
        }
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
        return 4 + (int) Math.floor(3 * Math.log(dimension));
    }

    /**
     * Runs the calibration, replaying the evaluations {@code journal} holds and appending each new
     * one to it as soon as it is done. A loss too large for a number at every candidate is a
     * {@link TargetsException} at the targets responsible.
     */
    public static Result run(CalibrationSetup setup, CalibrationJournal journal, Simulator simulator, Listener listener)
            throws ScenarioException, TargetsException, InterruptedException, IOException {
        int dimension = setup.parameters().size();
        int lambda = populationSize(dimension);
        Replicator replicator = new Replicator("calibration replication", setup.threads());
        Search search = new Search(setup, journal, new MomentObjective(setup, simulator, replicator), listener);
        double[] sigma = new double[dimension];
        Arrays.fill(sigma, INITIAL_SIGMA);
        double[] lower = new double[dimension];
        double[] upper = new double[dimension];
        Arrays.fill(upper, 1);
        CMAESOptimizer optimizer = new CMAESOptimizer(Integer.MAX_VALUE, // the evaluation budget ends the search
                0, // no fitness threshold: PerfectFit stops at a loss of 0, the least there is
                true, 0, FEASIBLE_REDRAWS, new Well19937c(setup.optimizerSeed()), false, new PerfectFit());
        try {
            optimizer.optimize(new MaxEval(setup.maxEvaluations()), new ObjectiveFunction(search::evaluate),
                    GoalType.MINIMIZE, new InitialGuess(setup.startPoint()), new SimpleBounds(lower, upper),
                    new CMAESOptimizer.Sigma(sigma), new CMAESOptimizer.PopulationSize(lambda));
        } catch (Search.Failure f) {
            f.rethrow();
        }
        List<Evaluation> evaluations = search.evaluations;
        boolean met = evaluations.stream().anyMatch(e -> e.loss() <= 0);
        Result result = new Result(setup, List.copyOf(evaluations), search.replayed, lambda, met, journal.started(),
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

    /** The objective CMA-ES calls: replays the journal in order, then simulates and records. */
    private static final class Search {
        private final CalibrationSetup setup;
        private final CalibrationJournal journal;
        private final MomentObjective objective;
        private final Listener listener;
        private final List<Evaluation> evaluations = new ArrayList<>();
        /** Evaluations by position, so a candidate asked for twice (clipped to a bound) is simulated once. */
        private final Map<String, Evaluation> byPoint = new HashMap<>();
        private List<Evaluation> journaled;
        private int replayed;

        Search(CalibrationSetup setup, CalibrationJournal journal, MomentObjective objective, Listener listener) {
            this.setup = setup;
            this.journal = journal;
            this.objective = objective;
            this.listener = listener;
            this.journaled = journal.evaluations();
        }

        double evaluate(double[] point) {
            int index = evaluations.size() + 1;
            String key = CalibrationJournal.key(point);
            Evaluation e;
            boolean replay = index <= journaled.size()
                    && CalibrationJournal.key(journaled.get(index - 1).point()).equals(key);
            try {
                if (replay) {
                    e = journaled.get(index - 1);
                    replayed++;
                } else {
                    if (index <= journaled.size()) { // the journal went another way: it no longer applies from here
                        journal.truncate(index - 1);
                        journaled = journaled.subList(0, index - 1);
                    }
                    double[] values = setup.values(point);
                    Evaluation seen = byPoint.get(key);
                    double[][] outcomes = seen != null ? seen.outcomes() : objective.simulate(values);
                    e = new Evaluation(index, point.clone(), values,
                            MomentObjective.loss(setup.targets().targets(), outcomes), outcomes);
                    journal.append(e);
                }
            } catch (ScenarioException | InterruptedException | IOException ex) {
                throw new Failure(ex);
            }
            byPoint.putIfAbsent(key, e);
            evaluations.add(e);
            listener.evaluated(e, replay);
            return e.loss();
        }

        /** A checked failure carried through the optimizer, which only lets unchecked ones pass. */
        static final class Failure extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Failure(Exception cause) {
                super(cause);
            }

            void rethrow() throws ScenarioException, InterruptedException, IOException {
                Throwable c = getCause();
                if (c instanceof ScenarioException s) {
                    throw s;
                }
                if (c instanceof InterruptedException i) {
                    throw i;
                }
                throw (IOException) c;
            }
        }
    }

    /**
     * Stops the search when a generation's best loss is 0: every target met (each point exactly,
     * each range from inside), which no candidate can improve on.
     */
    private static final class PerfectFit implements ConvergenceChecker<PointValuePair> {
        @Override
        public boolean converged(int iteration, PointValuePair previous, PointValuePair current) {
            return current.getValue() <= 0;
        }
    }
}
