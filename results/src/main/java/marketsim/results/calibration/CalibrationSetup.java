package marketsim.results.calibration;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import marketsim.results.Provenance;
import marketsim.core.metrics.Entity;
import marketsim.core.metrics.RunRecord;
import marketsim.core.random.Streams;
import marketsim.scenario.Overrides;
import marketsim.scenario.input.Problem;
import marketsim.scenario.Scenario;
import marketsim.scenario.ScenarioDocument;
import marketsim.scenario.ScenarioException;
import marketsim.scenario.ScenarioLoader;
import marketsim.results.Csv;

/**
 * A calibration ready to run: the base scenario (with its {@code --set} overrides), the targets
 * checked against it (each outcome exists there; the scenario accepts every parameter at both
 * ends of its range), each parameter's kind and start, and the replication seeds every candidate
 * shares (common random numbers: candidates differ by their parameters only, never by their luck).
 */
public final class CalibrationSetup {
    /** The problem message of a value that must be whole (see marketsim.scenario.Node). */
    private static final String WHOLE_NUMBER = "must be a whole number";
    /** Key of the optimizer's random stream, derived from the master seed ("CMAE"). */
    private static final long OPTIMIZER_STREAM = 0x434D4145L;

    /**
     * A parameter being fitted. The optimizer works on positions x in [0, 1]; a whole-number
     * parameter maps them to equal-width bins, one per whole number, so its ends are as reachable
     * as the values between them.
     */
    public record FitParameter(String path, double min, double max, boolean integer, double start) {
        public double value(double x) {
            if (!integer) {
                return min + x * (max - min);
            }
            return Math.min(max, min + Math.floor(x * (max - min + 1)));
        }

        /** The position of {@code value} in [0, 1] (the middle of its bin for a whole number). */
        public double position(double value) {
            return integer ? (value - min + 0.5) / (max - min + 1) : (value - min) / (max - min);
        }

        /** The value as {@code --set} and the fitted scenario write it: exact, never in exponent form. */
        public String text(double value) {
            return integer ? Long.toString(Math.round(value)) : BigDecimal.valueOf(value).toPlainString();
        }
    }

    private final String scenario;
    private final ScenarioDocument document;
    private final List<String> overrides;
    private final Scenario base;
    private final Targets targets;
    private final List<FitParameter> parameters;
    private final int replications;
    private final long masterSeed;
    private final int maxEvaluations;
    private final int threads;

    private CalibrationSetup(String scenario, ScenarioDocument document, List<String> overrides, Scenario base,
                             Targets targets,
                             List<FitParameter> parameters, int replications, long masterSeed, int maxEvaluations,
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
        List<FitParameter> parameters = new ArrayList<>();
        for (int i = 0; i < targets.parameters().size(); i++) {
            FitParameter p = resolve(document, overrides, base, targets.parameters().get(i), i, problems);
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
    private static FitParameter resolve(ScenarioDocument document, List<String> overrides, Scenario base, Targets.Parameter p,
                                        int index, List<Problem> problems) {
        String name = "parameters[" + index + "]";
        String atMin = rejection(document, overrides, p.path(), Csv.number(p.min()));
        String atMax = rejection(document, overrides, p.path(), Csv.number(p.max()));
        if (atMin != null) {
            problems.add(new Problem(name + ".min", "the scenario rejects " + p.path() + "=" + Csv.number(p.min()) + ": "
                    + atMin, p.at("min")));
        }
        if (atMax != null && !atMax.equals(atMin)) {
            problems.add(new Problem(name + ".max", "the scenario rejects " + p.path() + "=" + Csv.number(p.max()) + ": "
                    + atMax, p.at("max")));
        }
        if (atMin != null || atMax != null) {
            return null;
        }
        double probe = (p.min() + p.max()) / 2;
        if (probe == Math.rint(probe)) {
            probe += 0.5; // a whole midpoint would not tell whole-number parameters apart
        }
        String atProbe = rejection(document, overrides, p.path(), Double.toString(probe));
        boolean integer = atProbe != null && atProbe.contains(WHOLE_NUMBER);
        FitParameter unstarted = new FitParameter(p.path(), p.min(), p.max(), integer, Double.NaN);
        JsonNode current = Overrides.valueAt(base.document(), p.path());
        double start = current != null && current.isNumber() && current.asDouble() >= p.min()
                && current.asDouble() <= p.max() ? current.asDouble() : unstarted.value(0.5);
        return new FitParameter(p.path(), p.min(), p.max(), integer, start);
    }

    /** Why the scenario refuses {@code path=value}, or null if it takes it. */
    private static String rejection(ScenarioDocument document, List<String> overrides, String path, String value) {
        String override = path + "=" + value;
        List<String> all = new ArrayList<>(overrides);
        all.add(override);
        try {
            document.read(all);
            return null;
        } catch (ScenarioException e) {
            List<String> reasons = new ArrayList<>();
            for (Problem problem : e.problems()) {
                // without the scenario file's line (the user looks at the targets file), and without the
                // loader's "set on the command line": here the targets file set the value
                String message = problem.message().replace(" [set on the command line: " + override + "]", "");
                reasons.add(problem.path().isEmpty() ? message : problem.path() + ": " + message);
            }
            return String.join("; ", reasons);
        }
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
        double[] values = new double[point.length];
        for (int i = 0; i < point.length; i++) {
            values[i] = parameters.get(i).value(point[i]);
        }
        return values;
    }

    /** The start's positions in [0, 1]^d. */
    public double[] startPoint() {
        return parameters.stream().mapToDouble(p -> p.position(p.start())).toArray();
    }

    /** The optimizer's own seed: derived from the master seed, so a calibration is reproducible from it alone. */
    public long optimizerSeed() {
        return Streams.derive(masterSeed, OPTIMIZER_STREAM);
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

    public List<FitParameter> parameters() {
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
