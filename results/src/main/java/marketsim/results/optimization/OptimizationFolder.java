package marketsim.results.optimization;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import marketsim.core.config.MarketConfig;
import marketsim.format.Estimate;
import marketsim.format.Manifest;
import marketsim.format.ResultFiles;
import marketsim.format.StagedFolder;
import marketsim.results.Csv;
import marketsim.results.Provenance;
import marketsim.results.experiment.ResultsFolder;
import marketsim.results.search.Evaluation;
import marketsim.results.search.Search;
import marketsim.results.search.SearchParameter;
import marketsim.scenario.Scenario;
import marketsim.scenario.ScenarioException;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes an optimization folder (columns in docs/RESULTS.md): {@code manifest.json}, {@code scenario.yaml} (the best
 * levers as a scenario extending the input, which {@code marketsim run} takes as it is), {@code levers.csv},
 * {@code objective.csv} (the objective and each constraint at the start and the best levers, with the paired
 * difference), {@code regret.csv} (per uncertainty scenario), {@code evaluations.csv} (every candidate) and, after
 * an audit, {@code audit.csv}; staged and moved into place in whole, like a run's.
 */
public final class OptimizationFolder {
    private OptimizationFolder() {
    }

    /** Writes everything into the folder staged before the search, then {@code finisher}; returns where it went. */
    public static Path write(StagedFolder staged, ResultsFolder.Destination destination, Optimization.Result result,
                             Audit.Result audit, ResultsFolder.Finisher finisher) throws IOException, ScenarioException {
        OptimizationSetup setup = result.setup();
        Scenario best = setup.candidate(result.best().values());
        String header = header(result);
        String scenario = ScenarioFile.write(setup.scenario(), setup.document().read(List.of()), best, header);
        return ResultsFolder.atomically(staged, destination, temp -> {
            Files.writeString(temp.resolve(ResultFiles.SCENARIO), scenario, StandardCharsets.UTF_8);
            writeLevers(temp.resolve(ResultFiles.LEVERS), result);
            writeObjective(temp.resolve(ResultFiles.OBJECTIVE), result);
            writeRegret(temp.resolve(ResultFiles.REGRET), result);
            writeEvaluations(temp.resolve(ResultFiles.EVALUATIONS), result);
            List<String> files = new ArrayList<>(List.of(ResultFiles.SCENARIO, ResultFiles.LEVERS,
                    ResultFiles.OBJECTIVE, ResultFiles.REGRET, ResultFiles.EVALUATIONS));
            if (audit != null) {
                AuditFolder.writeCsv(temp.resolve(ResultFiles.AUDIT), audit);
                files.add(ResultFiles.AUDIT);
            }
            writeManifest(temp, result, best, audit, files); // last, with the checksums of the others
            finisher.finish(temp);
        });
    }

    private static String header(Optimization.Result result) {
        OptimizationSetup setup = result.setup();
        StringBuilder h = new StringBuilder("# ").append(setup.base().name()).append(" with the levers marketsim "
                + "optimize chose for ").append(setup.questionText()).append(":\n");
        double[] values = result.best().values();
        for (int i = 0; i < values.length; i++) {
            h.append("#   ").append(setup.levers().get(i).override(values[i])).append('\n');
        }
        return h.append("# objective and intervals: objective.csv beside this file. Its outcomes come back from\n")
                .append("#   marketsim run scenario.yaml --reps ").append(setup.replications()).append(" --seed ")
                .append(setup.masterSeed()).append(setup.uncertain().isEmpty() ? ""
                        : "   (at the scenario's own values of the uncertain parameters)").append('\n').toString();
    }

    private static void writeLevers(Path file, Optimization.Result result) throws IOException {
        List<SearchParameter> levers = result.setup().levers();
        double[] start = result.setup().current();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = Csv.printer(w, "path", "min", "max", "integer", "start", "best")) {
            for (int i = 0; i < levers.size(); i++) {
                SearchParameter p = levers.get(i);
                csv.printRecord(p.path(), Csv.number(p.min()), Csv.number(p.max()), Boolean.toString(p.integer()),
                        Csv.number(start[i]), Csv.number(result.best().values()[i]));
            }
        }
    }

    private static void writeObjective(Path file, Optimization.Result result) throws IOException {
        OptimizationSetup setup = result.setup();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = Csv.printer(w, "outcome", "role", "bound", "n", "start_mean", "start_ci_low",
                     "start_ci_high", "best_mean", "best_ci_low", "best_ci_high", "difference", "ci_low", "ci_high",
                     "holds")) {
            int outcomes = 1 + setup.question().constraints().size();
            for (int k = 0; k < outcomes; k++) {
                Constraint c = k == 0 ? null : setup.question().constraints().get(k - 1);
                Estimate before = result.estimate(result.start(), k);
                Estimate after = result.estimate(result.best(), k);
                Estimate d = result.paired(k);
                String holds = "";
                if (c != null) {
                    holds = Boolean.toString(Arrays.stream(result.outcomePerScenario(result.best(), k))
                            .allMatch(mean -> c.violation(mean) == 0));
                }
                String role = c == null ? (setup.question().minimize() ? "objective (minimized)" : "objective (maximized)")
                        : "constraint";
                csv.printRecord(k == 0 ? setup.question().objective().label() : c.outcome().label(), role,
                        c == null ? "" : (c.atLeast() ? ">= " : "<= ") + Csv.number(c.bound()), Long.toString(d.n()),
                        Csv.number(before.mean()), Csv.number(before.lower()), Csv.number(before.upper()),
                        Csv.number(after.mean()), Csv.number(after.lower()), Csv.number(after.upper()),
                        Csv.number(d.mean()), Csv.number(d.lower()), Csv.number(d.upper()), holds);
            }
        }
    }

    private static void writeRegret(Path file, Optimization.Result result) throws IOException {
        OptimizationSetup setup = result.setup();
        List<String> header = new ArrayList<>(List.of("scenario"));
        setup.uncertain().forEach(u -> header.add(u.path()));
        header.addAll(List.of("start_objective", "best_candidate_objective", "chosen_objective", "regret"));
        double sign = setup.question().minimize() ? -1 : 1;
        double[] best = result.bestPerScenario();
        double[] chosen = result.objectivePerScenario(result.best());
        double[] start = result.objectivePerScenario(result.start());
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = Csv.printer(w, header.toArray(String[]::new))) {
            for (int m = 0; m < best.length; m++) {
                List<String> row = new ArrayList<>(List.of(setup.uncertain().isEmpty() ? "nominal"
                        : Integer.toString(m + 1)));
                for (double v : setup.draws()[m]) {
                    row.add(Csv.number(v));
                }
                row.add(Csv.number(start[m]));
                row.add(Csv.number(sign * best[m]));
                row.add(Csv.number(chosen[m]));
                row.add(Csv.number(best[m] - sign * chosen[m]));
                csv.printRecord(row);
            }
        }
    }

    /** The generation of evaluation {@code index}: 0 for the start and CMA-ES's first candidate, then by lambda. */
    static int generation(int index, int populationSize) {
        return populationSize == 0 || index <= 2 ? 0 : (index - 3) / populationSize + 1;
    }

    private static void writeEvaluations(Path file, Optimization.Result result) throws IOException {
        OptimizationSetup setup = result.setup();
        List<String> header = new ArrayList<>(List.of("evaluation", "kind", "generation"));
        setup.levers().forEach(p -> header.add(p.path()));
        header.addAll(List.of("objective", "score", "violation", "feasible", "chosen"));
        Evaluation chosen = result.best();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = Csv.printer(w, header.toArray(String[]::new))) {
            for (Evaluation e : result.evaluations()) {
                List<String> row = new ArrayList<>(List.of(Integer.toString(e.index()), e.index() == 1 ? "start"
                        : setup.grid() ? "grid" : "cmaes", Integer.toString(generation(e.index(),
                        result.populationSize()))));
                for (double v : e.values()) {
                    row.add(Csv.number(v));
                }
                double v = result.violation(e);
                row.addAll(List.of(Csv.number(e.mean(0)), Csv.number(result.score(e)), Csv.number(v),
                        Boolean.toString(v == 0), Boolean.toString(e == chosen)));
                csv.printRecord(row);
            }
        }
    }

    private static void writeManifest(Path folder, Optimization.Result result, Scenario best, Audit.Result audit,
                                      List<String> files) throws IOException {
        OptimizationSetup setup = result.setup();
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode m = json.createObjectNode();
        Provenance.putTool(m);
        m.put("command", "optimize");
        m.put("scenario", setup.base().name());
        m.put("description", setup.base().description());
        m.put("question", setup.questionText());
        ArrayNode overrides = m.putArray("overrides");
        setup.baseOverrides().forEach(overrides::add);
        m.put("objective", setup.question().objective().label());
        m.put("objective_unit", setup.question().objective().metric().unit());
        m.put("minimize", setup.question().minimize());
        ArrayNode constraints = m.putArray("constraints");
        setup.question().constraints().forEach(c -> constraints.add(c.label()));
        ArrayNode levers = m.putArray("levers");
        for (int i = 0; i < setup.levers().size(); i++) {
            SearchParameter p = setup.levers().get(i);
            ObjectNode n = levers.addObject();
            n.put("path", p.path());
            n.put("min", p.min());
            n.put("max", p.max());
            n.put("integer", p.integer());
            n.put("start", setup.current()[i]);
            n.put("best", result.best().values()[i]);
        }
        ArrayNode uncertain = m.putArray("uncertain");
        for (SearchParameter p : setup.uncertain()) {
            uncertain.addObject().put("path", p.path()).put("min", p.min()).put("max", p.max())
                    .put("integer", p.integer());
        }
        m.put("uncertainty_scenarios", setup.draws().length);
        ObjectNode method = m.putObject("method");
        method.put("search", result.method());
        method.put("robustness", setup.question().robustness().key());
        method.put("robustness_means", setup.question().robustness().description());
        method.put("constraints", "feasibility first: a feasible candidate ranks above every infeasible one; "
                + "infeasible ones rank by their violation");
        if (!setup.grid()) {
            method.put("population_size", result.populationSize());
            method.put("initial_sigma", Search.INITIAL_SIGMA);
            method.put("optimizer_seed", setup.optimizerSeed());
        }
        method.put("max_evaluations", setup.question().maxEvaluations());
        m.put("master_seed", setup.masterSeed());
        m.put("replications", setup.replications());
        ResultsFolder.putSeeds(m, setup.masterSeed(), setup.replications());
        MarketConfig config = best.config();
        m.put("horizon", config.horizon());
        m.put("consumers", config.population().size());
        m.put("summary_window", config.summaryWindow());
        m.put("evaluations", result.evaluations().size());
        m.put("resumed_evaluations", result.replayed());
        m.put("best_evaluation", result.best().index());
        m.put("feasible", result.feasible());
        ArrayNode chosen = m.putArray("best_overrides");
        for (int i = 0; i < setup.levers().size(); i++) {
            chosen.add(setup.levers().get(i).override(result.best().values()[i]));
        }
        if (audit != null) {
            m.put("audit_tolerance", audit.tolerance());
            m.put("audit_equilibrium", audit.equilibrium());
        }
        m.put("threads", setup.threads());
        m.put("started", result.started().toString());
        m.put("finished", result.finished().toString());
        m.put("java_version", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.set("resolved_scenario", best.complete());
        Manifest.putChecksums(m, folder, files);
        Files.writeString(folder.resolve(ResultFiles.MANIFEST), json.writeValueAsString(m) + "\n",
                StandardCharsets.UTF_8);
    }
}
