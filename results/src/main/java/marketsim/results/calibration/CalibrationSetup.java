package marketsim.results.calibration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import marketsim.results.Provenance;
import marketsim.core.metrics.Entity;
import marketsim.core.metrics.RunRecord;
import marketsim.scenario.input.Problem;
import marketsim.scenario.Scenario;
import marketsim.scenario.ScenarioDocument;
import marketsim.scenario.ScenarioException;
import marketsim.scenario.ScenarioLoader;
import marketsim.results.Csv;
import marketsim.results.search.SearchParameter;

/**
 * A calibration ready to run: the base scenario (with its {@code --set} overrides), the targets
 * checked against it (each outcome exists there; the scenario accepts every parameter at both
 * ends of its range), each parameter's kind and start, and the replication seeds every candidate
 * shares (common random numbers: candidates differ by their parameters only, never by their luck).
 */
public final class CalibrationSetup {
    private final String scenario;
    private final ScenarioDocument document;
    private final List<String> overrides;
    private final Scenario base;
    private final Targets targets;
    private final List<SearchParameter> parameters;
    private final int replications;
    private final long masterSeed;
    private final int maxEvaluations;
    private final int threads;

    private CalibrationSetup(String scenario, ScenarioDocument document, List<String> overrides, Scenario base,
                             Targets targets,
                             List<SearchParameter> parameters, int replications, long masterSeed, int maxEvaluations,
                             int threads) {
        this.scenario = scenario;
        this.document = document;
        this.overrides = List.copyOf(overrides);
        this.base = base;
        this.targets = targets;
        this.parameters = List.copyOf(parameters);
        this.replications = replications;
        this.masterSeed = masterSeed;
        this.maxEvaluations = maxEvaluations;
        this.threads = threads;
    }

    /**
     * Loads {@code scenario} with {@code overrides} and checks {@code targets} against it: every
     * problem is reported at once, at its line in the targets file. The scenario file is read and
     * parsed here, once; the probes and every candidate are read from that document.
     */
    public static CalibrationSetup prepare(String scenario, List<String> overrides, Targets targets, int replications,
                                           long masterSeed, int maxEvaluations, int threads)
            throws ScenarioException, TargetsException {
        ScenarioDocument document = ScenarioLoader.document(scenario);
        Scenario base = document.read(overrides);
        List<Problem> problems = new ArrayList<>();
        List<Entity> entities = new RunRecord(base.config()).entities();
        for (int k = 0; k < targets.targets().size(); k++) {
            Targets.Target t = targets.targets().get(k);
            try {
                t.outcome().indexIn(entities);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("targets[" + k + "].outcome", e.getMessage(), t.where()));
            }
        }
        List<SearchParameter> parameters = new ArrayList<>();
        for (int i = 0; i < targets.parameters().size(); i++) {
            SearchParameter p = resolve(document, overrides, base, targets.parameters().get(i), i, problems);
            if (p != null) {
                parameters.add(p);
            }
        }
        if (!problems.isEmpty()) {
            throw new TargetsException(targets.file(), problems);
        }
        return new CalibrationSetup(scenario, document, overrides, base, targets, parameters, replications, masterSeed,
                maxEvaluations, threads);
    }

    /** Checks the scenario takes the parameter at both ends, finds whether it is whole, and its start. */
    private static SearchParameter resolve(ScenarioDocument document, List<String> overrides, Scenario base,
                                           Targets.Parameter p, int index, List<Problem> problems) {
        String name = "parameters[" + index + "]";
        SearchParameter.Refusal refusal = SearchParameter.refusal(document, overrides, p.path(), p.min(), p.max());
        if (refusal == null) {
            return SearchParameter.resolve(document, overrides, base, p.path(), p.min(), p.max());
        }
        if (refusal.atMin() != null) {
            problems.add(new Problem(name + ".min", "the scenario rejects " + p.path() + "=" + Csv.number(p.min()) + ": "
                    + refusal.atMin(), p.at("min")));
        }
        if (refusal.atMax() != null && !refusal.atMax().equals(refusal.atMin())) {
            problems.add(new Problem(name + ".max", "the scenario rejects " + p.path() + "=" + Csv.number(p.max()) + ": "
                    + refusal.atMax(), p.at("max")));
        }
        return null;
    }

    /** The scenario at a candidate's parameter values, read from the document parsed once. */
    public Scenario candidate(double[] values) throws ScenarioException {
        return document.read(overrides(values));
    }

    /** The base overrides followed by {@code path=value} for each fitted parameter. */
    public List<String> overrides(double[] values) {
        List<String> all = new ArrayList<>(overrides);
        for (int i = 0; i < parameters.size(); i++) {
            all.add(parameters.get(i).path() + "=" + parameters.get(i).text(values[i]));
        }
        return all;
    }

    /** The parameter values at positions {@code point} in [0, 1]^d. */
    public double[] values(double[] point) {
        return SearchParameter.values(parameters, point);
    }

    /** The start's positions in [0, 1]^d. */
    public double[] startPoint() {
        return SearchParameter.startPoint(parameters);
    }

    /** The optimizer's own seed: derived from the master seed, so a calibration is reproducible from it alone. */
    public long optimizerSeed() {
        return SearchParameter.optimizerSeed(masterSeed);
    }

    /**
     * A hash of everything that decides the calibration's evaluations: the tool version and random
     * generator (a new engine never replays an old journal), the resolved scenario, the overrides, the targets file,
     * replications, seed and budget. Equal fingerprints mean a journal of one run can stand in for
     * the other's evaluations.
     */
    public String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String[] parts = {"marketsim calibrate v1", Provenance.engine(), base.document().toString(), String.join("\n", overrides),
                    targets.text(), Integer.toString(replications), Long.toString(masterSeed),
                    Integer.toString(maxEvaluations)};
            for (String part : parts) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The scenario as given on the command line (a built-in name or a file). */
    public String scenario() {
        return scenario;
    }

    public List<String> baseOverrides() {
        return overrides;
    }

    public Scenario base() {
        return base;
    }

    public Targets targets() {
        return targets;
    }

    public List<SearchParameter> parameters() {
        return parameters;
    }

    public int replications() {
        return replications;
    }

    public long masterSeed() {
        return masterSeed;
    }

    public int maxEvaluations() {
        return maxEvaluations;
    }

    public int threads() {
        return threads;
    }
}
