package marketsim.results.validation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import marketsim.core.MarketModel;
import marketsim.core.metrics.RunRecord;
import marketsim.core.random.Streams;
import marketsim.scenario.Scenario;
import marketsim.scenario.ScenarioException;
import marketsim.scenario.ScenarioLoader;

/**
 * The validation laboratory (resource {@code marketsim/validation/lab.yaml}): the simplest market
 * in which theory answers in closed form, loaded through the normal scenario reader, and a pool
 * that runs its variants. Checks change it only by overrides, which the report prints; the
 * validation folder holds a copy (lab.yaml), so a check's market can be rerun by hand with
 * {@code marketsim run lab.yaml --set ...}.
 */
public final class Lab implements AutoCloseable {
    private static final String RESOURCE = "/marketsim/validation/lab.yaml";
    /** The master seed of every validation run: the report is reproducible. */
    static final long SEED = 2026;

    private final String text;
    private final ExecutorService pool;
    private final List<Figure> figures = new ArrayList<>();

    public Lab(int threads) {
        try (InputStream in = Lab.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            this.text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "validation");
            t.setDaemon(true);
            return t;
        });
    }

    /** The laboratory with these overrides (the check's settings, then any faults). */
    public Scenario scenario(List<String> overrides) throws ScenarioException {
        return ScenarioLoader.loadText("validation-lab", text, overrides);
    }

    /** Records a figure for the report (checks call it from the validation thread). */
    public void figure(Figure figure) {
        figures.add(figure);
    }

    /** The figures recorded so far, in order. */
    public List<Figure> figures() {
        return List.copyOf(figures);
    }

    /** The laboratory's YAML text. */
    public String text() {
        return text;
    }

    /** Seed of replication {@code rep}: the same for every variant of a check (common random numbers). */
    public static long seed(int rep) {
        return Streams.replicationSeed(SEED, rep);
    }

    /** Runs each scenario on each of {@code reps} replication seeds: result[scenario][rep]. */
    public RunRecord[][] run(List<Scenario> scenarios, int reps) throws InterruptedException {
        List<List<Future<RunRecord>>> futures = new ArrayList<>();
        for (Scenario s : scenarios) {
            List<Future<RunRecord>> row = new ArrayList<>();
            for (int r = 0; r < reps; r++) {
                long seed = seed(r);
                row.add(pool.submit(() -> MarketModel.run(s.config(), seed)));
            }
            futures.add(row);
        }
        RunRecord[][] out = new RunRecord[scenarios.size()][reps];
        for (int s = 0; s < out.length; s++) {
            for (int r = 0; r < reps; r++) {
                try {
                    out[s][r] = futures.get(s).get(r).get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a validation run failed: " + e.getCause(), e.getCause());
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
