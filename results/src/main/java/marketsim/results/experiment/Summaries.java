package marketsim.results.experiment;

import java.util.ArrayList;
import java.util.List;

import marketsim.core.MarketModel;
import marketsim.core.config.MarketConfig;
import marketsim.core.metrics.Entity;
import marketsim.core.metrics.EntityType;
import marketsim.core.metrics.Metric;
import marketsim.core.metrics.RunRecord;
import marketsim.results.replication.Replicator;

/**
 * Per replication and entity, every metric over the summary window (the last
 * {@code summary_window} ticks): flows summed, stocks at the last tick, ratios taken after.
 */
public final class Summaries {
    private final List<Entity> entities;
    /** values[rep][entity][metric]. */
    private final double[][][] values;
    /** The default outcomes' series, when the collector was asked for them; else null. */
    private final OutcomeSeries series;

    private Summaries(List<Entity> entities, double[][][] values, OutcomeSeries series) {
        this.entities = entities;
        this.values = values;
        this.series = series;
    }

    /**
     * Collects each replication's summary values as the records stream in (in replication order);
     * the records themselves are dropped.
     */
    public static final class Collector implements Replicator.Sink<RunRecord> {
        private final MarketConfig config;
        private final List<double[][]> values = new ArrayList<>();
        private List<Entity> entities;
        private OutcomeSeries series;

        public Collector(MarketConfig config) {
            this.config = config;
        }

        /** Also collects the default outcomes at every tick (a comparison's variants-timeseries.csv). */
        public Collector withSeries() {
            series = new OutcomeSeries();
            return this;
        }

        @Override
        public void accept(int rep, RunRecord record) {
            if (entities == null) {
                entities = record.entities();
            }
            values.add(summaryValues(config, record));
            if (series != null) {
                series.add(config, record);
            }
        }

        public Summaries summaries() {
            return new Summaries(entities, values.toArray(double[][][]::new), series);
        }
    }

    /**
     * One run's metric values [entity][metric] over the summary window: the last {@code summary_window} ticks it
     * ran (all of them, if a stop condition ended it sooner).
     */
    public static double[][] summaryValues(MarketConfig config, RunRecord record) {
        int to = record.ticksRecorded(); // the horizon, or the tick a stop condition ended the run
        return metricValues(record.entities(), record.window(Math.max(0, to - config.summaryWindow()), to),
                config.discountRatePerTick());
    }

    /**
     * Each of {@code outcomes} at every tick the run recorded [outcome][tick]: the metric of that tick alone (as
     * timeseries.csv has it). An outcome whose entity the run lacks is NaN throughout.
     */
    public static double[][] series(MarketConfig config, RunRecord record, List<Outcome> outcomes) {
        List<Entity> entities = record.entities();
        int[] entity = new int[outcomes.size()];
        for (int o = 0; o < outcomes.size(); o++) {
            try {
                entity[o] = outcomes.get(o).indexIn(entities);
            } catch (IllegalArgumentException e) {
                entity[o] = -1;
            }
        }
        double discount = config.discountRatePerTick();
        double[][] out = new double[outcomes.size()][record.ticksRecorded()];
        for (int t = 0; t < record.ticksRecorded(); t++) {
            double[][] vectors = record.entityVectors(t);
            double[] market = vectors[vectors.length - 1];
            for (int o = 0; o < outcomes.size(); o++) {
                out[o][t] = entity[o] < 0 ? Double.NaN : outcomes.get(o).metric()
                        .value(entities.get(entity[o]).type(), vectors[entity[o]], market, discount);
            }
        }
        return out;
    }

    /** Runs {@code config} once on {@code seed}: its entities and summary-window values [entity][metric]. */
    public static Run runOnce(MarketConfig config, long seed) {
        RunRecord record = MarketModel.run(config, seed);
        return new Run(record.entities(), summaryValues(config, record));
    }

    /** One run's entities and its summary-window metric values [entity][metric]. */
    public record Run(List<Entity> entities, double[][] values) {
        public double value(Outcome outcome) {
            return outcome.valueIn(entities, values);
        }
    }

    private static final Metric[] METRICS = Metric.values();

    /** Metric values [entity][metric] from aggregated field vectors [entity][field]. */
    public static double[][] metricValues(List<Entity> entities, double[][] vectors, double discountRate) {
        // row by row: a two-dimensional new array is made by the VM's runtime, not inline (most of a run's rows'
        // processor time went there, once per tick)
        double[][] out = new double[entities.size()][];
        for (int e = 0; e < entities.size(); e++) {
            out[e] = new double[METRICS.length];
        }
        return metricValuesInto(entities, vectors, discountRate, out);
    }

    /** As {@link #metricValues}, into {@code out} (a row of every metric per entity, overwritten). */
    public static double[][] metricValuesInto(List<Entity> entities, double[][] vectors, double discountRate,
                                              double[][] out) {
        double[] market = vectors[vectors.length - 1];
        for (int e = 0; e < entities.size(); e++) {
            EntityType type = entities.get(e).type();
            double[] values = out[e];
            for (Metric m : METRICS) {
                values[m.ordinal()] = m.value(type, vectors[e], market, discountRate);
            }
        }
        return out;
    }

    /** The default outcomes' series, or null if they were not collected. */
    public OutcomeSeries series() {
        return series;
    }

    public List<Entity> entities() {
        return entities;
    }

    public int replications() {
        return values.length;
    }

    /** Replication {@code rep}'s values [entity][metric]. */
    public double[][] values(int rep) {
        return values[rep];
    }

    public double value(int rep, int entity, Metric metric) {
        return values[rep][entity][metric.ordinal()];
    }

    /** Index of the entity with this type and name, or -1. */
    public int indexOf(EntityType type, String name) {
        return SummaryEstimates.indexOf(entities, type, name);
    }

    /** Mean and 95% CI of every metric of every entity across replications. */
    public SummaryEstimates estimates() {
        SummaryEstimates out = new SummaryEstimates(entities);
        for (double[][] rep : values) {
            out.add(rep);
        }
        return out;
    }
}
