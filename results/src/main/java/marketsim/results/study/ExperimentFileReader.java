package marketsim.results.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import marketsim.results.sweep.Condition;
import marketsim.results.experiment.Outcome;
import marketsim.results.sweep.Factor;
import marketsim.scenario.Overrides;
import marketsim.scenario.input.Document;
import marketsim.scenario.input.InputException;
import marketsim.scenario.input.InputFiles;
import marketsim.scenario.input.Problem;
import marketsim.scenario.input.Section;

/**
 * Reads an experiment file (docs/EXPERIMENTS.md) with the input toolkit, as scenarios and targets files are
 * read: every problem is collected with its key and its line and column and reported at once; an unknown key
 * is named with the closest known one, and a key the design does not use is refused (a Sobol sample count on a
 * grid would otherwise be silently ignored). Values are checked as the command line checks them (factors,
 * outcomes, the condition, override paths); whether the scenario accepts them is the command's to say.
 */
public final class ExperimentFileReader {
    /** An experiment file is a few dozen lines; larger files are refused before parsing. */
    private static final long MAX_BYTES = 1024 * 1024;
    private static final List<String> SWEEPS = List.of("grid", "lhs", "sobol", "morris");
    private static final String SWEEP_ONLY = "applies to sweeps only (design grid, lhs, sobol or morris)";

    private ExperimentFileReader() {
    }

    /** Reads and checks the file at {@code path}. */
    public static ExperimentFile read(Path path) throws ExperimentFileException {
        String label = path.toString();
        try {
            String text = InputFiles.read(path, label, "experiment file", MAX_BYTES);
            return parse(label, text, path.toAbsolutePath().getParent());
        } catch (ExperimentFileException e) {
            throw e;
        } catch (InputException e) {
            throw new ExperimentFileException(e.source(), e.problems());
        }
    }

    /** Reads and checks an experiment given as text; files it names are looked for in {@code folder}. */
    public static ExperimentFile parse(String label, String text, Path folder) throws ExperimentFileException {
        Document document;
        try {
            document = Document.parse(label, text, false);
        } catch (InputException e) {
            throw new ExperimentFileException(e.source(), e.problems());
        }
        if (!document.root().isObject()) {
            throw new ExperimentFileException(label, List.of(new Problem("", "must be a mapping with at least "
                    + "'scenario' (and 'design' and 'factors' for a sweep), got " + (document.isEmpty() ? "an empty file"
                    : Section.show(document.root())))));
        }
        List<Problem> problems = new ArrayList<>();
        Section root = Section.root(document, problems);
        root.markKnown("description");
        JsonNode description = root.json().path("description");
        if (!description.isMissingNode() && !description.isTextual()) {
            root.problemAt("description", "must be text (the question the experiment asks), got "
                    + Section.show(description));
        }
        List<String> factors = texts(root, "factors", "--vary specifications path=SPEC, e.g. "
                + "- platform.take_rate=0.05:0.60:0.05");
        String design = text(root, "design");
        if (design == null) {
            design = factors.isEmpty() ? "run" : "grid";
        } else if (!ExperimentFile.DESIGNS.contains(design)) {
            root.problemAt("design", "'" + design + "' is not a design; one of " + String.join(", ",
                    ExperimentFile.DESIGNS));
            design = null;
        }
        // an unknown design is reported once: the keys that depend on it are then taken as they are
        boolean known = design != null;
        boolean sweep = !known || SWEEPS.contains(design);
        String scenario = scenario(root, "scenario", folder);
        if (scenario == null && root.value("scenario") == null) {
            root.problem("scenario", "missing: a built-in scenario's name (e.g. scenario: jeo-baseline) or a "
                    + "scenario file, relative to this file");
        }
        List<String> scenarios = only(root, "scenarios", !known || "compare".equals(design), "applies to design compare only");
        for (int k = 0; k < scenarios.size(); k++) {
            checkScenario(root, "scenarios", k, scenarios.get(k), folder);
        }
        List<String> variants = only(root, "variants", !known || "compare".equals(design), "applies to design compare only");
        List<String> overrides = texts(root, "overrides", "--set overrides path=value, e.g. - population.size=2000");
        checkOverrides(root, overrides);
        if (!sweep && !factors.isEmpty()) {
            root.problemAt("factors", SWEEP_ONLY);
        }
        if (known && sweep && factors.isEmpty() && root.json().get("factors") == null) {
            root.problem("factors", "missing: a sweep varies at least one parameter, e.g. factors: "
                    + "[\"platform.take_rate=0.05:0.60:0.05\"]");
        }
        for (int k = 0; k < factors.size(); k++) {
            String f = factors.get(k);
            check(root, "factors", k, () -> Factor.parse(f));
        }
        Integer samples = whole(root, "samples", 2);
        notFor(root, "samples", samples, sweep && !"grid".equals(design),
                "applies to designs lhs, sobol and morris (a grid runs every combination of its factors' levels)");
        Integer levels = whole(root, "levels", 2);
        notFor(root, "levels", levels, !known || "morris".equals(design), "applies to design morris only");
        List<String> outcomes = only(root, "outcomes", sweep, SWEEP_ONLY);
        for (int k = 0; k < outcomes.size(); k++) {
            String o = outcomes.get(k);
            check(root, "outcomes", k, () -> Outcome.parse(o));
        }
        String discover = text(root, "discover");
        notFor(root, "discover", discover, sweep, SWEEP_ONLY);
        if (discover != null && sweep) {
            try {
                Condition.parse(discover);
            } catch (IllegalArgumentException e) {
                root.problemAt("discover", e.getMessage());
            }
        }
        Integer shards = whole(root, "shards", 1);
        notFor(root, "shards", shards, sweep, SWEEP_ONLY);
        boolean calibrate = "calibrate".equals(design);
        String targets = text(root, "targets");
        notFor(root, "targets", targets, !known || calibrate, "applies to design calibrate only");
        if (calibrate && targets == null && root.json().get("targets") == null) {
            root.problem("targets", "missing: a calibration's targets file (docs/CALIBRATION.md), relative to this file");
        }
        if (targets != null && calibrate && folder != null && !Files.isRegularFile(folder.resolve(targets))) {
            root.problemAt("targets", "no file " + folder.resolve(targets).normalize());
        }
        Integer maxEvaluations = whole(root, "max_evaluations", 1);
        notFor(root, "max_evaluations", maxEvaluations, !known || calibrate, "applies to design calibrate only");
        Integer replications = whole(root, "replications", 1);
        Long seed = root.json().has("seed") ? wholeLong(root, "seed") : null;
        Integer ticks = whole(root, "ticks", 1);
        Integer burnIn = whole(root, "burn_in", 0);
        notFor(root, "burn_in", burnIn, !known || !calibrate, "applies to designs with time series (run, compare and "
                + "the sweeps), not calibrate");
        boolean run = "run".equals(design);
        Integer timeseriesEvery = whole(root, "timeseries_every", 1);
        notFor(root, "timeseries_every", timeseriesEvery, !known || sweep || run,
                "applies to a run's timeseries.csv and a sweep's points-timeseries.csv (designs run, grid, lhs, sobol, "
                        + "morris)");
        String timeseries = text(root, "timeseries");
        notFor(root, "timeseries", timeseries, !known || run, "applies to design run only");
        if (timeseries != null && !List.of("firms", "archetypes", "none").contains(timeseries)) {
            root.problemAt("timeseries", "'" + timeseries + "' is not a detail; one of firms, archetypes, none");
        }
        root.finish();
        if (!problems.isEmpty()) {
            throw new ExperimentFileException(label, problems);
        }
        return new ExperimentFile(design, scenario, scenarios, variants, overrides, replications, seed, ticks, factors,
                samples, levels, outcomes, discover, shards, targets, maxEvaluations,
                description.isTextual() ? description.asText().strip() : null, burnIn, timeseriesEvery, timeseries);
    }

    /** A text value, or null (absent, or reported). */
    private static String text(Section root, String key) {
        Section.Value v = root.value(key);
        if (v == null) {
            return null;
        }
        if (!v.json().isTextual() || v.json().asText().isBlank()) {
            v.problem("must be text, got " + Section.show(v.json()));
            return null;
        }
        return v.json().asText().strip();
    }

    /** The scenario under {@code key}: a built-in name, or a file that exists relative to {@code folder}. */
    private static String scenario(Section root, String key, Path folder) {
        String s = text(root, key);
        if (s != null && !ExperimentFile.builtIn(s) && folder != null && !Files.isRegularFile(folder.resolve(s))) {
            root.problemAt(key, "'" + s + "' is neither a built-in scenario nor a file (looked for "
                    + folder.resolve(s).normalize() + "); 'marketsim scenarios list' names the built-in ones");
            return null;
        }
        return s;
    }

    private static void checkScenario(Section root, String key, int k, String s, Path folder) {
        if (!ExperimentFile.builtIn(s) && folder != null && !Files.isRegularFile(folder.resolve(s))) {
            root.problem(root.child(key) + "[" + k + "]", "'" + s + "' is neither a built-in scenario nor a file "
                    + "(looked for " + folder.resolve(s).normalize() + ")", element(root, key, k));
        }
    }

    /** A list of texts (a single text counts as a list of one), or empty (absent, or reported). */
    private static List<String> texts(Section root, String key, String what) {
        Section.Value v = root.value(key);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        JsonNode list = v.json();
        if (list.isTextual()) {
            out.add(list.asText().strip());
            return out;
        }
        if (!list.isArray()) {
            v.problem("must be a list of " + what + ", got " + Section.show(list));
            return out;
        }
        for (int k = 0; k < list.size(); k++) {
            JsonNode e = list.get(k);
            if (!e.isTextual() || e.asText().isBlank()) {
                root.problem(root.child(key) + "[" + k + "]", "must be text (" + what + "), got " + Section.show(e),
                        element(root, key, k));
            } else {
                out.add(e.asText().strip());
            }
        }
        return out;
    }

    /** As {@link #texts}, reported as not applying when {@code applies} is false. */
    private static List<String> only(Section root, String key, boolean applies, String why) {
        List<String> out = texts(root, key, "text");
        if (!applies && root.json().has(key)) {
            root.problemAt(key, why);
            return List.of();
        }
        return out;
    }

    private static void notFor(Section root, String key, Object value, boolean applies, String why) {
        if (value != null && !applies) {
            root.problemAt(key, why);
        }
    }

    private static String element(Section root, String key, int k) {
        return root.locations() == null ? "" : root.locations().of(root.json().get(key), k);
    }

    private static void checkOverrides(Section root, List<String> overrides) {
        for (int k = 0; k < overrides.size(); k++) {
            String o = overrides.get(k);
            int eq = o.indexOf('=');
            String problem = eq < 0 ? "must be path=value, e.g. population.size=2000"
                    : Overrides.pathProblem(o.substring(0, eq).strip());
            if (problem != null) {
                root.problem(root.child("overrides") + "[" + k + "]", "'" + o + "': " + problem,
                        element(root, "overrides", k));
            }
        }
    }

    /** Runs a check of element {@code k} of {@code key}, placing its IllegalArgumentException there. */
    private static void check(Section root, String key, int k, Runnable check) {
        try {
            check.run();
        } catch (IllegalArgumentException e) {
            root.problem(root.child(key) + "[" + k + "]", e.getMessage(), element(root, key, k));
        }
    }

    /** A whole number of at least {@code min}, or null (absent, or reported). */
    private static Integer whole(Section root, String key, int min) {
        Section.Value v = root.value(key);
        if (v == null) {
            return null;
        }
        if (!v.json().isIntegralNumber() || !v.json().canConvertToInt() || v.json().asInt() < min) {
            v.problem("must be a whole number of at least " + min + ", got " + Section.show(v.json()));
            return null;
        }
        return v.json().asInt();
    }

    private static Long wholeLong(Section root, String key) {
        Section.Value v = root.value(key);
        if (v == null) {
            return null;
        }
        if (!v.json().isIntegralNumber() || !v.json().canConvertToLong() || v.json().asLong() < 0) {
            v.problem("must be a whole number of at least 0, got " + Section.show(v.json()));
            return null;
        }
        return v.json().asLong();
    }
}
