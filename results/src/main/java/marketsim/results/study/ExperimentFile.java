package marketsim.results.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import marketsim.format.Manifest;
import marketsim.scenario.ScenarioLoader;

/**
 * An experiment as a file (docs/EXPERIMENTS.md): everything that decides a results folder's data,
 * the scenario (a built-in name or a file), its overrides, the design and its factors, samples,
 * outcomes, condition, replications and seed, as BehaviorSpace keeps its experiments. Every
 * sweep, comparison, calibration and run writes its own as {@value #FILE} into its folder, with the
 * files it refers to under {@value #INPUTS}/; {@code marketsim experiment FILE} runs it again,
 * through the same command with the same arguments ({@link #arguments}), so the data files come
 * out byte for byte the same. Paths in the file are relative to the file's folder.
 *
 * @param design         run, compare, grid, lhs, sobol, morris or calibrate
 * @param scenario       the scenario (a comparison's reference): a built-in name or a file
 * @param scenarios      a comparison's further whole scenarios, each against {@code scenario}
 * @param variants       a comparison's variants of {@code scenario}: overrides separated by ';'
 * @param overrides      {@code --set} overrides of every scenario
 * @param replications   replications (null: the scenario's)
 * @param seed           master seed (null: the scenario's)
 * @param ticks          horizon (null: the scenario's)
 * @param factors        a sweep's {@code --vary} specifications, {@code path=SPEC}
 * @param samples        lhs points, sobol base samples or morris trajectories (null: the default)
 * @param levels         morris grid levels (null: the default)
 * @param outcomes       a sweep's outcomes to analyse and chart
 * @param discover       a sweep's PRIM condition, or null
 * @param shards         how many shards a sweep runs as (null: one machine)
 * @param targets        a calibration's targets file
 * @param maxEvaluations a calibration's most candidates (null: the default)
 * @param description    the question the experiment asks, shown in the report (null: none)
 * @param burnIn         weeks the time-series charts mark as burn-in (null: the charts' default)
 * @param timeseriesEvery a sweep's points-timeseries.csv, or a run's timeseries.csv, keeps every K-th tick (null:
 *                        every tick)
 * @param timeseries     a run's timeseries.csv detail, {@code archetypes} or {@code none} (null: the default, every
 *                       entity)
 */
public record ExperimentFile(String design, String scenario, List<String> scenarios, List<String> variants,
                             List<String> overrides, Integer replications, Long seed, Integer ticks,
                             List<String> factors, Integer samples, Integer levels, List<String> outcomes,
                             String discover, Integer shards, String targets, Integer maxEvaluations,
                             String description, Integer burnIn, Integer timeseriesEvery, String timeseries) {
    /** The file's name in a results folder. */
    public static final String FILE = "experiment.yaml";
    /** The folder, beside it, of the scenario and targets files it refers to. */
    public static final String INPUTS = "inputs";
    /** The designs, as the file names them: a run, a comparison, a sweep's four, a calibration. */
    public static final List<String> DESIGNS = List.of("run", "compare", "grid", "lhs", "sobol", "morris",
            "calibrate");

    public ExperimentFile {
        scenarios = List.copyOf(scenarios);
        variants = List.copyOf(variants);
        overrides = List.copyOf(overrides);
        factors = List.copyOf(factors);
        outcomes = List.copyOf(outcomes);
    }

    /** An experiment without a description, burn-in or time-series thinning of its own. */
    public ExperimentFile(String design, String scenario, List<String> scenarios, List<String> variants,
                          List<String> overrides, Integer replications, Long seed, Integer ticks, List<String> factors,
                          Integer samples, Integer levels, List<String> outcomes, String discover, Integer shards,
                          String targets, Integer maxEvaluations) {
        this(design, scenario, scenarios, variants, overrides, replications, seed, ticks, factors, samples, levels,
                outcomes, discover, shards, targets, maxEvaluations, null, null, null, null);
    }

    /** The same experiment with this description, burn-in and time-series thinning (each null: none given). */
    public ExperimentFile with(String description, Integer burnIn, Integer timeseriesEvery) {
        return new ExperimentFile(design, scenario, scenarios, variants, overrides, replications, seed, ticks, factors,
                samples, levels, outcomes, discover, shards, targets, maxEvaluations, description, burnIn,
                timeseriesEvery, timeseries);
    }

    /** The same run with this time-series detail ({@code archetypes} or {@code none}; null: the default). */
    public ExperimentFile withTimeseries(String detail) {
        return new ExperimentFile(design, scenario, scenarios, variants, overrides, replications, seed, ticks, factors,
                samples, levels, outcomes, discover, shards, targets, maxEvaluations, description, burnIn,
                timeseriesEvery, detail);
    }

    /** Whether the design is one of the sweep's. */
    public boolean sweep() {
        return List.of("grid", "lhs", "sobol", "morris").contains(design);
    }

    /** The command that runs it, {@code scenario}, {@code scenarios} and {@code targets} resolved against {@code folder}. */
    public List<String> arguments(Path folder) {
        List<String> args = new ArrayList<>();
        args.add(sweep() ? "sweep" : design);
        args.add(resolveScenario(folder, scenario));
        scenarios.forEach(s -> args.add(resolveScenario(folder, s)));
        variants.forEach(v -> args.addAll(List.of("--vs", v)));
        overrides.forEach(o -> args.addAll(List.of("--set", o)));
        if (sweep()) {
            args.addAll(List.of("--design", design));
            factors.forEach(f -> args.addAll(List.of("--vary", f)));
            outcomes.forEach(o -> args.addAll(List.of("--outcome", o)));
            option(args, "--samples", samples);
            option(args, "--levels", levels);
            option(args, "--discover", discover);
        }
        option(args, "--timeseries", timeseries);
        option(args, "--timeseries-every", timeseriesEvery);
        option(args, "--burn-in", burnIn);
        option(args, "--description", description);
        if (targets != null) {
            args.addAll(List.of("--targets", folder == null ? targets : folder.resolve(targets).normalize().toString()));
        }
        option(args, "--max-evaluations", maxEvaluations);
        option(args, "--reps", replications);
        option(args, "--seed", seed);
        option(args, "--ticks", ticks);
        return args;
    }

    private static void option(List<String> args, String name, Object value) {
        if (value != null) {
            args.addAll(List.of(name, value.toString()));
        }
    }

    /** A built-in scenario's name as it is; a scenario file's path against {@code folder} (the experiment file's). */
    public static String resolveScenario(Path folder, String reference) {
        return builtIn(reference) || folder == null ? reference : folder.resolve(reference).normalize().toString();
    }

    /** Whether a scenario reference names a built-in scenario, not a file (it has no folder and no extension). */
    public static boolean builtIn(String reference) {
        return ScenarioLoader.BUILT_IN.contains(reference) && !reference.contains("/") && !reference.contains("\\")
                && !reference.matches(".*\\.(ya?ml|json)$");
    }

    /** The file's text: a header saying how to run it, then one key per line, in the order of the format. */
    public String yaml() {
        StringBuilder out = new StringBuilder();
        out.append("# A marketsim experiment: everything that decides this folder's data files. Run it again with\n")
                .append("#   marketsim experiment experiment.yaml --out DIR\n")
                .append("# and DIR's data files are these, byte for byte. Paths are relative to this file; the format\n")
                .append("# is in docs/EXPERIMENTS.md.\n");
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("design", design);
        keys.put("description", description);
        keys.put("scenario", scenario);
        keys.put("scenarios", scenarios);
        keys.put("variants", variants);
        keys.put("overrides", overrides);
        keys.put("factors", factors);
        keys.put("samples", samples);
        keys.put("levels", levels);
        keys.put("outcomes", outcomes);
        keys.put("discover", discover);
        keys.put("targets", targets);
        keys.put("max_evaluations", maxEvaluations);
        keys.put("replications", replications);
        keys.put("seed", seed);
        keys.put("ticks", ticks);
        keys.put("burn_in", burnIn);
        keys.put("timeseries", timeseries);
        keys.put("timeseries_every", timeseriesEvery);
        keys.put("shards", shards);
        for (Map.Entry<String, Object> e : keys.entrySet()) {
            if (e.getValue() instanceof List<?> list) {
                if (!list.isEmpty()) {
                    out.append(e.getKey()).append(":\n");
                    list.forEach(v -> out.append("  - ").append(quoted(v.toString())).append('\n'));
                }
            } else if (e.getValue() instanceof String s) {
                out.append(e.getKey()).append(": ").append(quoted(s)).append('\n');
            } else if (e.getValue() != null) {
                out.append(e.getKey()).append(": ").append(e.getValue()).append('\n');
            }
        }
        return out.toString();
    }

    /** The same experiment as one machine runs it: no shards. */
    public ExperimentFile whole() {
        return new ExperimentFile(design, scenario, scenarios, variants, overrides, replications, seed, ticks, factors,
                samples, levels, outcomes, discover, null, targets, maxEvaluations, description, burnIn,
                timeseriesEvery, timeseries);
    }

    /** The same experiment run as {@code count} shards. */
    public ExperimentFile sharded(int count) {
        return new ExperimentFile(design, scenario, scenarios, variants, overrides, replications, seed, ticks, factors,
                samples, levels, outcomes, discover, count, targets, maxEvaluations, description, burnIn,
                timeseriesEvery, timeseries);
    }

    /** Text as YAML reads it back exactly: a plain name as it is, anything else in double quotes (JSON's escapes). */
    static String quoted(String text) {
        if (text.matches("[A-Za-z][A-Za-z0-9_./-]*") && !List.of("true", "false", "null", "yes", "no", "on", "off",
                "y", "n").contains(text.toLowerCase(java.util.Locale.ROOT))) {
            return text;
        }
        try {
            return new ObjectMapper().writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string is always JSON", e);
        }
    }

    /**
     * Writes the file into {@code folder}, and each of {@code inputs} (a path relative to the folder, such as
     * inputs/NAME.yaml, and its text) beside it, and adds their checksums to the folder's manifest.
     */
    public void writeInto(Path folder, Map<String, String> inputs) throws IOException {
        List<String> written = new ArrayList<>();
        for (Map.Entry<String, String> input : inputs.entrySet()) {
            Path file = folder.resolve(input.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, input.getValue(), StandardCharsets.UTF_8);
            written.add(input.getKey());
        }
        Files.writeString(folder.resolve(FILE), yaml(), StandardCharsets.UTF_8);
        written.add(FILE);
        Manifest.addChecksums(folder, written);
    }
}
