package marketsim.results.optimization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import marketsim.core.config.MarketConfig;
import marketsim.format.Estimate;
import marketsim.results.experiment.Outcome;
import marketsim.results.experiment.Summaries;
import marketsim.results.replication.Replicator;
import marketsim.results.search.Evaluation;
import marketsim.results.search.EvaluationJournal;
import marketsim.results.search.Search;
import marketsim.results.search.SearchParameter;
import marketsim.scenario.ScenarioException;

/**
 * Searches a scenario's levers for the values that do best on an objective ({@link OptimizationSetup}): a grid for
 * one lever, CMA-ES for several (the search calibration uses, {@link Search}), every candidate run on the same
 * replication seeds in the same uncertainty scenarios (common random numbers), so candidates differ by their levers,
 * never by their luck. The first evaluation is always the scenario as given, the start the best levers are compared
 * with in pairs. Each finished evaluation goes to the journal, so a killed optimization resumes where it stopped.
 */
public final class Optimization {
    /** Runs one replication: the model itself, or a stand-in (tests). */
    @FunctionalInterface
    public interface Simulator {
        Summaries.Run run(MarketConfig config, long seed);

        Simulator MODEL = Summaries::runOnce;
    }

    private Optimization() {
    }

    /** A finished optimization: every evaluation in order (the start first), how many were replayed, and how. */
    public record Result(OptimizationSetup setup, List<Evaluation> evaluations, int replayed, int populationSize,
                         Instant started, Instant finished) {
        /** The scenario as given, the start. */
        public Evaluation start() {
            return evaluations.get(0);
        }

        /** The candidates searched: every evaluation after the start. */
        public List<Evaluation> candidates() {
            return evaluations.subList(1, evaluations.size());
        }

        /** Each uncertainty scenario's best goodness among the candidates (the feasible ones, if any is). */
        public double[] bestPerScenario() {
            return new Scoring(setup).best(candidates(), null);
        }

        /** The score of an evaluation against the final bests (larger better). */
        public double score(Evaluation e) {
            return new Scoring(setup).score(e.outcomes(), bestPerScenario());
        }

        /** The constraints' violation of an evaluation (0: feasible). */
        public double violation(Evaluation e) {
            return new Scoring(setup).violation(e.outcomes());
        }

        /** The objective's mean across replications in each uncertainty scenario. */
        public double[] objectivePerScenario(Evaluation e) {
            return new Scoring(setup).objective(e);
        }

        /** Outcome {@code k}'s mean across replications in each uncertainty scenario. */
        public double[] outcomePerScenario(Evaluation e, int k) {
            return new Scoring(setup).scenarioMeans(e.outcomes()[k]);
        }

        /**
         * The chosen candidate: of the feasible, the highest score against the final bests; if none is feasible, the
         * least violation (the earliest of equals).
         */
        public Evaluation best() {
            Scoring scoring = new Scoring(setup);
            double[] best = bestPerScenario();
            Evaluation chosen = null;
            double chosenScore = Double.NaN;
            double chosenViolation = Double.NaN;
            for (Evaluation e : candidates()) {
                double v = scoring.violation(e.outcomes());
                double s = scoring.score(e.outcomes(), best);
                boolean better = chosen == null
                        || (v == 0 ? chosenViolation > 0 || s > chosenScore : chosenViolation > 0 && v < chosenViolation);
                if (better) {
                    chosen = e;
                    chosenScore = s;
                    chosenViolation = v;
                }
            }
            return chosen;
        }

        /** Whether the chosen candidate meets every constraint. */
        public boolean feasible() {
            return violation(best()) == 0;
        }

        /** Outcome {@code k} (0 the objective, 1 + c constraint c) across every run of an evaluation. */
        public Estimate estimate(Evaluation e, int k) {
            return Estimate.of(e.outcomes()[k]);
        }

        /** Outcome {@code k} of the best levers minus the start's, paired run by run, with its 95% interval. */
        public Estimate paired(int k) {
            double[] b = best().outcomes()[k];
            double[] a = start().outcomes()[k];
            double[] d = new double[b.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = b[i] - a[i];
            }
            return Estimate.of(d);
        }

        /** How the search went: a grid, or CMA-ES with its population. */
        public String method() {
            return setup.grid() ? "grid of " + candidates().size() + " values"
                    : "CMA-ES, " + populationSize + " candidates a generation";
        }
    }

    /**
     * Runs the optimization, replaying the evaluations {@code journal} holds and appending each new one to it as
     * soon as it is done.
     */
    public static Result run(OptimizationSetup setup, EvaluationJournal journal, Simulator simulator,
                             Search.Listener listener) throws ScenarioException, InterruptedException, IOException {
        Replicator replicator = new Replicator("optimization replication", setup.threads());
        Scoring scoring = new Scoring(setup);
        Search search = new Search(journal, new Search.Objective() {
            @Override
            public double[][] simulate(double[] values) throws ScenarioException, InterruptedException {
                return Optimization.simulate(setup, simulator, replicator, values);
            }

            @Override
            public double loss(double[][] outcomes, List<Evaluation> earlier) {
                return scoring.loss(outcomes, earlier.isEmpty() ? earlier : earlier.subList(1, earlier.size()));
            }
        }, listener);
        double[] current = setup.current();
        double[] startPoint = new double[current.length];
        for (int i = 0; i < current.length; i++) {
            startPoint[i] = setup.levers().get(i).position(current[i]);
        }
        search.evaluate(startPoint, current);
        int lambda = 0;
        if (setup.grid()) {
            for (double x : gridPositions(setup.levers().get(0), setup.question().gridPoints())) {
                double[] point = {x};
                search.evaluate(point, new double[] {gridValue(setup.levers().get(0).value(x))});
            }
        } else {
            lambda = search.cmaes(setup.startPoint(), setup.optimizerSeed(), setup.question().maxEvaluations() - 1,
                    setup::values, loss -> false);
        }
        return new Result(setup, search.evaluations(), search.replayed(), lambda, journal.started(), Instant.now());
    }

    /** The candidates of a one-lever grid (the start not counted). */
    public static int gridSize(OptimizationSetup setup) {
        return gridPositions(setup.levers().get(0), setup.question().gridPoints()).length;
    }

    /** Digits a grid value keeps: min + i (max - min) / (K - 1) as written, 0.8 rather than 0.7999999999999999. */
    private static final java.math.MathContext GRID_DIGITS = new java.math.MathContext(12);

    /** A grid value rounded to {@link #GRID_DIGITS} significant digits. */
    static double gridValue(double value) {
        return new java.math.BigDecimal(value).round(GRID_DIGITS).doubleValue();
    }

    /**
     * The positions of a one-lever grid: {@code points} evenly spaced from min to max, or each whole number of a
     * whole-number lever with no more than {@code points} of them.
     */
    static double[] gridPositions(SearchParameter lever, int points) {
        double wholes = lever.max() - lever.min() + 1;
        if (lever.integer() && wholes <= points) {
            double[] x = new double[(int) wholes];
            for (int i = 0; i < x.length; i++) {
                x[i] = lever.position(lever.min() + i);
            }
            return x;
        }
        double[] x = new double[points];
        for (int i = 0; i < points; i++) {
            x[i] = points == 1 ? 0.5 : (double) i / (points - 1);
        }
        return x;
    }

    /**
     * Every outcome per run, [outcome][scenario x replications + replication], at lever values {@code values}; a
     * combination the scenario rejects (each value in its range, not together) has no outcomes (NaN): infeasible.
     */
    static double[][] simulate(OptimizationSetup setup, Simulator simulator, Replicator replicator, double[] values)
            throws ScenarioException, InterruptedException {
        List<Outcome> outcomes = new ArrayList<>(List.of(setup.question().objective()));
        setup.question().constraints().forEach(c -> outcomes.add(c.outcome()));
        int reps = setup.replications();
        int scenarios = setup.draws().length;
        double[][] out = new double[outcomes.size()][scenarios * reps];
        MarketConfig[] configs = new MarketConfig[scenarios];
        try {
            for (int m = 0; m < scenarios; m++) {
                configs[m] = setup.config(values, m);
            }
        } catch (ScenarioException e) {
            for (double[] row : out) {
                java.util.Arrays.fill(row, Double.NaN);
            }
            return out;
        }
        long master = setup.masterSeed();
        try {
            replicator.run(scenarios * reps, job -> {
                Summaries.Run run = simulator.run(configs[job / reps], Replicator.seed(master, job % reps));
                double[] perOutcome = new double[outcomes.size()];
                for (int k = 0; k < perOutcome.length; k++) {
                    perOutcome[k] = run.value(outcomes.get(k));
                }
                return perOutcome;
            }, (job, perOutcome) -> {
                for (int k = 0; k < perOutcome.length; k++) {
                    out[k][job] = perOutcome[k];
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the sink writes nothing
        }
        return out;
    }
}
