package marketsim.results.sweep;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import marketsim.core.MarketModel;
import marketsim.core.config.MarketConfig;
import marketsim.core.metrics.RunRecord;
import marketsim.results.experiment.Summaries;

/**
 * Where a sweep's time goes outside the engine ({@code marketsim sweep --profile}): each run's model construction
 * (population, network), its ticks (the engine), the record's close after the last tick, and its reduction to the
 * summary-window values, summed over runs as the workers measure them; the scenario resolution of the design points
 * is timed by the caller. A run of the {@link #model profiled model} gives the same values as {@link Sweep#model}'s.
 */
public final class SweepProfile {
    private final LongAdder setup = new LongAdder();
    private final LongAdder engine = new LongAdder();
    private final LongAdder close = new LongAdder();
    private final LongAdder summaries = new LongAdder();
    private final LongAdder runs = new LongAdder();

    /** The sums so far, in nanoseconds of worker time, and the runs they are over. */
    public record Totals(long setup, long engine, long close, long summaries, long runs) {
        /** Worker time outside the engine. */
        public long outside() {
            return setup + close + summaries;
        }
    }

    /** {@link Sweep#model}, timing each run's parts into this profile. */
    public Sweep.Model model(SweepPlan.Prepared prepared) {
        List<MarketConfig> configs = prepared.configs();
        return (point, seed) -> {
            MarketConfig config = configs.get(point);
            long start = System.nanoTime();
            RunRecord record = MarketModel.run(config, seed);
            long ran = System.nanoTime();
            double[][] values = Summaries.summaryValues(config, record);
            long reduced = System.nanoTime();
            long ticks = 0;
            for (long phase : record.phaseNanos()) {
                ticks += phase;
            }
            setup.add(record.setupNanos());
            engine.add(ticks);
            close.add(Math.max(0, ran - start - record.setupNanos() - ticks));
            summaries.add(reduced - ran);
            runs.increment();
            return values;
        };
    }

    public Totals totals() {
        return new Totals(setup.sum(), engine.sum(), close.sum(), summaries.sum(), runs.sum());
    }
}
