package marketsim.results.calibration;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import marketsim.results.search.Evaluation;
import marketsim.results.search.SearchParameter;
import marketsim.format.Manifest;
import marketsim.format.ResultFiles;
import marketsim.results.Provenance;
import marketsim.format.StagedFolder;
import marketsim.core.config.MarketConfig;
import marketsim.scenario.Scenario;
import marketsim.scenario.ScenarioException;
import org.apache.commons.csv.CSVPrinter;
import marketsim.results.Csv;
import marketsim.format.Estimate;
import marketsim.results.experiment.ResultsFolder;

/**
 * Writes a calibration folder (columns in docs/RESULTS.md): {@code manifest.json},
 * {@code scenario.yaml} (the fitted scenario, which {@code marketsim run} takes as it is),
 * {@code fit.csv} (each target against the fitted outcome), {@code parameters.csv} (each range and
 * the fitted value) and {@code evaluations.csv} (every candidate in the order it was evaluated);
 * atomically, like a run.
 */
public final class CalibrationFolder {

    private CalibrationFolder() {
    }

    /** Writes everything into {@code folder}, which must not exist yet, then {@code finisher}; returns it. */
    public static Path write(Path folder, Calibration.Result result, ResultsFolder.Finisher finisher)
            throws IOException, ScenarioException {
        ResultsFolder.Destination destination = ResultsFolder.Destination.exactly(folder);
        try (StagedFolder staged = destination.stage()) {
            return write(staged, destination, result, finisher);
        }
    }

    /** As {@link #write(Path, Calibration.Result, ResultsFolder.Finisher)}, into a folder staged before the search. */
    public static Path write(StagedFolder staged, ResultsFolder.Destination destination, Calibration.Result result,
                             ResultsFolder.Finisher finisher) throws IOException, ScenarioException {
        Scenario fitted = result.setup().candidate(result.best().values());
        return ResultsFolder.atomically(staged, destination, temp -> {
            writeScenario(temp.resolve(ResultFiles.SCENARIO), result, fitted);
            writeFit(temp.resolve(ResultFiles.FIT), result);
            writeParameters(temp.resolve(ResultFiles.PARAMETERS), result);
            writeEvaluations(temp.resolve(ResultFiles.EVALUATIONS), result);
            writeManifest(temp, result, fitted); // last, with the checksums of the others
            finisher.finish(temp);
        });
    }

    /** The generation of an evaluation: 0 for the start (CMA-ES evaluates it alone), then lambda per generation. */
    public static int generation(int evaluation, int populationSize) {
        return evaluation == 1 ? 0 : (evaluation - 2) / populationSize + 1;
    }

    private static void writeManifest(Path folder, Calibration.Result result, Scenario fitted) throws IOException {
        CalibrationSetup setup = result.setup();
        Evaluation best = result.best();
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode m = json.createObjectNode();
        Provenance.putTool(m);
        m.put("command", "calibrate");
        m.put("scenario", setup.base().name());
        m.put("description", setup.base().description());
        ArrayNode overrides = m.putArray("overrides");
        setup.baseOverrides().forEach(overrides::add);
        m.put("targets_file", setup.targets().file());
        m.put("targets", setup.targets().text());
        ArrayNode parameters = m.putArray("parameters");
        for (int i = 0; i < setup.parameters().size(); i++) {
            SearchParameter p = setup.parameters().get(i);
            ObjectNode n = parameters.addObject();
            n.put("path", p.path());
            n.put("min", p.min());
            n.put("max", p.max());
            n.put("integer", p.integer());
            n.put("start", p.start());
            n.put("fitted", best.values()[i]);
        }
        ObjectNode method = m.putObject("method");
        method.put("objective", "method of simulated moments: sum of weight * (distance / scale)^2 over the targets, "
                + "at the mean across replications (common random numbers)");
        method.put("optimizer", "CMA-ES (Apache Commons Math CMAESOptimizer), parameters normalised to [0, 1]");
        method.put("population_size", result.populationSize());
        method.put("initial_sigma", Calibration.INITIAL_SIGMA);
        method.put("optimizer_seed", setup.optimizerSeed());
        method.put("max_evaluations", setup.maxEvaluations());
        m.put("master_seed", setup.masterSeed());
        m.put("replications", setup.replications());
        ResultsFolder.putSeeds(m, setup.masterSeed(), setup.replications());
        MarketConfig config = fitted.config();
        m.put("horizon", config.horizon());
        m.put("consumers", config.population().size());
        m.put("market_size", Math.round(config.population().marketSize()));
        m.put("summary_window", config.summaryWindow());
        m.put("evaluations", result.evaluations().size());
        m.put("resumed_evaluations", result.replayed());
        m.put("stopped", result.stopped());
        m.put("best_evaluation", best.index());
        m.put("best_loss", best.loss());
        ArrayNode fittedOverrides = m.putArray("fitted_overrides");
        setup.overrides(best.values()).subList(setup.baseOverrides().size(), setup.baseOverrides().size()
                + setup.parameters().size()).forEach(fittedOverrides::add);
        m.put("threads", setup.threads());
        m.put("started", result.started().toString());
        m.put("finished", result.finished().toString());
        m.put("java_version", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.set("resolved_scenario", fitted.complete());
        Manifest.putChecksums(m, folder, List.of(ResultFiles.SCENARIO, ResultFiles.FIT, ResultFiles.PARAMETERS,
                ResultFiles.EVALUATIONS));
        Files.writeString(folder.resolve(ResultFiles.MANIFEST), json.writeValueAsString(m) + "\n",
                StandardCharsets.UTF_8);
    }

    /**
     * The targets file as scenario.yaml names it: its file name, not where it was, so that the experiment run again
     * from its folder (marketsim experiment, which reads a copy) writes the same file.
     */
    static String targetsName(String file) {
        try {
            Path name = Path.of(file).getFileName();
            return name == null ? file : name.toString();
        } catch (java.nio.file.InvalidPathException e) {
            return file;
        }
    }

    private static void writeScenario(Path file, Calibration.Result result, Scenario fitted) throws IOException {
        CalibrationSetup setup = result.setup();
        StringBuilder header = new StringBuilder("# ").append(setup.base().name())
                .append(", fitted by marketsim calibrate to ").append(targetsName(setup.targets().file())).append(":\n");
        List<String> all = setup.overrides(result.best().values());
        for (String fittedValue : all.subList(setup.baseOverrides().size(), all.size())) {
            header.append("#   ").append(fittedValue).append('\n');
        }
        header.append("# loss ").append(Csv.number(result.best().loss())).append(" at evaluation ")
                .append(result.best().index()).append(" of ").append(result.evaluations().size())
                .append("; the fit: fit.csv beside this file. Its fitted means come back from\n")
                .append("#   marketsim run scenario.yaml --reps ").append(setup.replications()).append(" --seed ")
                .append(setup.masterSeed()).append('\n');
        Files.writeString(file, header + new YAMLMapper().writeValueAsString(fitted.complete()), StandardCharsets.UTF_8);
    }

    private static void writeFit(Path file, Calibration.Result result) throws IOException {
        List<Targets.Target> targets = result.setup().targets().targets();
        Evaluation best = result.best();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = Csv.printer(w, "outcome", "kind", "target_low", "target_high", "weight", "scale", "n",
                     "fitted_mean", "sd", "ci_low", "ci_high", "distance", "contribution")) {
            for (int k = 0; k < targets.size(); k++) {
                Targets.Target t = targets.get(k);
                Estimate e = Estimate.of(best.outcomes()[k]);
                double mean = best.mean(k);
                boolean complete = !Double.isNaN(mean);
                csv.printRecord(t.outcome().label(), t.isRange() ? "range" : "point", Csv.number(t.low()),
                        Csv.number(t.high()), Csv.number(t.weight()), Csv.number(t.scale()), Long.toString(e.n()),
                        Csv.number(mean), Csv.number(complete ? e.sd() : Double.NaN),
                        Csv.number(complete ? e.lower() : Double.NaN), Csv.number(complete ? e.upper() : Double.NaN),
                        Csv.number(complete ? t.distance(mean) : Double.NaN),
                        Csv.number(MomentObjective.misfit(t, best.outcomes()[k])));
            }
        }
    }

    private static void writeParameters(Path file, Calibration.Result result) throws IOException {
        List<SearchParameter> parameters = result.setup().parameters();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = Csv.printer(w, "path", "min", "max", "integer", "start", "fitted")) {
            for (int i = 0; i < parameters.size(); i++) {
                SearchParameter p = parameters.get(i);
                csv.printRecord(p.path(), Csv.number(p.min()), Csv.number(p.max()), Boolean.toString(p.integer()),
                        Csv.number(p.start()), Csv.number(result.best().values()[i]));
            }
        }
    }

    private static void writeEvaluations(Path file, Calibration.Result result) throws IOException {
        CalibrationSetup setup = result.setup();
        List<String> header = new ArrayList<>(List.of("evaluation", "generation"));
        setup.parameters().forEach(p -> header.add(p.path()));
        header.addAll(List.of("loss", "best_loss", "missing"));
        setup.targets().targets().forEach(t -> header.add(t.outcome().label()));
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = Csv.printer(w, header.toArray(String[]::new))) {
            double bestLoss = Double.POSITIVE_INFINITY;
            List<String> row = new ArrayList<>();
            for (Evaluation e : result.evaluations()) {
                bestLoss = Math.min(bestLoss, e.loss());
                row.clear();
                row.add(Integer.toString(e.index()));
                row.add(Integer.toString(generation(e.index(), result.populationSize())));
                for (double v : e.values()) {
                    row.add(Csv.number(v));
                }
                row.add(Csv.number(e.loss()));
                row.add(Csv.number(bestLoss));
                int missing = 0;
                for (int k = 0; k < setup.targets().targets().size(); k++) {
                    missing += Double.isNaN(e.mean(k)) ? 1 : 0;
                }
                row.add(Integer.toString(missing));
                for (int k = 0; k < setup.targets().targets().size(); k++) {
                    row.add(Csv.number(e.mean(k)));
                }
                csv.printRecord(row);
            }
        }
    }
}
