package marketsim.results.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import marketsim.core.MarketModel;
import marketsim.core.metrics.RunRecord;
import marketsim.results.replication.Replicator;
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
public final class Lab {
    private static final String RESOURCE = "/marketsim/validation/lab.yaml";
    /** The master seed of every validation run: the report is reproducible. */
    static final long SEED = 2026;

    private final String text;
    private final Replicator replicator;
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
        this.replicator = new Replicator("validation run", Math.max(1, threads));
    }

    /** The laboratory with these overrides (the check's settings, then any faults). */
    public Scenario scenario(List<String> overrides) throws ScenarioException {
        return ScenarioLoader.loadText("validation-lab", text, overrides);
    }

    /** The laboratory with a check's settings, then the faults a test injects into the model's runs. */
    public Scenario scenario(List<String> settings, List<String> faults) throws ScenarioException {
        return scenario(with(settings, faults));
    }

    /** One run of the laboratory with these settings and faults, on the first replication seed. */
    public RunRecord runOnce(List<String> settings, List<String> faults) throws ScenarioException, InterruptedException {
        return run(List.of(scenario(settings, faults)), 1)[0][0];
    }

    /** {@code a} then {@code b}, as a list that can grow (a variant adds its own overrides). */
    static List<String> with(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
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

    /**
     * Runs each scenario on each of {@code reps} replication seeds, the same seeds for every
     * scenario (common random numbers between a check's variants): result[scenario][rep].
     */
    public RunRecord[][] run(List<Scenario> scenarios, int reps) throws InterruptedException {
        RunRecord[][] out = new RunRecord[scenarios.size()][reps];
        try {
            replicator.run(scenarios.size() * reps,
                    job -> MarketModel.run(scenarios.get(job / reps).config(), Replicator.seed(SEED, job % reps)),
                    (job, record) -> out[job / reps][job % reps] = record);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the sink writes nothing
        }
        return out;
    }
}
