package marketsim.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import marketsim.core.metrics.Entity;
import marketsim.core.metrics.RunRecord;
import marketsim.core.random.Streams;
import marketsim.scenario.Scenario;

/**
 * A full-factorial (grid) design of experiments: every combination of the varied parameters'
 * values is a design point, run for the same replications on the same seeds (common random
 * numbers across points, so differences between points are not replication noise). The run
 * list is deterministic (point-major, then replication), runs go to a thread pool, and each run
 * is reduced to its summary-window metrics at once, so memory does not grow with the run count.
 */
public final class Sweep {
    /** One varied parameter and its values, as given ({@code path=from:to:step} or {@code path=a,b,c}). */
    public record Factor(String path, List<String> values) {
    }

    /** A design point: its index, the value of each factor, and the scenario they give. */
    public record Point(int index, List<String> values, Scenario scenario) {
        public List<String> overrides(List<Factor> factors) {
            List<String> out = new ArrayList<>();
            for (int f = 0; f < factors.size(); f++) {
                out.add(factors.get(f).path() + "=" + values.get(f));
            }
            return out;
        }
    }

    /** Per point and replication, the summary metrics [entity][metric]; entities of each point. */
    public record Result(List<Factor> factors, List<Point> points, int replications, long masterSeed, int threads,
                         List<List<Entity>> entities, double[][][][] values, java.time.Instant started,
                         java.time.Instant finished) {
        public long seed(int rep) {
            return Streams.replicationSeed(masterSeed, rep);
        }
    }

    private Sweep() {
    }

    /** Parses {@code path=from:to:step} (inclusive, to 10 significant digits) or {@code path=a,b,c}. */
    public static Factor factor(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' must look like path=from:to:step or path=a,b,c");
        }
        String path = text.substring(0, eq).strip();
        String spec = text.substring(eq + 1).strip();
        List<String> values = new ArrayList<>();
        String[] range = spec.split(":");
        if (range.length == 3) {
            double from;
            double to;
            double step;
            try {
                from = Double.parseDouble(range[0]);
                to = Double.parseDouble(range[1]);
                step = Double.parseDouble(range[2]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + spec + "': from, to and step must be numbers");
            }
            if (!(step > 0) || to < from) {
                throw new IllegalArgumentException("'" + spec + "': step must be > 0 and to >= from");
            }
            long count = Math.round(Math.floor((to - from) / step + 1e-9)) + 1;
            if (count > 10_000) {
                throw new IllegalArgumentException("'" + spec + "' gives " + count + " values; at most 10000");
            }
            for (long k = 0; k < count; k++) {
                values.add(Csv.number(from + k * step));
            }
        } else if (range.length == 1) {
            for (String v : spec.split(",")) {
                if (!v.isBlank()) {
                    values.add(v.strip());
                }
            }
        } else {
            throw new IllegalArgumentException("'" + spec + "' must be from:to:step or a,b,c");
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' gives no values");
        }
        return new Factor(path, values);
    }

    /** The grid's value combinations, the first factor varying slowest. */
    public static List<List<String>> grid(List<Factor> factors) {
        List<List<String>> points = new ArrayList<>();
        points.add(List.of());
        for (Factor f : factors) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> p : points) {
                for (String v : f.values()) {
                    List<String> q = new ArrayList<>(p);
                    q.add(v);
                    next.add(q);
                }
            }
            points = next;
        }
        return points;
    }

    /** Runs every point's replications; {@code progress} hears of each finished run. */
    public static Result run(List<Factor> factors, List<Point> points, int replications, long masterSeed, int threads,
                             ExperimentRunner.Progress progress) throws InterruptedException {
        java.time.Instant started = java.time.Instant.now();
        int total = points.size() * replications;
        double[][][][] values = new double[points.size()][replications][][];
        List<List<Entity>> entities = new ArrayList<>();
        for (int p = 0; p < points.size(); p++) {
            entities.add(new RunRecord(points.get(p).scenario().config()).entities());
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, total)), r -> {
            Thread t = new Thread(r, "sweep");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int p = 0; p < points.size(); p++) {
                for (int r = 0; r < replications; r++) {
                    int point = p;
                    int rep = r;
                    futures.add(pool.submit(() -> {
                        var config = points.get(point).scenario().config();
                        values[point][rep] = Summaries.runOnce(config, Streams.replicationSeed(masterSeed, rep)).values();
                        progress.finished(done.incrementAndGet(), total);
                    }));
                }
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a run failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(factors, points, replications, masterSeed, threads, entities, values, started,
                java.time.Instant.now());
    }

    /** A short label of a point, e.g. "take_rate=0.25, subsidy=0.1". */
    public static String label(List<Factor> factors, Point point) {
        List<String> parts = new ArrayList<>();
        for (int f = 0; f < factors.size(); f++) {
            String path = factors.get(f).path();
            parts.add(String.format(Locale.ROOT, "%s=%s", path.substring(path.lastIndexOf('.') + 1), point.values().get(f)));
        }
        return String.join(", ", parts);
    }
}
