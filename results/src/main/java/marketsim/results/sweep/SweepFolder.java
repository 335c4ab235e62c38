package marketsim.results.sweep;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import marketsim.format.Manifest;
import marketsim.format.ResultFiles;
import marketsim.results.Csv;
import marketsim.results.Provenance;
import marketsim.format.StagedFolder;
import marketsim.results.experiment.ResultsFolder;
import marketsim.results.replication.Replicator;
import marketsim.results.sensitivity.MorrisIndex;
import marketsim.results.sensitivity.Prim;
import marketsim.results.sensitivity.SobolIndex;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a whole sweep's folder: runs.csv and points.csv streamed as the runs arrive
 * ({@link SweepFiles}), then the design's analyses (sobol.csv, morris.csv, discovery.csv; columns
 * in docs/RESULTS.md) and the manifest; staged and moved into place, like a run. The runs come
 * from the model or from merged shards ({@link ShardFolder}).
 */
public final class SweepFolder {

    private SweepFolder() {
    }

    /** A sweep's folder, written: where it is, the sweep's means and their analyses (for the terminal). */
    public record Written(Path folder, Sweep.Result result, SweepAnalysis.Analyses analyses) {
    }

    /** Where a whole sweep's runs come from, in run order: the model, or merged shards. */
    @FunctionalInterface
    interface Source {
        Sweep.Result feed(Sweep.RunSink sink) throws IOException, InterruptedException;
    }

    /**
     * Runs a whole sweep into {@code folder} (which must not exist): runs.csv and points.csv are
     * written as the runs finish, the analyses and the manifest once all are in, and the folder is
     * moved into place at the end. An analysis that fails throws {@link IllegalArgumentException}
     * and leaves no folder (the journal still holds the runs).
     */
    public static Written run(Path folder, SweepPlan plan, Sweep.Model model, int threads, SweepJournal journal,
                              Replicator.Progress progress, ResultsFolder.Finisher finisher)
            throws IOException, InterruptedException {
        return write(folder, plan, sink -> Sweep.run(plan, model, Sweep.Shard.WHOLE, threads, journal, progress, sink),
                0, finisher);
    }

    /** Writes a whole sweep's folder from {@code source}; {@code shards} is how many shards it merges (0: none). */
    static Written write(Path folder, SweepPlan plan, Source source, int shards, ResultsFolder.Finisher finisher)
            throws IOException, InterruptedException {
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(folder.toString(), null, "results folder already exists");
        }
        try (StagedFolder staged = StagedFolder.create(folder.toAbsolutePath().getParent(),
                folder.getFileName().toString())) {
            Sweep.Result result;
            try (SweepFiles files = new SweepFiles(staged.dir(), plan)) {
                result = source.feed(files);
            }
            SweepAnalysis.Analyses analyses;
            try {
                analyses = SweepAnalysis.of(result);
            } catch (IllegalArgumentException e) {
                throw new SweepAnalysis.Failed(e);
            }
            finish(staged.dir(), result, analyses, shards);
            finisher.finish(staged.dir());
            return new Written(staged.commit(folder), result, analyses);
        }
    }

    /** The design's analyses of a whole sweep, then its manifest. */
    private static void finish(Path temp, Sweep.Result sweep, SweepAnalysis.Analyses analyses, int shards)
            throws IOException {
        SweepPlan plan = sweep.plan();
        List<SweepAnalysis.Sensitivity> sensitivity = analyses.sensitivity();
        SweepAnalysis.Discovery discovery = analyses.discovery();
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
        m.put("timeseries_every", plan.timeseriesEvery());
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
        List<String> files = new ArrayList<>(List.of(ResultFiles.RUNS, ResultFiles.POINTS, ResultFiles.POINT_SERIES));
        if (plan.design() == Design.SOBOL) {
            writeSobol(temp.resolve(ResultFiles.SOBOL), plan, sensitivity);
            files.add(ResultFiles.SOBOL);
        } else if (plan.design() == Design.MORRIS) {
            writeMorris(temp.resolve(ResultFiles.MORRIS), plan, sensitivity);
            files.add(ResultFiles.MORRIS);
        }
        if (discovery != null) {
            writeDiscovery(temp.resolve(ResultFiles.DISCOVERY), plan, discovery);
            files.add(ResultFiles.DISCOVERY);
        }
        Manifest.putChecksums(m, temp, files); // the manifest goes last, with the checksums of the others
        Files.writeString(temp.resolve(ResultFiles.MANIFEST), json.writeValueAsString(m) + "\n",
                StandardCharsets.UTF_8);
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
}
