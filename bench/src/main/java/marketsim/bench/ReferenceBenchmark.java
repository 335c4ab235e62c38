package marketsim.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import marketsim.core.MarketModel;
import marketsim.scenario.Scenario;
import marketsim.scenario.ScenarioLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One tick of the bench-reference workload, through the engine (the built-in scenario, no special
 * code path) and through a plain struct-of-arrays loop doing the same work: random order, a
 * purchase occasion with probability 0.25, logit choice over five fixed offers and the outside
 * option, the buyer's stock {@code L += 0.2 (1 - L)}, all stocks decaying 2%. Ticks per second;
 * decisions per second are ticks/s x consumers x 0.25. Compare the two in one run: the machines
 * here are shared and noisy.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReferenceBenchmark {
    @Param({"10000", "100000", "1000000"})
    int consumers;

    private MarketModel model;
    private PlainLoop plain;

    @Setup(Level.Iteration)
    public void setUp() throws Exception {
        Scenario s = ScenarioLoader.load("bench-reference", List.of("population.size=" + consumers, "horizon=10000",
                "metrics.summary_window=1"));
        model = new MarketModel(s.config(), 1);
        model.start();
        plain = new PlainLoop(consumers, 1);
    }

    @Benchmark
    public int engineTick() {
        model.schedule.step(model);
        return model.ticksDone();
    }

    @Benchmark
    public double plainLoopTick() {
        return plain.tick();
    }

    /** The same workload as a plain loop over primitive arrays: the baseline. */
    static final class PlainLoop {
        private static final double[] PRICE = {10, 11, 12, 16, 20};
        private static final double[] QUALITY = {0.4, 0.5, 0.6, 0.9, 1.0};
        private static final double[] POSITION = {0.0, 0.2, 0.4, 0.6, 0.8};
        private final SplittableRandom random;
        private final double[] alpha;
        private final double[] taste;
        private final int[] last;
        private final float[] stock;
        private final int[] order;
        private final double[] weight = new double[5];

        PlainLoop(int n, long seed) {
            random = new SplittableRandom(seed);
            alpha = new double[n];
            taste = new double[n];
            last = new int[n];
            stock = new float[n * 5];
            order = new int[n];
            for (int i = 0; i < n; i++) {
                alpha[i] = 0.3 * Math.exp(0.3 * gaussian());
                taste[i] = random.nextDouble();
                last[i] = -1;
                order[i] = i;
            }
        }

        private double gaussian() {
            return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
        }

        double tick() {
            int n = alpha.length;
            for (int k = n - 1; k > 0; k--) {
                int r = random.nextInt(k + 1);
                int t = order[k];
                order[k] = order[r];
                order[r] = t;
            }
            double bought = 0;
            for (int k = 0; k < n; k++) {
                int i = order[k];
                if (random.nextDouble() >= 0.25) {
                    continue;
                }
                double total = 1; // exp(0), the outside option
                for (int j = 0; j < 5; j++) {
                    double d = Math.abs(taste[i] - POSITION[j]);
                    d = Math.min(d, 1 - d);
                    double u = -alpha[i] * PRICE[j] + 4 * QUALITY[j] - 2 * d + 3 * stock[i * 5 + j]
                            - (last[i] >= 0 && last[i] != j ? 0.5 : 0);
                    weight[j] = Math.exp(u);
                    total += weight[j];
                }
                double draw = random.nextDouble() * total - 1;
                if (draw < 0) {
                    continue;
                }
                int chosen = 4;
                for (int j = 0; j < 5; j++) {
                    draw -= weight[j];
                    if (draw < 0) {
                        chosen = j;
                        break;
                    }
                }
                stock[i * 5 + chosen] += 0.2f * (1 - stock[i * 5 + chosen]);
                last[i] = chosen;
                bought++;
            }
            for (int s = 0; s < stock.length; s++) {
                stock[s] *= 0.98f;
            }
            return bought;
        }
    }
}
