package marketsim.results.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;
import java.util.function.UnaryOperator;

import marketsim.scenario.ScenarioException;
import org.apache.commons.math3.optim.ConvergenceChecker;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.Well19937c;

/**
 * A search over parameters normalised to [0, 1] each, evaluated through a journal: CMA-ES (Hansen 2016, "The CMA
 * Evolution Strategy: A Tutorial"; Commons Math's implementation), or candidates given in order (a grid). With
 * common random numbers a candidate's outcomes are a deterministic function of its values, and with the
 * optimizer's seed derived from the master seed the whole search is reproducible: the same inputs ask for the same
 * candidates in the same order. That is what makes resuming exact: evaluations found in the journal are replayed
 * instead of simulated, and the search continues as if it had never stopped.
 */
public final class Search {
    /**
     * Initial step size in normalised units: about a third of each range, so the first generations sample the whole
     * range (Hansen's tutorial: sigma0 = 0.3 (upper - lower)).
     */
    public static final double INITIAL_SIGMA = 0.3;
    /**
     * Times a candidate outside [0, 1]^d is redrawn before it is clipped to the bounds: clipping piles candidates on
     * the bounds, and every repeat is a simulation spent learning nothing new.
     */
    static final int FEASIBLE_REDRAWS = 10;

    /** What a candidate is worth: its outcomes per run, simulated, and the loss the search minimizes. */
    public interface Objective {
        /** Each outcome per run, [outcome][run], at the parameter values. */
        double[][] simulate(double[] values) throws ScenarioException, InterruptedException;

        /** The loss of these outcomes; {@code earlier} holds the evaluations before this one, in order. */
        double loss(double[][] outcomes, List<Evaluation> earlier);
    }

    /** Hears of each evaluation as it is recorded, replayed or simulated. */
    @FunctionalInterface
    public interface Listener {
        void evaluated(Evaluation evaluation, boolean replayed);

        Listener NONE = (evaluation, replayed) -> { };
    }

    private final EvaluationJournal journal;
    private final Objective objective;
    private final Listener listener;
    private final List<Evaluation> evaluations = new ArrayList<>();
    /** Evaluations by position, so a candidate asked for twice (clipped to a bound) is simulated once. */
    private final Map<String, Evaluation> byPoint = new HashMap<>();
    private List<Evaluation> journaled;
    private int replayed;

    public Search(EvaluationJournal journal, Objective objective, Listener listener) {
        this.journal = journal;
        this.objective = objective;
        this.listener = listener;
        this.journaled = journal.evaluations();
    }

    /** CMA-ES's default population size, {@code 4 + floor(3 ln d)} (Hansen's tutorial, table 1). */
    public static int populationSize(int dimension) {
        return 4 + (int) Math.floor(3 * Math.log(dimension));
    }

    /**
     * Evaluates the candidate at positions {@code point} with parameter values {@code values}: replayed from the
     * journal if it holds this candidate next, else simulated (once per position) and appended to it.
     */
    public Evaluation evaluate(double[] point, double[] values)
            throws ScenarioException, InterruptedException, IOException {
        int index = evaluations.size() + 1;
        String key = EvaluationJournal.key(point);
        Evaluation e;
        boolean replay = index <= journaled.size()
                && EvaluationJournal.key(journaled.get(index - 1).point()).equals(key);
        if (replay) {
            e = journaled.get(index - 1);
            replayed++;
        } else {
            if (index <= journaled.size()) { // the journal went another way: it no longer applies from here
                journal.truncate(index - 1);
                journaled = journaled.subList(0, index - 1);
            }
            Evaluation seen = byPoint.get(key);
            double[][] outcomes = seen != null ? seen.outcomes() : objective.simulate(values);
            e = new Evaluation(index, point.clone(), values.clone(), objective.loss(outcomes,
                    List.copyOf(evaluations)), outcomes);
            journal.append(e);
        }
        byPoint.putIfAbsent(key, e);
        evaluations.add(e);
        listener.evaluated(e, replay);
        return e;
    }

    /**
     * Runs CMA-ES from {@code start} for at most {@code maxEvaluations} candidates, each position turned into values
     * by {@code values}; stops early when a generation's best loss is {@code perfect} (none can improve on it).
     * Returns the population size it used.
     */
    public int cmaes(double[] start, long seed, int maxEvaluations, UnaryOperator<double[]> values,
                     DoublePredicate perfect) throws ScenarioException, InterruptedException, IOException {
        int dimension = start.length;
        int lambda = populationSize(dimension);
        double[] sigma = new double[dimension];
        Arrays.fill(sigma, INITIAL_SIGMA);
        double[] lower = new double[dimension];
        double[] upper = new double[dimension];
        Arrays.fill(upper, 1);
        CMAESOptimizer optimizer = new CMAESOptimizer(Integer.MAX_VALUE, // the evaluation budget ends the search
                0, // no fitness threshold: the checker decides what cannot be improved on
                true, 0, FEASIBLE_REDRAWS, new Well19937c(seed), false, new Perfect(perfect));
        try {
            optimizer.optimize(new MaxEval(maxEvaluations), new ObjectiveFunction(point -> {
                try {
                    return evaluate(point, values.apply(point)).loss();
                } catch (ScenarioException | InterruptedException | IOException ex) {
                    throw new Failure(ex);
                }
            }), GoalType.MINIMIZE, new InitialGuess(start), new SimpleBounds(lower, upper),
                    new CMAESOptimizer.Sigma(sigma), new CMAESOptimizer.PopulationSize(lambda));
        } catch (Failure f) {
            f.rethrow();
        }
        return lambda;
    }

    /** Every evaluation so far, in order. */
    public List<Evaluation> evaluations() {
        return List.copyOf(evaluations);
    }

    /** How many evaluations came from the journal. */
    public int replayed() {
        return replayed;
    }

    /** A checked failure carried through the optimizer, which only lets unchecked ones pass. */
    private static final class Failure extends RuntimeException {
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

    /** Stops the search when a generation's best loss is one nothing can improve on. */
    private record Perfect(DoublePredicate perfect) implements ConvergenceChecker<PointValuePair> {
        @Override
        public boolean converged(int iteration, PointValuePair previous, PointValuePair current) {
            return perfect.test(current.getValue());
        }
    }
}
