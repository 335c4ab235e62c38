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
 * One tick of the bench-reference workload, through the engine (the built-in scenario, no special
 * code path), through a plain struct-of-arrays loop doing the same work ({@link ReferenceLoop}) and through an
 * idiomatic MASON model of it ({@link MasonReference}: one Steppable per consumer on MASON's schedule):
 * random order, a purchase occasion with probability 0.25, logit choice over five fixed offers
 * and the outside option, the buyer's stock {@code L += 0.2 (1 - L)}, all stocks decaying 2%.
 * Ticks per second; decisions per second are ticks/s x consumers x 0.25. Compare the two in one
 * run: the machines here are shared and noisy.
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
    private ReferenceLoop plain;
    private MasonReference mason;

    @Setup(Level.Iteration)
    public void setUp() throws Exception {
        Scenario s = ScenarioLoader.load("bench-reference", List.of("population.size=" + consumers, "horizon=10000",
                "metrics.summary_window=1"));
        model = new MarketModel(s.config(), 1);
        model.start();
        plain = new ReferenceLoop(consumers, 1);
        mason = new MasonReference(consumers, 1);
        mason.start();
    }

    @Benchmark
    public int engineTick() {
        model.schedule.step(model);
        return model.ticksDone();
    }

    @Benchmark
    public long plainLoopTick() {
        return plain.tick();
    }

    @Benchmark
    public long masonModelTick() {
        return mason.tick();
    }
}
