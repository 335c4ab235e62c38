package marketsim.results.optimization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import marketsim.core.config.MarketConfig;
import marketsim.core.metrics.Entity;
import marketsim.core.metrics.RunRecord;
import marketsim.core.random.Streams;
import marketsim.results.Csv;
import marketsim.results.Provenance;
import marketsim.results.experiment.Outcome;
import marketsim.results.search.SearchParameter;
import marketsim.results.sensitivity.Designs;
import marketsim.scenario.Overrides;
import marketsim.scenario.Scenario;
import marketsim.scenario.ScenarioDocument;
import marketsim.scenario.ScenarioException;
import marketsim.scenario.ScenarioLoader;
import marketsim.scenario.input.Problem;

/**
 * An optimization ready to run: the base scenario (with its {@code --set} overrides); the levers, each a path the
 * scenario takes at both ends of its range; the objective and the constraints, each an outcome the scenario has;
 * the uncertainty scenarios, {@code M} points of the uncertain parameters drawn once by a Latin hypercube from a
 * stream of the master seed (the same M for every candidate); and the replication seeds every candidate shares in
 * every uncertainty scenario (common random numbers).
 */
public final class OptimizationSetup {
    /** Key of the stream the uncertainty scenarios are drawn from ("UNCR"). */
    private static final long UNCERTAINTY_STREAM = 0x554E4352L;

    /** A range as a flag gives it, {@code PATH=LO:HI}. */
    public record Range(String flag, String path, double min, double max) {
        /** Parses {@code PATH=LO:HI} given to {@code flag}; throws with the form expected. */
        public static Range parse(String flag, String text) {
            int eq = text.lastIndexOf('=');
            String[] ends = eq < 0 ? new String[0] : text.substring(eq + 1).split(":", -1);
            if (eq <= 0 || ends.length != 2) {
                throw new IllegalArgumentException(flag + " '" + text + "': must look like PATH=LO:HI, e.g. "
                        + flag + " 'firms[bulk-c].markup=0.1:1.0'");
            }
            String path = text.substring(0, eq).strip();
            double[] v = new double[2];
            for (int i = 0; i < 2; i++) {
                try {
                    v[i] = Double.parseDouble(ends[i].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(flag + " '" + text + "': '" + ends[i].strip() + "' is not a "
                            + "number; give the range as LO:HI, e.g. 0.1:1.0");
                }
                if (!Double.isFinite(v[i])) {
                    throw new IllegalArgumentException(flag + " '" + text + "': the ends must be finite numbers");
                }
            }
            if (!(v[0] < v[1])) {
                throw new IllegalArgumentException(flag + " '" + text + "': LO (" + Csv.number(v[0])
                        + ") must be less than HI (" + Csv.number(v[1]) + ")");
            }
            String bad = Overrides.pathProblem(path);
            if (bad != null) {
                throw new IllegalArgumentException(flag + " '" + text + "': " + bad);
            }
            return new Range(flag, path, v[0], v[1]);
        }

        String label() {
            return flag + " " + path + "=" + Csv.number(min) + ":" + Csv.number(max);
        }
    }

    /** What is asked: the levers and uncertain parameters, the objective, the constraints and the search's budget. */
    public record Question(List<Range> levers, Outcome objective, boolean minimize, List<Constraint> constraints,
                           List<Range> uncertain, int scenarios, Robustness robustness, int maxEvaluations,
                           int gridPoints) {
    }

    private final String scenario;
    private final ScenarioDocument document;
    private final List<String> overrides;
    private final Scenario base;
    private final Question question;
    private final List<SearchParameter> levers;
    private final double[] current;
    private final List<SearchParameter> uncertain;
    private final double[][] draws;
    private final int replications;
    private final long masterSeed;
    private final int threads;

    private OptimizationSetup(String scenario, ScenarioDocument document, List<String> overrides, Scenario base,
                              Question question, List<SearchParameter> levers, List<SearchParameter> uncertain,
                              int replications, long masterSeed, int threads) {
        this.scenario = scenario;
        this.document = document;
        this.overrides = List.copyOf(overrides);
        this.base = base;
        this.question = question;
        this.levers = List.copyOf(levers);
        this.current = levers.stream().mapToDouble(p -> SearchParameter.current(base, p.path())).toArray();
        this.uncertain = List.copyOf(uncertain);
        this.replications = replications;
        this.masterSeed = masterSeed;
        this.threads = threads;
        if (uncertain.isEmpty()) {
            this.draws = new double[1][0];
        } else {
            double[][] unit = Designs.latinHypercube(question.scenarios(), uncertain.size(),
                    Streams.derive(masterSeed, UNCERTAINTY_STREAM));
            this.draws = new double[unit.length][uncertain.size()];
            for (int m = 0; m < unit.length; m++) {
                for (int u = 0; u < uncertain.size(); u++) {
                    draws[m][u] = uncertain.get(u).value(unit[m][u]);
                }
            }
        }
    }

    /**
     * Loads {@code scenario} with {@code overrides} and checks the question against it: every problem (a lever or
     * uncertain path the scenario refuses at an end of its range, a path given twice, an outcome it lacks) is
     * reported at once.
     */
    public static OptimizationSetup prepare(String scenario, List<String> overrides, Question question,
                                            int replications, long masterSeed, int threads)
            throws ScenarioException, OptimizationException {
        ScenarioDocument document = ScenarioLoader.document(scenario);
        Scenario base = document.read(overrides);
        List<Problem> problems = new ArrayList<>();
        List<Entity> entities = new RunRecord(base.config()).entities();
        List<Outcome> outcomes = new ArrayList<>(List.of(question.objective()));
        question.constraints().forEach(c -> outcomes.add(c.outcome()));
        for (int k = 0; k < outcomes.size(); k++) {
            try {
                outcomes.get(k).indexIn(entities);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(k == 0 ? "--objective" : "--constraint '"
                        + question.constraints().get(k - 1).text() + "'", e.getMessage()));
            }
        }
        Set<String> paths = new HashSet<>();
        List<SearchParameter> levers = resolve(document, overrides, base, question.levers(), paths, problems);
        List<SearchParameter> uncertain = resolve(document, overrides, base, question.uncertain(), paths, problems);
        if (!problems.isEmpty()) {
            throw new OptimizationException("optimization", base.name(), problems);
        }
        return new OptimizationSetup(scenario, document, overrides, base, question, levers, uncertain, replications,
                masterSeed, threads);
    }

    private static List<SearchParameter> resolve(ScenarioDocument document, List<String> overrides, Scenario base,
                                                 List<Range> ranges, Set<String> paths, List<Problem> problems) {
        List<SearchParameter> out = new ArrayList<>();
        for (Range r : ranges) {
            if (!paths.add(r.path())) {
                problems.add(new Problem(r.label(), "'" + r.path() + "' is given twice; a path is a lever or "
                        + "uncertain, once"));
                continue;
            }
            SearchParameter.Refusal refusal = SearchParameter.refusal(document, overrides, r.path(), r.min(), r.max());
            if (refusal == null) {
                out.add(SearchParameter.resolve(document, overrides, base, r.path(), r.min(), r.max()));
                continue;
            }
            String why = refusal.atMin() != null ? "at " + Csv.number(r.min()) + ": " + refusal.atMin()
                    : "at " + Csv.number(r.max()) + ": " + refusal.atMax();
            problems.add(new Problem(r.label(), "the scenario does not take this number " + why));
        }
        return out;
    }

    /**
     * The scenario at lever values {@code values} in uncertainty scenario {@code m}: the base overrides, each lever
     * (a NaN value leaves the scenario's own), then the scenario's uncertain values.
     */
    public MarketConfig config(double[] values, int m) throws ScenarioException {
        return document.read(overrides(values, m)).config();
    }

    /** The overrides of lever values {@code values} in uncertainty scenario {@code m}. */
    public List<String> overrides(double[] values, int m) {
        List<String> all = leverOverrides(values);
        for (int u = 0; u < uncertain.size(); u++) {
            all.add(uncertain.get(u).override(draws[m][u]));
        }
        return all;
    }

    /** The base overrides followed by each lever's {@code path=value} (none for a NaN value). */
    public List<String> leverOverrides(double[] values) {
        List<String> all = new ArrayList<>(overrides);
        for (int i = 0; i < levers.size(); i++) {
            if (!Double.isNaN(values[i])) {
                all.add(levers.get(i).override(values[i]));
            }
        }
        return all;
    }

    /** The scenario at lever values {@code values}, at the scenario's own values of the uncertain parameters. */
    public Scenario candidate(double[] values) throws ScenarioException {
        return document.read(leverOverrides(values));
    }

    /** The lever values at positions {@code point} in [0, 1]^d. */
    public double[] values(double[] point) {
        return SearchParameter.values(levers, point);
    }

    /** Where CMA-ES starts: each lever's start (its own value when in range) as a position in [0, 1]. */
    public double[] startPoint() {
        return SearchParameter.startPoint(levers);
    }

    /** The optimizer's own seed: derived from the master seed, so a search is reproducible from it alone. */
    public long optimizerSeed() {
        return SearchParameter.optimizerSeed(masterSeed);
    }

    /** Whether a grid searches (one lever) rather than CMA-ES. */
    public boolean grid() {
        return levers.size() == 1;
    }

    /** The runs of a candidate: every replication in every uncertainty scenario. */
    public int runs() {
        return draws.length * replications;
    }

    /**
     * A hash of everything that decides the optimization's evaluations: the tool version and random generator, the
     * resolved scenario, the overrides, the question, replications and seed. Equal fingerprints mean a journal of
     * one run can stand in for the other's evaluations.
     */
    public String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<String> parts = new ArrayList<>(List.of("marketsim optimize v1", Provenance.engine(),
                    base.document().toString(), String.join("\n", overrides), question.objective().label(),
                    Boolean.toString(question.minimize()), question.robustness().key(),
                    Integer.toString(question.scenarios()), Integer.toString(question.maxEvaluations()),
                    Integer.toString(question.gridPoints()), Integer.toString(replications), Long.toString(masterSeed)));
            question.levers().forEach(r -> parts.add(r.label()));
            question.uncertain().forEach(r -> parts.add(r.label()));
            question.constraints().forEach(c -> parts.add("--constraint " + c.label()));
            for (String part : parts) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * The question in words: "Which platform.take_rate in [0.05, 0.5] maximizes platform.net_profit, with
     * product-focused.units >= 1000, robust (p10) to 10 scenarios of platform.membership.variety_weight in [0.2, 1]?"
     */
    public String questionText() {
        StringBuilder q = new StringBuilder(levers.size() == 1 ? "Which " : "Which values of ");
        for (int i = 0; i < levers.size(); i++) {
            SearchParameter p = levers.get(i);
            q.append(i == 0 ? "" : i == levers.size() - 1 ? " and " : ", ").append(p.path()).append(" in [")
                    .append(Csv.number(p.min())).append(", ").append(Csv.number(p.max())).append(']');
        }
        q.append(question.minimize() ? " minimize" : " maximize").append(levers.size() == 1 ? "s " : " ")
                .append(question.objective().label());
        if (!question.constraints().isEmpty()) {
            q.append(", with ").append(String.join(" and ", question.constraints().stream().map(Constraint::label)
                    .toList()));
        }
        if (!uncertain.isEmpty()) {
            q.append(", ").append(question.robustness() == Robustness.MEAN ? "on average"
                    : question.robustness() == Robustness.P10 ? "in all but the worst tenth"
                    : "with the least regret").append(" over ").append(draws.length).append(" scenarios of ");
            for (int u = 0; u < uncertain.size(); u++) {
                SearchParameter p = uncertain.get(u);
                q.append(u == 0 ? "" : ", ").append(p.path()).append(" in [").append(Csv.number(p.min()))
                        .append(", ").append(Csv.number(p.max())).append(']');
            }
        }
        return q.append('?').toString();
    }

    /** The scenario as given on the command line (a built-in name or a file). */
    public String scenario() {
        return scenario;
    }

    /** The scenario file, read and parsed once: every candidate is read from it. */
    public ScenarioDocument document() {
        return document;
    }

    public List<String> baseOverrides() {
        return overrides;
    }

    public Scenario base() {
        return base;
    }

    public Question question() {
        return question;
    }

    public List<SearchParameter> levers() {
        return levers;
    }

    /** Each lever's value in the scenario as given (NaN where it has none that is a number): the starting levers. */
    public double[] current() {
        return current.clone();
    }

    public List<SearchParameter> uncertain() {
        return uncertain;
    }

    /** The uncertain parameters' values in each uncertainty scenario, [scenario][parameter]; one empty row without. */
    public double[][] draws() {
        return draws;
    }

    public int replications() {
        return replications;
    }

    public long masterSeed() {
        return masterSeed;
    }

    public int threads() {
        return threads;
    }
}
