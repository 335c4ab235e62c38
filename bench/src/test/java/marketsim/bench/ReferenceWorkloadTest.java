package marketsim.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.function.LongFunction;

import marketsim.core.MarketModel;
import marketsim.core.metrics.Entity;
import marketsim.core.metrics.EntityType;
import marketsim.core.metrics.Field;
import marketsim.core.metrics.RunRecord;
import marketsim.core.random.Streams;
import marketsim.scenario.ScenarioException;
import marketsim.scenario.ScenarioLoader;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

/**
 * The built-in {@code bench-reference} scenario, run by the engine, is issue 11's reference
 * workload: the same work as {@link ReferenceLoop}, the baseline of the benchmark. Both are
 * checked against the closed-form logit expectation on the first tick, and against each other
 * on every tick after, while relationship stocks and switching costs build up.
 */
class ReferenceWorkloadTest {
    private static final long MASTER_SEED = 20261201;
    /** Outcomes per tick: the share of occasions that bought from each firm, then that bought nothing. */
    private static final int OUTCOMES = ReferenceLoop.FIRMS + 1;

    /**
     * Tick 0: no stocks and no last supplier yet, so a shopper's choice probabilities are the
     * logit of {@code -alpha p_j + beta q_j - t d(tau, x_j)} against the outside option's 0,
     * and the expected share of each outcome is their mean over {@code alpha} (Gauss-Hermite,
     * 64 points) and {@code tau} (midpoint rule, 4,000 points; error far below 1e-6).
     * Ten replications of 100,000 consumers give about 250,000 occasions, a binomial standard
     * error under 0.001 for each share; the tolerance is 4.5 standard errors, which chance
     * exceeds with probability 7e-6 per share, while a wrong sign or a missing term in the
     * utility moves a share by several. The occasions themselves are binomial(1,000,000, 0.25):
     * 250,000 within 4.5 standard errors (433 each).
     */
    @Test
    void firstTickSharesAreTheClosedFormLogit() {
        double[] expected = closedFormShares();
        int consumers = 100_000;
        int reps = 10;
        for (double[] measured : new double[][] {pooledFirstTick(engine(consumers, 1, reps)),
                                                 pooledFirstTick(loop(consumers, 1, reps))}) {
            double n = measured[OUTCOMES];
            double draws = (double) consumers * reps;
            double p = ReferenceLoop.PURCHASE_PROBABILITY;
            assertThat(n).as("occasions").isCloseTo(draws * p, offset(4.5 * Math.sqrt(draws * p * (1 - p))));
            for (int o = 0; o < OUTCOMES; o++) {
                double se = Math.sqrt(expected[o] * (1 - expected[o]) / n);
                assertThat(measured[o]).as("outcome %d of %d occasions", o, (long) n)
                        .isCloseTo(expected[o], offset(4.5 * se));
            }
        }
    }

    /**
     * Every tick after: with 20,000 consumers, 52 ticks and 16 replications of each, the share of
     * each outcome over each quarter (13 ticks) agrees between engine and loop within 4.5 standard
     * errors of the difference of the means (estimated across replications; 24 comparisons,
     * each exceeded by chance with probability about 1e-4 at 30 degrees of freedom).
     */
    @Test
    void everyQuarterMatchesTheReferenceLoop() {
        double[][][] engine = engine(20_000, 52, 16);
        assertThat(largestStandardizedGap(engine, loop(20_000, 52, 16, ReferenceLoop.GAMMA, ReferenceLoop.DECAY)))
                .isLessThan(4.5);
    }

    /**
     * The MASON model of the workload (one Steppable per consumer, {@link MasonReference}) against the loop, as the
     * engine is above: 20,000 consumers, 52 ticks, 16 replications each, every quarter's shares within 4.5 standard
     * errors; its first tick against the closed form as in {@link #firstTickSharesAreTheClosedFormLogit} (10
     * replications of 100,000 consumers).
     */
    @Test
    void theMasonModelDoesTheSameWork() {
        assertThat(largestStandardizedGap(mason(20_000, 52, 16),
                loop(20_000, 52, 16, ReferenceLoop.GAMMA, ReferenceLoop.DECAY))).isLessThan(4.5);
        double[] expected = closedFormShares();
        double[] measured = pooledFirstTick(mason(100_000, 1, 10));
        double n = measured[OUTCOMES];
        for (int o = 0; o < OUTCOMES; o++) {
            double se = Math.sqrt(expected[o] * (1 - expected[o]) / n);
            assertThat(measured[o]).as("outcome %d of %d occasions", o, (long) n).isCloseTo(expected[o],
                    offset(4.5 * se));
        }
    }

    /**
     * The comparison above has the power to see a small change in the loyalty mechanism: a
     * relationship weight of 2.5 instead of 3, or stocks decaying 3% a tick instead of 2%, puts
     * the loop far outside the tolerance.
     */
    @Test
    void theComparisonSeesASmallChangeInLoyalty() {
        double[][][] engine = engine(20_000, 52, 16);
        assertThat(largestStandardizedGap(engine, loop(20_000, 52, 16, 2.5, ReferenceLoop.DECAY))).isGreaterThan(10);
        assertThat(largestStandardizedGap(engine, loop(20_000, 52, 16, ReferenceLoop.GAMMA, 0.03))).isGreaterThan(10);
    }

    /** Largest |difference of means| / standard error over outcomes and quarters. */
    private static double largestStandardizedGap(double[][][] a, double[][][] b) {
        int ticks = a[0].length;
        int quarter = ticks / 4;
        double largest = 0;
        for (int from = 0; from + quarter <= ticks; from += quarter) {
            for (int o = 0; o < OUTCOMES; o++) {
                SummaryStatistics sa = windowShares(a, from, from + quarter, o);
                SummaryStatistics sb = windowShares(b, from, from + quarter, o);
                double se = Math.sqrt(sa.getVariance() / sa.getN() + sb.getVariance() / sb.getN());
                largest = Math.max(largest, Math.abs(sa.getMean() - sb.getMean()) / se);
            }
        }
        return largest;
    }

    /** Per replication, outcome {@code o}'s share of the occasions of ticks [from, to). */
    private static SummaryStatistics windowShares(double[][][] runs, int from, int to, int o) {
        SummaryStatistics s = new SummaryStatistics();
        for (double[][] run : runs) {
            double count = 0;
            double occasions = 0;
            for (int t = from; t < to; t++) {
                count += run[t][o];
                occasions += run[t][OUTCOMES];
            }
            s.addValue(count / occasions);
        }
        return s;
    }

    /** Tick 0 of all replications pooled: outcome shares, then the occasions. */
    private static double[] pooledFirstTick(double[][][] runs) {
        double[] pooled = new double[OUTCOMES + 1];
        for (double[][] run : runs) {
            for (int o = 0; o <= OUTCOMES; o++) {
                pooled[o] += run[0][o];
            }
        }
        for (int o = 0; o < OUTCOMES; o++) {
            pooled[o] /= pooled[OUTCOMES];
        }
        return pooled;
    }

    /** Counts per replication and tick: units of each firm, no-purchase occasions, then all occasions. */
    private static double[][][] engine(int consumers, int ticks, int reps) {
        return replications(reps, seed -> {
            RunRecord record;
            try {
                record = MarketModel.run(ScenarioLoader.load("bench-reference",
                        List.of("population.size=" + consumers, "population.market_size=" + consumers,
                                "horizon=" + ticks)).config(), seed); // weight 1: counts are the loop's counts
            } catch (ScenarioException e) {
                throw new AssertionError(e.getMessage(), e);
            }
            List<Entity> entities = record.entities();
            double[][] counts = new double[ticks][OUTCOMES + 1];
            for (int t = 0; t < ticks; t++) {
                double[][] vectors = record.entityVectors(t);
                for (int e = 0; e < entities.size(); e++) {
                    Entity entity = entities.get(e);
                    if (entity.type() == EntityType.FIRM) {
                        counts[t][Integer.parseInt(entity.name().substring(1)) - 1] = vectors[e][Field.UNITS.ordinal()];
                    } else if (entity.type() == EntityType.MARKET) {
                        counts[t][ReferenceLoop.FIRMS] = vectors[e][Field.OUTSIDE_CHOICES.ordinal()];
                        counts[t][OUTCOMES] = vectors[e][Field.OCCASIONS.ordinal()];
                    }
                }
            }
            return counts;
        });
    }

    private static double[][][] loop(int consumers, int ticks, int reps) {
        return loop(consumers, ticks, reps, ReferenceLoop.GAMMA, ReferenceLoop.DECAY);
    }

    /** As {@link #engine}, for the reference loop with relationship weight {@code gamma} and {@code decay}. */
    private static double[][][] loop(int consumers, int ticks, int reps, double gamma, double decay) {
        return replications(reps, seed -> {
            ReferenceLoop loop = new ReferenceLoop(consumers, seed, gamma, decay);
            double[][] counts = new double[ticks][OUTCOMES + 1];
            for (int t = 0; t < ticks; t++) {
                long bought = loop.tick();
                for (int j = 0; j < ReferenceLoop.FIRMS; j++) {
                    counts[t][j] = loop.units(j);
                }
                counts[t][ReferenceLoop.FIRMS] = loop.occasions() - bought;
                counts[t][OUTCOMES] = loop.occasions();
            }
            return counts;
        });
    }

    /** As {@link #engine}, for the MASON model. */
    private static double[][][] mason(int consumers, int ticks, int reps) {
        return replications(reps, seed -> {
            MasonReference model = new MasonReference(consumers, seed);
            model.start();
            double[][] counts = new double[ticks][OUTCOMES + 1];
            for (int t = 0; t < ticks; t++) {
                long bought = model.tick();
                for (int j = 0; j < ReferenceLoop.FIRMS; j++) {
                    counts[t][j] = model.units(j);
                }
                counts[t][ReferenceLoop.FIRMS] = model.occasions() - bought;
                counts[t][OUTCOMES] = model.occasions();
            }
            model.finish();
            return counts;
        });
    }

    private static double[][][] replications(int reps, LongFunction<double[][]> run) {
        double[][][] runs = new double[reps][][];
        for (int r = 0; r < reps; r++) {
            runs[r] = run.apply(Streams.replicationSeed(MASTER_SEED, r));
        }
        return runs;
    }

    /** The expected share of each outcome on tick 0 (see {@link #firstTickSharesAreTheClosedFormLogit}). */
    private static double[] closedFormShares() {
        GaussIntegrator hermite = new GaussIntegratorFactory().hermite(64);
        int tastes = 4000;
        double[] shares = new double[OUTCOMES];
        double[] weight = new double[ReferenceLoop.FIRMS];
        for (int a = 0; a < hermite.getNumberOfPoints(); a++) {
            // Gauss-Hermite integrates against exp(-x^2): z = sqrt(2) x is standard normal.
            double alpha = ReferenceLoop.MEDIAN_ALPHA * Math.exp(ReferenceLoop.SIGMA_ALPHA * Math.sqrt(2) * hermite.getPoint(a));
            double w = hermite.getWeight(a) / Math.sqrt(Math.PI) / tastes;
            for (int k = 0; k < tastes; k++) {
                double tau = (k + 0.5) / tastes;
                double total = 1;
                for (int j = 0; j < ReferenceLoop.FIRMS; j++) {
                    double d = Math.abs(tau - ReferenceLoop.POSITION[j]);
                    d = Math.min(d, 1 - d);
                    weight[j] = Math.exp(-alpha * ReferenceLoop.PRICE[j] + ReferenceLoop.BETA * ReferenceLoop.QUALITY[j]
                            - ReferenceLoop.MISMATCH * d);
                    total += weight[j];
                }
                for (int j = 0; j < ReferenceLoop.FIRMS; j++) {
                    shares[j] += w * weight[j] / total;
                }
                shares[ReferenceLoop.FIRMS] += w / total;
            }
        }
        return shares;
    }
}
