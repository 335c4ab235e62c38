package marketsim.results.sweep;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import marketsim.core.MarketModel;
import marketsim.core.config.MarketConfig;
import marketsim.core.metrics.RunRecord;
import marketsim.results.experiment.Outcome;

/**
 * Where a sweep's processor time goes outside the engine ({@code marketsim sweep --profile}): each run's model
 * construction (population, network), its ticks (the engine), the record's close after the last tick, and its
 * reduction to the summary-window values, in processor time of the worker threads summed over runs (processor time,
 * not the clock: on a busy machine a thread's clock runs on while it waits for a core); the scenario resolution of
 * the design points is timed by the caller. A run of the {@link #model profiled model} gives the same values as
 * {@link Sweep#model}'s.
 */
public final class SweepProfile {
    private final LongAdder setup = new LongAdder();
    private final LongAdder engine = new LongAdder();
    private final LongAdder close = new LongAdder();
    private final LongAdder summaries = new LongAdder();
    private final LongAdder runs = new LongAdder();

    /** The sums so far, in nanoseconds of the workers' processor time, and the runs they are over. */
    public record Totals(long setup, long engine, long close, long summaries, long runs) {
        /** Worker time outside the engine. */
        public long outside() {
            return setup + close + summaries;
        }
    }

    /** {@link Sweep#model}, timing each run's parts into this profile. */
    public Sweep.Model model(SweepPlan.Prepared prepared) {
        List<MarketConfig> configs = prepared.configs();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Outcome> outcomes = Outcome.parseAll(prepared.plan().outcomes());
        return (point, seed) -> {
            MarketConfig config = configs.get(point);
            long start = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            RunRecord record = MarketModel.run(config, seed);
            long ran = System.nanoTime();
            long runCpu = threads.getCurrentThreadCpuTime() - cpu;
            cpu += runCpu;
            double[][] values = Sweep.values(config, record, outcomes); // as Sweep.model: the same files
            summaries.add(threads.getCurrentThreadCpuTime() - cpu);
            long ticks = 0;
            for (long phase : record.phaseNanos()) {
                ticks += phase;
            }
            // the engine times its setup and ticks by the clock: the run's processor time is split in their proportion
            double wall = Math.max(1, ran - start);
            long setupCpu = Math.round(runCpu * (record.setupNanos() / wall));
            long ticksCpu = Math.round(runCpu * (ticks / wall));
            setup.add(setupCpu);
            engine.add(ticksCpu);
            close.add(Math.max(0, runCpu - setupCpu - ticksCpu));
            runs.increment();
            return values;
        };
    }

    public Totals totals() {
        return new Totals(setup.sum(), engine.sum(), close.sum(), summaries.sum(), runs.sum());
    }
}
