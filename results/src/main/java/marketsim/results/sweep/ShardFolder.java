package marketsim.results.sweep;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import marketsim.format.Manifest;
import marketsim.format.NotAResultsFolderException;
import marketsim.format.ResultFiles;
import marketsim.results.Provenance;
import marketsim.format.StagedFolder;
import marketsim.results.experiment.ResultsFolder;
import marketsim.results.replication.Replicator;

/**
 * Shard folders ({@code --shard i/n}): the whole plan and which slice this is in manifest.json,
 * and the exact values of the slice's runs in shard-runs.txt (the journal's record format, one
 * line per run in run order), streamed as the runs finish. {@link #merge} joins the shards of one
 * sweep into the folder one machine would have written, reading the shards' lines in run order,
 * so a merge holds no more than a run at a time either.
 */
public final class ShardFolder {
    static final String SHARD_COMMAND = "sweep-shard";

    private ShardFolder() {
    }

    /** Runs slice {@code shard} of the plan into a shard folder at {@code folder}, which must not exist. */
    public static Path run(Path folder, SweepPlan plan, Sweep.Model model, Sweep.Shard shard, int threads,
                           SweepJournal journal, Replicator.Progress progress) throws IOException, InterruptedException {
        return run(folder, plan, model, shard, threads, journal, progress, ResultsFolder.Finisher.NONE);
    }

    /** As {@link #run(Path, SweepPlan, Sweep.Model, Sweep.Shard, int, SweepJournal, Replicator.Progress)}, {@code
     * finisher} writing more into the folder (its experiment file) before it is moved into place. */
    public static Path run(Path folder, SweepPlan plan, Sweep.Model model, Sweep.Shard shard, int threads,
                           SweepJournal journal, Replicator.Progress progress, ResultsFolder.Finisher finisher)
            throws IOException, InterruptedException {
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(folder.toString(), null, "results folder already exists");
        }
        try (StagedFolder staged = StagedFolder.create(folder.toAbsolutePath().getParent(),
                folder.getFileName().toString())) {
            Sweep.Result result;
            try (BufferedWriter w = Files.newBufferedWriter(staged.dir().resolve(ResultFiles.SHARD_RUNS), StandardCharsets.UTF_8)) {
                result = Sweep.run(plan, model, shard, threads, journal, progress,
                        (run, values) -> w.write(SweepJournal.line(run, values) + "\n"));
            }
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode m = json.createObjectNode();
            Provenance.putTool(m);
            m.put("command", SHARD_COMMAND);
            m.put("shard", shard.toString());
            m.put("sweep_identity", SweepJournal.identity(plan));
            m.put("runs", shard.size(plan.runs()));
            m.put("threads", result.threads());
            m.put("started", result.started().toString());
            m.put("finished", result.finished().toString());
            m.put("java_version", System.getProperty("java.version"));
            m.set("plan", plan.toJson(json));
            Manifest.putChecksums(m, staged.dir(), List.of(ResultFiles.SHARD_RUNS));
            Files.writeString(staged.dir().resolve(ResultFiles.MANIFEST), json.writeValueAsString(m) + "\n",
                    StandardCharsets.UTF_8);
            finisher.finish(staged.dir());
            return staged.commit(folder);
        }
    }

    /** One shard folder, read: its slice, its manifest's times and threads. */
    private record Slice(Path folder, Sweep.Shard shard, Instant started, Instant finished, int threads) {
    }

    /** Every slice of one sweep, their manifests read and checked; {@link #merge} joins their runs. */
    public static final class Shards {
        private final SweepPlan plan;
        private final Slice[] slices;

        private Shards(SweepPlan plan, Slice[] slices) {
            this.plan = plan;
            this.slices = slices;
        }

        public SweepPlan plan() {
            return plan;
        }

        /**
         * Writes the whole sweep's folder at {@code folder} from the slices' runs; throws
         * {@link IllegalArgumentException}, naming the file and line, for damaged run data.
         */
        public SweepFolder.Written merge(Path folder, ResultsFolder.Finisher finisher)
                throws IOException, InterruptedException {
            return SweepFolder.write(folder, plan, sink -> feed(plan, slices, sink), slices.length, finisher);
        }
    }

    /** As {@link #read} and {@link Shards#merge}. */
    public static SweepFolder.Written merge(List<Path> shards, Path folder, ResultsFolder.Finisher finisher)
            throws IOException, InterruptedException {
        return read(shards).merge(folder, finisher);
    }

    /**
     * Reads the manifests of the shard folders of one sweep. Throws {@link IllegalArgumentException},
     * naming the folder and the problem, for a folder that is not a shard, shards of different
     * sweeps, or a slice given twice or missing.
     */
    public static Shards read(List<Path> shards) {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("give the shard folders to merge");
        }
        SweepPlan plan = null;
        String identity = null;
        Slice[] slices = null;
        for (Path shardFolder : shards) {
            JsonNode m = manifest(shardFolder);
            Slice slice = slice(shardFolder, m);
            SweepPlan shardPlan;
            try {
                shardPlan = SweepPlan.fromJson(m.get("plan"));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(shardFolder + ": manifest.json's plan is damaged or from another "
                        + "version of marketsim (" + e.getClass().getSimpleName() + ")");
            }
            // the identity was computed from the plan the shard ran: a plan edited since no longer has it
            if (!m.path("sweep_identity").asText().startsWith(shardPlan.identity() + "-")) {
                throw new IllegalArgumentException(shardFolder + ": manifest.json's plan is not the plan this shard ran "
                        + "(it does not match the recorded sweep_identity): the manifest was edited");
            }
            if (plan == null) {
                plan = shardPlan;
                identity = m.path("sweep_identity").asText();
                slices = new Slice[slice.shard().count()];
            } else if (!identity.equals(m.path("sweep_identity").asText()) || slices.length != slice.shard().count()) {
                throw new IllegalArgumentException(shardFolder + ": a shard of a different sweep than " + shards.get(0)
                        + " (another scenario, design, seed, replication count, shard count or tool version)");
            }
            if (slices[slice.shard().index() - 1] != null) {
                throw new IllegalArgumentException(shardFolder + ": slice " + slice.shard() + " was given twice");
            }
            slices[slice.shard().index() - 1] = slice;
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < slices.length; i++) {
            if (slices[i] == null) {
                missing.add((i + 1) + "/" + slices.length);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("missing slices " + String.join(", ", missing)
                    + ": run them with --shard and give every shard folder to merge");
        }
        return new Shards(plan, slices);
    }

    /** Streams every slice's runs in run order (run i is in slice i mod n) into {@code sink}. */
    private static Sweep.Result feed(SweepPlan plan, Slice[] slices, Sweep.RunSink sink) throws IOException {
        BufferedReader[] readers = new BufferedReader[slices.length];
        try {
            for (int i = 0; i < slices.length; i++) {
                Path file = slices[i].folder().resolve(ResultFiles.SHARD_RUNS);
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException(slices[i].folder() + ": no " + ResultFiles.SHARD_RUNS
                            + "; the shard folder is incomplete");
                }
                readers[i] = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            }
            PointMeans means = new PointMeans(plan);
            int[] lines = new int[slices.length];
            for (int run = 0; run < plan.runs(); run++) {
                int s = run % slices.length;
                double[][] values = parse(plan, slices[s], next(readers[s], slices[s]), ++lines[s], run);
                means.add(run, values);
                sink.accept(run, values);
            }
            for (int s = 0; s < slices.length; s++) {
                if (next(readers[s], slices[s]) != null) {
                    throw new IllegalArgumentException(slices[s].folder().resolve(ResultFiles.SHARD_RUNS) + ": more runs than "
                            + "slice " + slices[s].shard() + " has (" + slices[s].shard().size(plan.runs()) + ")");
                }
            }
            Instant started = null;
            Instant finished = null;
            int threads = 0;
            for (Slice slice : slices) {
                started = started == null || slice.started().isBefore(started) ? slice.started() : started;
                finished = finished == null || slice.finished().isAfter(finished) ? slice.finished() : finished;
                threads = Math.max(threads, slice.threads());
            }
            return new Sweep.Result(plan, Sweep.Shard.WHOLE, threads, means, 0, started, finished);
        } finally {
            for (BufferedReader r : readers) {
                if (r != null) {
                    r.close();
                }
            }
        }
    }

    private static String next(BufferedReader reader, Slice slice) throws IOException {
        try {
            return reader.readLine();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(slice.folder().resolve(ResultFiles.SHARD_RUNS) + ": damaged (not text)");
        }
    }

    /** Line {@code number} of a slice's runs, which must be run {@code expected}. */
    private static double[][] parse(SweepPlan plan, Slice slice, String line, int number, int expected) {
        Path file = slice.folder().resolve(ResultFiles.SHARD_RUNS);
        if (line == null) {
            throw new IllegalArgumentException(file + ": " + (number - 1) + " runs, slice " + slice.shard() + " has "
                    + slice.shard().size(plan.runs()));
        }
        String where = file + " line " + number;
        String[] cells = line.split(",", -1);
        int run;
        try {
            run = Integer.parseInt(cells[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": damaged (no run number)");
        }
        if (run < 0 || run >= plan.runs() || !slice.shard().owns(run)) {
            throw new IllegalArgumentException(where + ": run " + run + " does not belong to slice " + slice.shard());
        }
        if (run != expected) {
            throw new IllegalArgumentException(where + ": run " + run + (run < expected ? " appears twice"
                    : " where run " + expected + " belongs (a run missing or out of order)"));
        }
        double[][] v;
        try {
            v = SweepJournal.values(plan, run, cells);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": damaged (" + e.getMessage() + ")");
        }
        if (v == null) {
            throw new IllegalArgumentException(where + ": damaged (" + (cells.length - 1) + " values, expected "
                    + SweepJournal.summaryCells(plan, run) + " and each of the " + plan.outcomes().size()
                    + " outcomes at every tick)");
        }
        return v;
    }

    private static Slice slice(Path folder, JsonNode m) {
        Sweep.Shard shard;
        try {
            shard = Sweep.Shard.parse(m.path("shard").asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(folder + ": manifest.json has a bad shard field: " + e.getMessage());
        }
        try {
            return new Slice(folder, shard, Instant.parse(m.path("started").asText()),
                    Instant.parse(m.path("finished").asText()), m.path("threads").asInt());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(folder + ": manifest.json has no valid started/finished times; "
                    + "the shard folder is damaged");
        }
    }

    /**
     * A shard folder's manifest, its shard-runs.txt checked against its checksum (shards from before checksums are
     * taken as they are); an {@link IllegalArgumentException} naming the folder or file and what to do.
     */
    private static JsonNode manifest(Path folder) {
        JsonNode m;
        try {
            m = Manifest.read(folder, "made by marketsim sweep ... --shard i/n --out FOLDER");
        } catch (NotAResultsFolderException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if (!SHARD_COMMAND.equals(Manifest.command(m)) || !m.has("plan")) {
            throw new IllegalArgumentException(folder + ": not a sweep shard folder (manifest.json says command '"
                    + m.path("command").asText() + "'); make one with marketsim sweep ... --shard i/n");
        }
        try {
            Manifest.verify(folder, m);
        } catch (NotAResultsFolderException e) {
            throw new IllegalArgumentException(e.getMessage().replace("run the command that made the folder again",
                    "run this shard again (marketsim sweep ... --shard " + m.path("shard").asText() + ")"));
        }
        return m;
    }

}
