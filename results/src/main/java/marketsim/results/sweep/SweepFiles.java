package marketsim.results.sweep;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import marketsim.format.ResultFiles;
import marketsim.core.metrics.Entity;
import marketsim.core.metrics.EntityType;
import marketsim.core.metrics.Metric;
import marketsim.results.Csv;
import marketsim.results.experiment.Outcome;
import marketsim.format.Estimate;
import marketsim.results.replication.Moments;
import marketsim.results.replication.Replicator;
import org.apache.commons.csv.CSVPrinter;

/**
 * A whole sweep's {@code runs.csv} and {@code points.csv} (columns in docs/RESULTS.md), written as
 * the runs arrive in run order (point-major, then replication): each run's rows at once, and a
 * point's rows of means and intervals as soon as its last replication is in. Memory holds one
 * point's running estimates, however many runs the sweep has.
 */
final class SweepFiles implements Sweep.RunSink, Closeable {
    private static final int METRICS = Metric.values().length;

    private final SweepPlan plan;
    private final BufferedWriter runsFile;
    private final CSVPrinter runs;
    private final BufferedWriter pointsFile;
    private final CSVPrinter points;
    private final BufferedWriter seriesFile;
    private final CSVPrinter series;
    private final List<Outcome> outcomes;
    private final List<String> row = new ArrayList<>();
    /** The scenario's stop conditions as written (stop.when), which runs.csv's stopped_by names. */
    private final List<String> stopConditions;
    private Moments point;
    /** The point's outcomes at each tick across its replications so far: one cell per outcome, a Moments per tick. */
    private final List<Moments> pointSeries = new ArrayList<>();
    private boolean closed;

    SweepFiles(Path dir, SweepPlan plan) throws IOException {
        this.plan = plan;
        List<String> factors = plan.factors().stream().map(Factor::path).toList();
        List<String> runsHeader = new ArrayList<>(List.of("point", "replication", "seed"));
        runsHeader.addAll(factors);
        runsHeader.addAll(List.of("entity_type", "entity", "archetype"));
        for (Metric metric : Metric.values()) {
            runsHeader.add(metric.key());
        }
        runsHeader.addAll(List.of("ticks", "stopped_by"));
        stopConditions = conditions(plan.resolvedScenario());
        List<String> pointsHeader = new ArrayList<>(List.of("point"));
        pointsHeader.addAll(factors);
        pointsHeader.addAll(List.of("entity_type", "entity", "metric", "n", "mean", "sd", "ci_low", "ci_high"));
        List<String> seriesHeader = new ArrayList<>(List.of("point"));
        seriesHeader.addAll(factors);
        seriesHeader.addAll(List.of("entity_type", "entity", "metric", "unit", "tick", "n", "mean", "sd", "ci_low", "ci_high"));
        outcomes = Outcome.parseAll(plan.outcomes());
        runsFile = Files.newBufferedWriter(dir.resolve(ResultFiles.RUNS), StandardCharsets.UTF_8);
        BufferedWriter opened = null;
        BufferedWriter openedSeries = null;
        try {
            runs = Csv.printer(runsFile, runsHeader.toArray(String[]::new));
            opened = Files.newBufferedWriter(dir.resolve(ResultFiles.POINTS), StandardCharsets.UTF_8);
            points = Csv.printer(opened, pointsHeader.toArray(String[]::new));
            openedSeries = Files.newBufferedWriter(dir.resolve(ResultFiles.POINT_SERIES), StandardCharsets.UTF_8);
            series = Csv.printer(openedSeries, seriesHeader.toArray(String[]::new));
        } catch (IOException e) {
            // the folder is removed, and an open file would keep it on some systems
            try (runsFile; BufferedWriter p = opened; BufferedWriter q = openedSeries) {
                throw e;
            }
        }
        pointsFile = opened;
        seriesFile = openedSeries;
    }

    /** The scenario's stop.when conditions, as stops.csv writes them; empty without any. */
    static List<String> conditions(com.fasterxml.jackson.databind.JsonNode scenario) {
        List<String> out = new ArrayList<>();
        com.fasterxml.jackson.databind.JsonNode when = scenario == null ? null : scenario.path("stop").path("when");
        if (when != null && when.isTextual()) {
            out.add(when.asText().strip());
        } else if (when != null && when.isArray()) {
            when.forEach(c -> out.add(c.asText().strip()));
        }
        return out;
    }

    @Override
    public void accept(int run, double[][] values) throws IOException {
        int p = run / plan.replications();
        int r = run % plan.replications();
        List<Entity> entities = plan.entities(p);
        if (r == 0) {
            point = new Moments(entities.size() * METRICS);
            pointSeries.clear();
        }
        boolean stopRow = values.length > entities.size(); // with the series (Sweep.Model), else neither
        String ticksRun = stopRow ? Integer.toString((int) values[values.length - 1][0]) : "";
        int by = stopRow ? (int) values[values.length - 1][1] : -1;
        String stoppedBy = !stopRow ? "" : by < 0 ? "horizon" : by < stopConditions.size() ? stopConditions.get(by)
                : "condition " + (by + 1);
        for (int o = 0; o < outcomes.size() && entities.size() + o < values.length - 1; o++) {
            double[] ticks = values[entities.size() + o];
            for (int t = 0; t < ticks.length; t++) {
                if (t == pointSeries.size()) {
                    pointSeries.add(new Moments(outcomes.size()));
                }
                if (!Double.isNaN(ticks[t])) {
                    pointSeries.get(t).add(o, ticks[t]);
                }
            }
        }
        for (int e = 0; e < entities.size(); e++) {
            row.clear();
            row.add(Integer.toString(p + 1));
            row.add(Integer.toString(r + 1));
            row.add(Long.toString(Replicator.seed(plan.masterSeed(), r)));
            row.addAll(plan.points().get(p).values());
            Csv.addEntity(row, entities.get(e));
            for (int m = 0; m < METRICS; m++) {
                row.add(Csv.number(values[e][m]));
                point.add(e * METRICS + m, values[e][m]);
            }
            row.add(ticksRun);
            row.add(stoppedBy);
            runs.printRecord(row);
        }
        if (r == plan.replications() - 1) {
            writePoint(p, entities);
            writeSeries(p, entities);
        }
    }

    /** A point's rows of points-timeseries.csv: each outcome at each tick, across the point's replications. */
    /** A point's rows of points-timeseries.csv: ticks K, 2K, ... and its last (K: the plan's timeseriesEvery). */
    private void writeSeries(int p, List<Entity> entities) throws IOException {
        for (int o = 0; o < outcomes.size(); o++) {
            Outcome outcome = outcomes.get(o);
            Entity entity = entities.get(outcome.indexIn(entities));
            for (int t = 0; t < pointSeries.size(); t++) {
                Estimate est = pointSeries.get(t).estimate(o);
                boolean kept = (t + 1) % plan.timeseriesEvery() == 0 || t == pointSeries.size() - 1;
                if (est.n() == 0 || !kept) {
                    continue;
                }
                row.clear();
                row.add(Integer.toString(p + 1));
                row.addAll(plan.points().get(p).values());
                row.addAll(List.of(entity.type().key(), entity.name(), outcome.metric().key(), outcome.metric().unit(),
                        Integer.toString(t + 1),
                        Long.toString(est.n()), Csv.number(est.mean()), Csv.number(est.sd()), Csv.number(est.lower()),
                        Csv.number(est.upper())));
                series.printRecord(row);
            }
        }
    }

    /** A point's rows of points.csv: archetypes, platform, store and market; every metric that applies. */
    private void writePoint(int p, List<Entity> entities) throws IOException {
        for (int e = 0; e < entities.size(); e++) {
            Entity entity = entities.get(e);
            if (entity.type() == EntityType.FIRM || entity.type() == EntityType.POOL) {
                continue;
            }
            for (Metric metric : Metric.values()) {
                if (!metric.scope().includes(entity.type())) {
                    continue;
                }
                Estimate est = point.estimate(e * METRICS + metric.ordinal());
                row.clear();
                row.add(Integer.toString(p + 1));
                row.addAll(plan.points().get(p).values());
                row.addAll(List.of(entity.type().key(), entity.name(), metric.key(), Long.toString(est.n()),
                        Csv.number(est.mean()), Csv.number(est.sd()), Csv.number(est.lower()),
                        Csv.number(est.upper())));
                points.printRecord(row);
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (runsFile; runs; pointsFile; points; seriesFile; series) {
            runs.flush();
            points.flush();
            series.flush();
        }
    }
}
