package marketsim.bench;

import java.util.List;
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
 * Ticks per second of the full model: {@code jeo-baseline} (every mechanism on) at 10,000 and
 * 100,000 consumers, and {@code platform-squeeze} with 10, 100 and 1,000 third-party sellers at
 * 20,000 consumers (the platform's cost per tick against its sellers). Run with
 * {@code -prof gc} for the allocation rate per tick.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScenarioBenchmark {
    /** A model stepped one tick per call, far from its horizon. */
    @State(Scope.Thread)
    public static class Baseline {
        @Param({"10000", "100000"})
        int consumers;
        /**
         * The market the consumers stand for: {@code scenario}, the scenario's (10,000 consumers: at 100,000 simulated
         * consumers each stands for a tenth of one, and marketing and education reach ten simulated consumers per
         * contact bought); {@code consumers}, a market of as many consumers as are simulated (weight 1, the workload
         * a run of that many consumers had before market sizes existed, issue 18).
         */
        @Param({"scenario"})
        String market;
        MarketModel model;

        @Setup(Level.Iteration)
        public void setUp() throws Exception {
            List<String> overrides = new java.util.ArrayList<>(List.of("population.size=" + consumers));
            if (market.equals("consumers")) {
                overrides.add("population.market_size=" + consumers);
            } else if (!market.equals("scenario")) {
                throw new IllegalArgumentException("market: scenario or consumers, got " + market);
            }
            model = start("jeo-baseline", overrides);
        }
    }

    @State(Scope.Thread)
    public static class Sellers {
        @Param({"10", "100", "1000"})
        int sellers;
        MarketModel model;

        @Setup(Level.Iteration)
        public void setUp() throws Exception {
            model = start("platform-squeeze", List.of("population.size=20000",
                    "seller_pools[sellers].count=" + sellers));
        }
    }

    static MarketModel start(String scenario, List<String> overrides) throws Exception {
        List<String> all = new java.util.ArrayList<>(overrides);
        all.add("horizon=10000");
        all.add("metrics.summary_window=1");
        Scenario s = ScenarioLoader.load(scenario, all);
        MarketModel model = new MarketModel(s.config(), 1);
        model.start();
        return model;
    }

    @Benchmark
    public int jeoBaselineTick(Baseline state) {
        state.model.schedule.step(state.model);
        return state.model.ticksDone();
    }

    @Benchmark
    public int platformTick(Sellers state) {
        state.model.schedule.step(state.model);
        return state.model.ticksDone();
    }
}
