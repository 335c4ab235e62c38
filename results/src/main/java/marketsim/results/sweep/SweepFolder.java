package marketsim.results.sweep;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import marketsim.results.Provenance;
import marketsim.core.metrics.Entity;
import marketsim.core.metrics.EntityType;
import marketsim.core.metrics.Metric;
import marketsim.results.sensitivity.MorrisIndex;
import marketsim.results.sensitivity.Prim;
import marketsim.results.sensitivity.SobolIndex;
import org.apache.commons.csv.CSVPrinter;
import marketsim.results.Csv;
import marketsim.results.Estimate;
import marketsim.results.experiment.ResultsFolder;
import marketsim.results.replication.Replicator;

/**
 * Writes sweep folders (runs.csv, points.csv and the design's analyses: sobol.csv, morris.csv,
 * discovery.csv; columns in docs/RESULTS.md) and shard folders ({@code --shard i/n}: the plan and
 * the exact values of the shard's runs), and merges shards into the folder one machine would
 * have written. All atomically, like a run.
 */
public final class SweepFolder {
    public static final String SOBOL = "sobol.csv";
    public static final String MORRIS = "morris.csv";
    public static final String DISCOVERY = "discovery.csv";
    public static final String SHARD_RUNS = "shard-runs.txt";
    static final String SHARD_COMMAND = "sweep-shard";

    private SweepFolder() {
    }

    /** Writes a whole sweep's folder; {@code shards} is how many shards were merged into it (0: none). */
    public static Path write(Path folder, Sweep.Result sweep, int shards, ResultsFolder.Finisher finisher)
            throws IOException {
        return write(folder, sweep, SweepAnalysis.of(sweep), shards, finisher);
    }

    /** As {@link #write(Path, Sweep.Result, int, ResultsFolder.Finisher)}, with the analyses already computed. */
    public static Path write(Path folder, Sweep.Result sweep, SweepAnalysis.Analyses analyses, int shards,
                             ResultsFolder.Finisher finisher) throws IOException {
        SweepPlan plan = sweep.plan();
        List<SweepAnalysis.Sensitivity> sensitivity = analyses.sensitivity();
        SweepAnalysis.Discovery discovery = analyses.discovery();
        return ResultsFolder.atomically(folder, temp -> {
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode m = json.createObjectNode();
            Provenance.putTool(m);
            m.put("command", "sweep");
            m.put("scenario", plan.scenario());
            m.put("design", plan.design().key());
            if (plan.design().sampled()) {
                m.put("samples", plan.samples());
            }
            if (plan.design() == Design.MORRIS) {
                m.put("levels", plan.levels());
            }
            m.set("factors", factorsJson(json, plan));
            plan.overrides().forEach(m.putArray("overrides")::add);
            m.put("points", plan.points().size());
            m.put("master_seed", plan.masterSeed());
            m.put("replications", plan.replications());
            ResultsFolder.putSeeds(m, plan.masterSeed(), plan.replications());
            plan.outcomes().forEach(m.putArray("outcomes")::add);
            if (plan.condition() != null) {
                m.put("condition", plan.condition());
            }
            m.put("threads", sweep.threads());
            if (shards > 0) {
                m.put("shards", shards); // merged from this many shard folders
            }
            m.put("started", sweep.started().toString());
            m.put("finished", sweep.finished().toString());
            m.put("java_version", System.getProperty("java.version"));
            m.set("resolved_scenario", plan.resolvedScenario());
            ArrayNode files = m.putArray("files");
            files.add(ResultsFolder.RUNS).add(ResultsFolder.POINTS);
            if (plan.design() == Design.SOBOL) {
                files.add(SOBOL);
            } else if (plan.design() == Design.MORRIS) {
                files.add(MORRIS);
            }
            if (discovery != null) {
                files.add(DISCOVERY);
            }
            Files.writeString(temp.resolve(ResultsFolder.MANIFEST), json.writeValueAsString(m) + "\n",
                    StandardCharsets.UTF_8);
            writeRuns(temp.resolve(ResultsFolder.RUNS), sweep);
            writePoints(temp.resolve(ResultsFolder.POINTS), sweep);
            if (plan.design() == Design.SOBOL) {
                writeSobol(temp.resolve(SOBOL), plan, sensitivity);
            } else if (plan.design() == Design.MORRIS) {
                writeMorris(temp.resolve(MORRIS), plan, sensitivity);
            }
            if (discovery != null) {
                writeDiscovery(temp.resolve(DISCOVERY), plan, discovery);
            }
            finisher.finish(temp);
        });
    }

    private static ArrayNode factorsJson(ObjectMapper json, SweepPlan plan) {
        ArrayNode factors = json.createArrayNode();
        for (Factor f : plan.factors()) {
            ObjectNode factor = factors.addObject();
            factor.put("path", f.path());
            if (f.continuous()) {
                factor.put("from", f.from());
                factor.put("to", f.to());
                factor.put("whole_numbers", f.integer());
            } else {
                f.levels().forEach(factor.putArray("values")::add);
            }
        }
        return factors;
    }

    private static List<String> factorColumns(SweepPlan plan) {
        return plan.factors().stream().map(Factor::path).toList();
    }

    private static void writeRuns(Path file, Sweep.Result sweep) throws IOException {
        SweepPlan plan = sweep.plan();
        List<String> header = new ArrayList<>(List.of("point", "replication", "seed"));
        header.addAll(factorColumns(plan));
        header.addAll(List.of("entity_type", "entity", "archetype"));
        for (Metric metric : Metric.values()) {
            header.add(metric.key());
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = Csv.printer(w, header.toArray(String[]::new))) {
            List<String> row = new ArrayList<>();
            for (int p = 0; p < plan.points().size(); p++) {
                List<Entity> entities = plan.entities(p);
                for (int r = 0; r < plan.replications(); r++) {
                    for (int e = 0; e < entities.size(); e++) {
                        row.clear();
                        row.add(Integer.toString(p + 1));
                        row.add(Integer.toString(r + 1));
                        row.add(Long.toString(Replicator.seed(plan.masterSeed(), r)));
                        row.addAll(plan.points().get(p).values());
                        Csv.addEntity(row, entities.get(e));
                        for (double v : sweep.values()[p][r][e]) {
                            row.add(Csv.number(v));
                        }
                        csv.printRecord(row);
                    }
                }
            }
        }
    }

    private static void writePoints(Path file, Sweep.Result sweep) throws IOException {
        SweepPlan plan = sweep.plan();
        List<String> header = new ArrayList<>(List.of("point"));
        header.addAll(factorColumns(plan));
        header.addAll(List.of("entity_type", "entity", "metric", "n", "mean", "sd", "ci_low", "ci_high"));
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = Csv.printer(w, header.toArray(String[]::new))) {
            List<String> row = new ArrayList<>();
            double[] xs = new double[plan.replications()];
            for (int p = 0; p < plan.points().size(); p++) {
                List<Entity> entities = plan.entities(p);
                for (int e = 0; e < entities.size(); e++) {
                    Entity entity = entities.get(e);
                    if (entity.type() == EntityType.FIRM || entity.type() == EntityType.POOL) {
                        continue;
                    }
                    for (Metric metric : Metric.values()) {
                        if (!metric.scope().includes(entity.type())) {
                            continue;
                        }
                        for (int r = 0; r < xs.length; r++) {
                            xs[r] = sweep.values()[p][r][e][metric.ordinal()];
                        }
                        Estimate est = Estimate.of(xs);
                        row.clear();
                        row.add(Integer.toString(p + 1));
                        row.addAll(plan.points().get(p).values());
                        row.addAll(List.of(entity.type().key(), entity.name(), metric.key(), Long.toString(est.n()),
                                Csv.number(est.mean()), Csv.number(est.sd()), Csv.number(est.lower()),
                                Csv.number(est.upper())));
                        csv.printRecord(row);
                    }
                }
            }
        }
    }

    private static void writeSobol(Path file, SweepPlan plan, List<SweepAnalysis.Sensitivity> all) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = Csv.printer(w, "outcome", "parameter", "first", "first_low", "first_high", "total",
                     "total_low", "total_high", "note")) {
            for (SweepAnalysis.Sensitivity s : all) {
                for (int f = 0; f < plan.factors().size(); f++) {
                    if (s.missing() != null) {
                        csv.printRecord(s.outcome().label(), plan.factors().get(f).path(), "", "", "", "", "", "",
                                s.missing());
                        continue;
                    }
                    SobolIndex i = s.sobol().get(f);
                    csv.printRecord(s.outcome().label(), plan.factors().get(f).path(), Csv.number(i.first()),
                            Csv.number(i.firstLow()), Csv.number(i.firstHigh()), Csv.number(i.total()),
                            Csv.number(i.totalLow()), Csv.number(i.totalHigh()), "");
                }
            }
        }
    }

    private static void writeMorris(Path file, SweepPlan plan, List<SweepAnalysis.Sensitivity> all)
            throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = Csv.printer(w, "outcome", "parameter", "mu", "mu_star", "mu_star_low", "mu_star_high",
                     "sigma", "note")) {
            for (SweepAnalysis.Sensitivity s : all) {
                for (int f = 0; f < plan.factors().size(); f++) {
                    if (s.missing() != null) {
                        csv.printRecord(s.outcome().label(), plan.factors().get(f).path(), "", "", "", "", "",
                                s.missing());
                        continue;
                    }
                    MorrisIndex i = s.morris().get(f);
                    csv.printRecord(s.outcome().label(), plan.factors().get(f).path(), Csv.number(i.mu()),
                            Csv.number(i.muStar()), Csv.number(i.muStarLow()), Csv.number(i.muStarHigh()),
                            Csv.number(i.sigma()), "");
                }
            }
        }
    }

    /** PRIM's peeling trajectory, one row per step and parameter, the chosen box marked. */
    private static void writeDiscovery(Path file, SweepPlan plan, SweepAnalysis.Discovery d) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = Csv.printer(w, "condition", "step", "chosen", "coverage", "density", "mass", "points",
                     "parameter", "low", "high", "restricted")) {
            List<Prim.Box> trajectory = d.prim() == null ? List.of() : d.prim().trajectory();
            for (int step = 0; step < trajectory.size(); step++) {
                Prim.Box box = trajectory.get(step);
                for (int f = 0; f < plan.factors().size(); f++) {
                    boolean restricted = box.restricted()[f];
                    csv.printRecord(d.condition().text(), Integer.toString(step), step == d.prim().chosen(),
                            Csv.number(box.coverage()), Csv.number(box.density()), Csv.number(box.mass()),
                            Integer.toString(box.points()), plan.factors().get(f).path(),
                            boundText(plan.factors().get(f), box.lower()[f], false),
                            boundText(plan.factors().get(f), box.upper()[f], true), restricted);
                }
            }
        }
    }

    /**
     * A bound as a number, or for a factor of named levels the name of the first level inside it
     * (PRIM's bounds fall between level indexes: a lower bound rounds up, an upper one down).
     */
    public static String boundText(Factor factor, double x, boolean upper) {
        if (SweepAnalysis.numeric(factor)) {
            return Csv.number(x);
        }
        int level = (int) (upper ? Math.floor(x) : Math.ceil(x));
        return factor.levels().get(Math.max(0, Math.min(factor.levels().size() - 1, level)));
    }

    /**
     * Writes a shard folder: manifest.json with the whole plan and which slice this is, and
     * shard-runs.txt with the exact values of the slice's runs (the journal's line format).
     */
    public static Path writeShard(Path folder, Sweep.Result shard) throws IOException {
        SweepPlan plan = shard.plan();
        return ResultsFolder.atomically(folder, temp -> {
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode m = json.createObjectNode();
            Provenance.putTool(m);
            m.put("command", SHARD_COMMAND);
            m.put("shard", shard.shard().toString());
            m.put("sweep_identity", SweepJournal.identity(plan));
            m.put("runs", shard.shard().size(plan.runs()));
            m.put("threads", shard.threads());
            m.put("started", shard.started().toString());
            m.put("finished", shard.finished().toString());
            m.put("java_version", System.getProperty("java.version"));
            m.set("plan", plan.toJson(json));
            Files.writeString(temp.resolve(ResultsFolder.MANIFEST), json.writeValueAsString(m) + "\n",
                    StandardCharsets.UTF_8);
            try (Writer w = Files.newBufferedWriter(temp.resolve(SHARD_RUNS), StandardCharsets.UTF_8)) {
                int reps = plan.replications();
                for (int run = 0; run < plan.runs(); run++) {
                    if (!shard.shard().owns(run)) {
                        continue;
                    }
                    w.write(SweepJournal.line(run, shard.values()[run / reps][run % reps]) + "\n");
                }
            }
        });
    }

    /**
     * Joins the shard folders of one sweep into the result one machine would have computed.
     * Throws {@link IllegalArgumentException}, naming the folder and the problem, for a folder that
     * is not a shard, shards of different sweeps, a slice given twice or missing, or damaged data.
     */
    public static Sweep.Result merge(List<Path> shards) throws IOException {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("give the shard folders to merge");
        }
        ObjectMapper json = new ObjectMapper();
        SweepPlan plan = null;
        String identity = null;
        Sweep.Shard[] seen = null;
        double[][][][] values = null;
        Instant started = null;
        Instant finished = null;
        int threads = 0;
        for (Path folder : shards) {
            JsonNode m = shardManifest(json, folder);
            Sweep.Shard shard;
            try {
                shard = Sweep.Shard.parse(m.path("shard").asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(folder + ": manifest.json has a bad shard field: " + e.getMessage());
            }
            Instant s;
            Instant f;
            try {
                s = Instant.parse(m.path("started").asText());
                f = Instant.parse(m.path("finished").asText());
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException(folder + ": manifest.json has no valid started/finished times; "
                        + "the shard folder is damaged");
            }
            if (plan == null) {
                try {
                    plan = SweepPlan.fromJson(m.get("plan"));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(folder + ": manifest.json's plan is damaged or from another "
                            + "version of marketsim (" + e.getClass().getSimpleName() + ")");
                }
                identity = m.path("sweep_identity").asText();
                seen = new Sweep.Shard[shard.count()];
                values = new double[plan.points().size()][plan.replications()][][];
            } else if (!identity.equals(m.path("sweep_identity").asText()) || seen.length != shard.count()) {
                throw new IllegalArgumentException(folder + ": a shard of a different sweep than " + shards.get(0)
                        + " (another scenario, design, seed, replication count, shard count or tool version)");
            }
            if (seen[shard.index() - 1] != null) {
                throw new IllegalArgumentException(folder + ": slice " + shard + " was given twice");
            }
            seen[shard.index() - 1] = shard;
            readShardRuns(folder, plan, shard, values);
            started = started == null || s.isBefore(started) ? s : started;
            finished = finished == null || f.isAfter(finished) ? f : finished;
            threads = Math.max(threads, m.path("threads").asInt());
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < seen.length; i++) {
            if (seen[i] == null) {
                missing.add((i + 1) + "/" + seen.length);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("missing slices " + String.join(", ", missing)
                    + ": run them with --shard and give every shard folder to merge");
        }
        return new Sweep.Result(plan, Sweep.Shard.WHOLE, threads, values, 0, started, finished);
    }

    private static JsonNode shardManifest(ObjectMapper json, Path folder) {
        Path manifest = folder.resolve(ResultsFolder.MANIFEST);
        if (!Files.exists(folder)) {
            throw new IllegalArgumentException(folder + ": does not exist");
        }
        if (!Files.isRegularFile(manifest)) {
            throw new IllegalArgumentException(folder + ": not a sweep shard folder (no manifest.json); make one with "
                    + "marketsim sweep ... --shard i/n --out FOLDER");
        }
        JsonNode m;
        try {
            m = json.readTree(manifest.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(manifest + ": not readable JSON (" + e.getMessage().split("\\R")[0]
                    .replaceAll(" *\\(?Source: .*", "") + ")");
        }
        if (!SHARD_COMMAND.equals(m.path("command").asText()) || !m.has("plan")) {
            throw new IllegalArgumentException(folder + ": not a sweep shard folder (manifest.json says command '"
                    + m.path("command").asText() + "'); make one with marketsim sweep ... --shard i/n");
        }
        return m;
    }

    private static void readShardRuns(Path folder, SweepPlan plan, Sweep.Shard shard, double[][][][] values)
            throws IOException {
        Path file = folder.resolve(SHARD_RUNS);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(folder + ": no " + SHARD_RUNS + "; the shard folder is incomplete");
        }
        int reps = plan.replications();
        int metrics = Metric.values().length;
        int count = 0;
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": damaged (not text)");
        }
        for (int l = 0; l < lines.size(); l++) {
            String where = file + " line " + (l + 1);
            String[] cells = lines.get(l).split(",", -1);
            int run;
            try {
                run = Integer.parseInt(cells[0]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ": damaged (no run number)");
            }
            if (run < 0 || run >= plan.runs() || !shard.owns(run)) {
                throw new IllegalArgumentException(where + ": run " + run + " does not belong to slice " + shard);
            }
            int entities = plan.entities(run / reps).size();
            if (cells.length != 1 + entities * metrics) {
                throw new IllegalArgumentException(where + ": damaged (" + (cells.length - 1) + " values, expected "
                        + entities * metrics + ")");
            }
            double[][] v = new double[entities][metrics];
            try {
                for (int e = 0; e < entities; e++) {
                    for (int k = 0; k < metrics; k++) {
                        v[e][k] = Double.parseDouble(cells[1 + e * metrics + k]);
                    }
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ": damaged (" + e.getMessage() + ")");
            }
            if (values[run / reps][run % reps] != null) {
                throw new IllegalArgumentException(where + ": run " + run + " appears twice");
            }
            values[run / reps][run % reps] = v;
            count++;
        }
        if (count != shard.size(plan.runs())) {
            throw new IllegalArgumentException(file + ": " + count + " runs, slice " + shard + " has "
                    + shard.size(plan.runs()));
        }
    }
}
