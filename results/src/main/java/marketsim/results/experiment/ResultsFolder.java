package marketsim.results.experiment;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import marketsim.core.metrics.RunRecord;
import marketsim.format.ResultFiles;
import marketsim.results.Csv;
import marketsim.results.Provenance;
import marketsim.results.StagedFolder;
import marketsim.results.replication.Replicator;
import org.apache.commons.csv.CSVPrinter;

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

        Finisher NONE = folder -> { };
    }

    /**
     * A fresh folder name under {@code parent}: {@code NAME-yyyyMMdd-HHmmss}, suffixed if taken; a
     * name longer than {@value #MAX_NAME_BYTES} bytes (a scenario file may have a name of 250) is cut
     * there, so that the folder and its staging name fit the 255 bytes of a file name.
     */
    public static Path defaultFolder(Path parent, String scenario, java.time.Instant now) {
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(java.time.ZoneOffset.UTC).format(now);
        scenario = Csv.shortened(scenario, MAX_NAME_BYTES);
        Path candidate = parent.resolve(scenario + "-" + stamp);
        for (int k = 2; Files.exists(candidate); k++) {
            candidate = parent.resolve(scenario + "-" + stamp + "-" + k);
        }
        return candidate;
    }

    /** A run's folder, written: where it is, when the experiment ran, and its summary estimates for the terminal. */
    public record Written(Path folder, ExperimentResult result, SummaryEstimates summaries) {
    }

    /**
     * Runs {@code experiment} into a results folder under {@code parent} named by
     * {@link #defaultFolder} when it finishes (the next free name if another run claims one first).
     * Every record also goes to {@code also} (e.g. a profile's tally), in replication order.
     */
    public static Written runNew(Path parent, Experiment experiment, Replicator.Progress progress,
                                 Replicator.Sink<RunRecord> also, Finisher finisher)
            throws IOException, InterruptedException {
        String name = experiment.scenario().name();
        try (StagedFolder staged = StagedFolder.create(parent, name)) {
            Written files = stream(staged, experiment, progress, also, finisher);
            for (int attempt = 0; ; attempt++) {
                try {
                    Path folder = staged.commit(defaultFolder(parent, name, files.result().finished()));
                    return new Written(folder, files.result(), files.summaries());
                } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                    if (attempt >= 100) {
                        throw e;
                    }
                }
            }
        }
    }

    /** As {@link #runNew}, into {@code folder}, which must not exist yet. */
    public static Written run(Path folder, Experiment experiment, Replicator.Progress progress,
                              Replicator.Sink<RunRecord> also, Finisher finisher)
            throws IOException, InterruptedException {
        refuseExisting(folder);
        try (StagedFolder staged = StagedFolder.create(folder.toAbsolutePath().getParent(),
                folder.getFileName().toString())) {
            Written files = stream(staged, experiment, progress, also, finisher);
            return new Written(staged.commit(folder), files.result(), files.summaries());
        }
    }

    /** As {@link #run(Path, Experiment, Replicator.Progress, Replicator.Sink, Finisher)}, quietly and without charts. */
    public static Written run(Path folder, Experiment experiment) throws IOException, InterruptedException {
        return run(folder, experiment, Replicator.Progress.NONE, (rep, record) -> { }, Finisher.NONE);
    }

    private static Written stream(StagedFolder staged, Experiment experiment, Replicator.Progress progress,
                                  Replicator.Sink<RunRecord> also, Finisher finisher)
            throws IOException, InterruptedException {
        try (RunFiles files = new RunFiles(staged.dir(), experiment)) {
            ExperimentResult result = ExperimentRunner.run(experiment, progress, (rep, record) -> {
                files.accept(rep, record);
                also.accept(rep, record);
            });
            files.finish(result);
            finisher.finish(staged.dir());
            return new Written(staged.dir(), result, files.summaries());
        }
    }

    /**
     * Writes a folder through {@code contents} into a hidden sibling, then moves it into place in
     * one rename: a folder under the final name is always complete, and an existing one is never
     * replaced. On failure the hidden folder is removed.
     */
    public static Path atomically(Path folder, Finisher contents) throws IOException {
        refuseExisting(folder);
        try (StagedFolder staged = StagedFolder.create(folder.toAbsolutePath().getParent(),
                folder.getFileName().toString())) {
            contents.finish(staged.dir());
            return staged.commit(folder);
        }
    }

    private static void refuseExisting(Path folder) throws FileAlreadyExistsException {
        if (Files.exists(folder)) {
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
        return atomically(folder, temp -> {
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
                variant.set("resolved_scenario", e.scenario().document());
                writeSummary(temp.resolve("summaries").resolve(Csv.fileName(names.get(v)) + ".csv"), results.get(v),
                        summaries.get(v));
            }
            Files.writeString(temp.resolve(ResultFiles.MANIFEST), json.writeValueAsString(m) + "\n", StandardCharsets.UTF_8);
            comparison.write(temp.resolve(ResultFiles.COMPARISON), names.get(0));
            finisher.finish(temp);
        });
    }



    private static void writeSummary(Path file, ExperimentResult result, Summaries summaries) throws IOException {
        long master = result.experiment().masterSeed();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = Csv.printer(w, RunFiles.header("replication", "seed", "entity_type", "entity",
                     "archetype"))) {
            List<String> row = new ArrayList<>();
            for (int r = 0; r < summaries.replications(); r++) {
                RunFiles.summaryRows(csv, row, r, Replicator.seed(master, r), summaries.entities(),
                        summaries.values(r));
            }
        }
    }
}
