package marketsim.results.experiment;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import marketsim.core.MarketModel;
import marketsim.core.config.MarketConfig;
import marketsim.core.metrics.RunRecord;
import marketsim.format.Manifest;
import marketsim.format.ResultFiles;
import marketsim.results.Csv;
import marketsim.results.Provenance;
import marketsim.format.StagedFolder;
import marketsim.results.replication.Replicator;

/**
 * Writes the results folder of PRODUCT.md: {@code manifest.json}, {@code scenario.yaml},
 * {@code timeseries.csv}, {@code summary.csv} and {@code aggregate.csv} (columns in
 * docs/RESULTS.md), and a comparison's folder. A run's files are streamed in as its replications
 * finish ({@link RunFiles}), so a run of any length needs the memory of a few replications.
 * Everything is written into a hidden sibling folder first and moved into place in one rename
 * ({@link StagedFolder}), so a crash never leaves a folder that looks complete, and an existing
 * folder is never overwritten.
 */
public final class ResultsFolder {

    /** Most bytes of a scenario's name in a default folder's name. */
    static final int MAX_NAME_BYTES = 120;

    private ResultsFolder() {
    }

    /** More to write into the folder before it is moved into place (charts, the report). */
    @FunctionalInterface
    public interface Finisher {
        void finish(Path folder) throws IOException;

        /**
         * As {@link #finish(Path)} for a run's folder, with its aggregate.csv at hand in memory: the charts draw from
         * it instead of reading the file back.
         */
        default void finishRun(Path folder, AggregateTable aggregate) throws IOException {
            finish(folder);
        }

        Finisher NONE = folder -> { };
    }

    /**
     * A fresh folder name under {@code parent}: {@code NAME-yyyyMMdd-HHmmss}, suffixed if taken; a
     * name longer than {@value #MAX_NAME_BYTES} bytes (a scenario file may have a name of 250) is cut
     * there, so that the folder and its staging name fit the 255 bytes of a file name.
     */
    public static Path defaultFolder(Path parent, String scenario, Instant now) {
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(java.time.ZoneOffset.UTC).format(now);
        scenario = ResultFiles.shortened(scenario, MAX_NAME_BYTES);
        Path candidate = parent.resolve(scenario + "-" + stamp);
        for (int k = 2; Files.exists(candidate); k++) {
            candidate = parent.resolve(scenario + "-" + stamp + "-" + k);
        }
        return candidate;
    }

    /**
     * A run's folder, written: where it is, when the experiment ran, its summary estimates for the terminal, and the
     * time its writing took.
     */
    public record Written(Path folder, ExperimentResult result, SummaryEstimates summaries, Timings timings) {
    }

    /**
     * Where a run's writing time went, in nanoseconds: {@code rows}, the processor time of the rows of
     * timeseries.csv and summary.csv, written on the calling thread as the replications finished, and
     * {@code rowsWall}, the wall time that took (longer when the replications' threads hold every core: the rows
     * wait for one, and what they cost the run is their processor time); {@code files}, aggregate.csv, scenario.yaml
     * and manifest.json after the last; {@code figures}, the charts and report.html (both wall time, nothing else
     * running). For {@code marketsim run --profile}.
     */
    public record Timings(long rows, long rowsWall, long files, long figures) {
        /** All of the writing: the rows' processor time, the rest's wall time. */
        public long total() {
            return rows + files + figures;
        }
    }

    /**
     * Where a results folder goes: exactly {@code folder} (--out, which must not exist), or a fresh
     * {@code NAME-yyyyMMdd-HHmmss} under {@code parent}, named when it is moved into place (the next free name if
     * another run claims one first). A command {@link #stage stages} it before any work, so a place that cannot be
     * written is found at once, not after every replication has run.
     */
    public record Destination(Path folder, Path parent, String name) {
        /** Exactly {@code folder}, which must not exist. */
        public static Destination exactly(Path folder) {
            return new Destination(folder, folder.toAbsolutePath().getParent(), folder.getFileName().toString());
        }

        /** A fresh folder {@code NAME-TIMESTAMP} under {@code parent}. */
        public static Destination fresh(Path parent, String name) {
            return new Destination(null, parent, name);
        }

        /** The staged folder the files are written into, created now (with its parent). */
        public StagedFolder stage() throws IOException {
            if (folder != null) {
                refuseExisting(folder);
            }
            return StagedFolder.create(parent, name);
        }

        /** Moves {@code staged} into place, a fresh folder named by {@code when}; returns where it went. */
        public Path commit(StagedFolder staged, Instant when) throws IOException {
            if (folder != null) {
                return staged.commit(folder);
            }
            for (int attempt = 0; ; attempt++) {
                try {
                    return staged.commit(defaultFolder(parent, name, when));
                } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                    if (attempt >= 100) {
                        throw e;
                    }
                }
            }
        }

        /** Where the folder goes, for messages: {@code folder}, or its name if it were made now. */
        public Path where() {
            return folder != null ? folder : defaultFolder(parent, name, Instant.now());
        }
    }

    /**
     * Runs {@code experiment} into a results folder at {@code destination}, staged before the first replication.
     * Every record also goes to {@code also} (e.g. a profile's tally), in replication order.
     */
    public static Written run(Destination destination, Experiment experiment, Replicator.Progress progress,
                              Replicator.Sink<RunRecord> also, Finisher finisher)
            throws IOException, InterruptedException {
        return run(destination, experiment, TimeSeries.FULL, progress, also, finisher);
    }

    /**
     * As {@link #run(Destination, Experiment, Replicator.Progress, Replicator.Sink, Finisher)}, with timeseries.csv
     * as {@code detail} says.
     */
    public static Written run(Destination destination, Experiment experiment, TimeSeries detail,
                              Replicator.Progress progress, Replicator.Sink<RunRecord> also, Finisher finisher)
            throws IOException, InterruptedException {
        MarketConfig config = experiment.scenario().config();
        long master = experiment.masterSeed();
        return run(destination, experiment, rep -> MarketModel.run(config, Replicator.seed(master, rep)), detail,
                progress, also, finisher);
    }

    /**
     * As {@link #run(Destination, Experiment, TimeSeries, Replicator.Progress, Replicator.Sink, Finisher)}, each
     * replication made by {@code replication} (a played game's decisions replayed on replication {@code rep}'s
     * draw): the same files as a run's.
     */
    public static Written run(Destination destination, Experiment experiment, Replicator.Job<RunRecord> replication,
                              TimeSeries detail, Replicator.Progress progress, Replicator.Sink<RunRecord> also,
                              Finisher finisher) throws IOException, InterruptedException {
        try (StagedFolder staged = destination.stage()) {
            Written files = stream(staged, experiment, replication, detail, progress, also, finisher);
            return new Written(destination.commit(staged, files.result().finished()), files.result(),
                    files.summaries(), files.timings());
        }
    }

    /** As {@link #run(Destination, Experiment, Replicator.Progress, Replicator.Sink, Finisher)}, into {@code folder}. */
    public static Written run(Path folder, Experiment experiment, Replicator.Progress progress,
                              Replicator.Sink<RunRecord> also, Finisher finisher)
            throws IOException, InterruptedException {
        return run(Destination.exactly(folder), experiment, progress, also, finisher);
    }

    /** As {@link #run(Path, Experiment, Replicator.Progress, Replicator.Sink, Finisher)}, quietly and without charts. */
    public static Written run(Path folder, Experiment experiment) throws IOException, InterruptedException {
        return run(folder, experiment, Replicator.Progress.NONE, (rep, record) -> { }, Finisher.NONE);
    }

    private static Written stream(StagedFolder staged, Experiment experiment, Replicator.Job<RunRecord> replication,
                                  TimeSeries detail, Replicator.Progress progress, Replicator.Sink<RunRecord> also,
                                  Finisher finisher) throws IOException, InterruptedException {
        try (RunFiles files = new RunFiles(staged.dir(), experiment, detail)) {
            long[] rows = new long[2];
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            ExperimentResult result = ExperimentRunner.run(experiment, replication, progress, (rep, record) -> {
                long cpu = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                files.accept(rep, record);
                rows[1] += System.nanoTime() - start;
                rows[0] += threads.getCurrentThreadCpuTime() - cpu;
                also.accept(rep, record);
            });
            long start = System.nanoTime();
            files.finish(result);
            long finished = System.nanoTime();
            finisher.finishRun(staged.dir(), files.aggregate());
            return new Written(staged.dir(), result, files.summaries(),
                    new Timings(rows[0], rows[1], finished - start, System.nanoTime() - finished));
        }
    }

    /**
     * Writes a folder through {@code contents} into a hidden sibling, then moves it into place in
     * one rename: a folder under the final name is always complete, and an existing one is never
     * replaced. On failure the hidden folder is removed.
     */
    public static Path atomically(Path folder, Finisher contents) throws IOException {
        Destination destination = Destination.exactly(folder);
        try (StagedFolder staged = destination.stage()) {
            return atomically(staged, destination, contents);
        }
    }

    /** As {@link #atomically(Path, Finisher)}, into a folder {@link Destination#stage staged} earlier. */
    public static Path atomically(StagedFolder staged, Destination destination, Finisher contents) throws IOException {
        contents.finish(staged.dir());
        return destination.commit(staged, Instant.now());
    }

    private static void refuseExisting(Path folder) throws FileAlreadyExistsException {
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) { // a link too: never moved over
            throw new FileAlreadyExistsException(folder.toString(), null, "results folder already exists");
        }
    }

    /** The manifest's {@code replication_seeds}: replication r's seed under the master seed, for each r. */
    public static void putSeeds(ObjectNode manifest, long masterSeed, int replications) {
        ArrayNode seeds = manifest.putArray("replication_seeds");
        for (int r = 0; r < replications; r++) {
            seeds.add(Replicator.seed(masterSeed, r));
        }
    }


    /**
     * Writes a comparison folder: manifest.json (every variant's scenario, overrides and seeds),
     * comparison.csv, and each variant's summary as summaries/NAME.csv; atomically, like a run.
     */
    public static Path writeComparison(Path folder, List<String> names, List<ExperimentResult> results,
                                       List<Summaries> summaries, Comparison comparison, Finisher finisher)
            throws IOException {
        Destination destination = Destination.exactly(folder);
        try (StagedFolder staged = destination.stage()) {
            return writeComparison(staged, destination, names, results, summaries, comparison, finisher);
        }
    }

    /** As {@link #writeComparison(Path, List, List, List, Comparison, Finisher)}, into a folder staged earlier. */
    public static Path writeComparison(StagedFolder staged, Destination destination, List<String> names,
                                       List<ExperimentResult> results, List<Summaries> summaries, Comparison comparison,
                                       Finisher finisher) throws IOException {
        return atomically(staged, destination, temp -> {
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode m = json.createObjectNode();
            Provenance.putTool(m);
            m.put("command", "compare");
            m.put("reference", names.get(0));
            Experiment first = results.get(0).experiment();
            m.put("master_seed", first.masterSeed());
            m.put("replications", first.replications());
            putSeeds(m, first.masterSeed(), first.replications());
            m.put("threads", first.threads());
            m.put("java_version", System.getProperty("java.version"));
            ArrayNode variants = m.putArray("variants");
            Files.createDirectories(temp.resolve("summaries"));
            for (int v = 0; v < names.size(); v++) {
                Experiment e = results.get(v).experiment();
                ObjectNode variant = variants.addObject();
                variant.put("name", names.get(v));
                variant.put("scenario", e.scenario().name());
                ArrayNode overrides = variant.putArray("overrides");
                e.overrides().forEach(overrides::add);
                variant.put("started", results.get(v).started().toString());
                variant.put("finished", results.get(v).finished().toString());
                variant.set("resolved_scenario", e.scenario().complete());
                writeSummary(temp.resolve("summaries").resolve(Csv.fileName(names.get(v)) + ".csv"), results.get(v),
                        summaries.get(v));
            }
            comparison.write(temp.resolve(ResultFiles.COMPARISON), names.get(0));
            List<String> files = new ArrayList<>(List.of(ResultFiles.COMPARISON));
            if (summaries.stream().allMatch(sum -> sum.series() != null)) {
                OutcomeSeries.write(temp.resolve(ResultFiles.VARIANT_SERIES), names,
                        summaries.stream().map(Summaries::series).toList());
                files.add(ResultFiles.VARIANT_SERIES);
            }
            names.forEach(name -> files.add("summaries/" + Csv.fileName(name) + ".csv"));
            Manifest.putChecksums(m, temp, files); // the manifest goes last, with the checksums of the others
            Files.writeString(temp.resolve(ResultFiles.MANIFEST), json.writeValueAsString(m) + "\n", StandardCharsets.UTF_8);
            finisher.finish(temp);
        });
    }



    private static void writeSummary(Path file, ExperimentResult result, Summaries summaries) throws IOException {
        long master = result.experiment().masterSeed();
        try (Csv.Rows csv = RunFiles.rows(file, RunFiles.header("replication", "seed", "entity_type", "entity",
                "archetype"))) {
            for (int r = 0; r < summaries.replications(); r++) {
                RunFiles.summaryRows(csv, r, Replicator.seed(master, r), summaries.entities(), summaries.values(r));
            }
        }
    }
}
