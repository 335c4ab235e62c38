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
    private final List<String> row = new ArrayList<>();
    private Moments point;
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
        List<String> pointsHeader = new ArrayList<>(List.of("point"));
        pointsHeader.addAll(factors);
        pointsHeader.addAll(List.of("entity_type", "entity", "metric", "n", "mean", "sd", "ci_low", "ci_high"));
        runsFile = Files.newBufferedWriter(dir.resolve(ResultFiles.RUNS), StandardCharsets.UTF_8);
        try {
            runs = Csv.printer(runsFile, runsHeader.toArray(String[]::new));
            pointsFile = Files.newBufferedWriter(dir.resolve(ResultFiles.POINTS), StandardCharsets.UTF_8);
            points = Csv.printer(pointsFile, pointsHeader.toArray(String[]::new));
        } catch (IOException e) {
            runsFile.close(); // the folder is removed, and an open file would keep it on some systems
            throw e;
        }
    }

    @Override
    public void accept(int run, double[][] values) throws IOException {
        int p = run / plan.replications();
        int r = run % plan.replications();
        List<Entity> entities = plan.entities(p);
        if (r == 0) {
            point = new Moments(entities.size() * METRICS);
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
            runs.printRecord(row);
        }
        if (r == plan.replications() - 1) {
            writePoint(p, entities);
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
        try (runsFile; runs; pointsFile; points) {
            runs.flush();
            points.flush();
        }
    }
}
