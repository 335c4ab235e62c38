package marketsim.results.experiment;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import marketsim.format.ResultFiles;
import marketsim.core.config.MarketConfig;
import marketsim.core.metrics.Entity;
import marketsim.core.metrics.EntityType;
import marketsim.core.metrics.Metric;
import marketsim.core.metrics.RunRecord;
import org.apache.commons.csv.CSVPrinter;
import marketsim.results.Csv;
import marketsim.results.Provenance;
import marketsim.format.Estimate;

/**
 * Writes the results folder of PRODUCT.md: {@code manifest.json}, {@code scenario.yaml},
 * {@code timeseries.csv}, {@code summary.csv} and {@code aggregate.csv} (columns in
 * docs/RESULTS.md). Everything is written into a hidden sibling folder first and moved into
 * place in one rename, so a crash never leaves a folder that looks complete, and an existing
 * folder is never overwritten.
 */
public final class ResultsFolder {

    private ResultsFolder() {
    }

    /** More to write into the folder before it is moved into place (charts, the report). */
    @FunctionalInterface
    public interface Finisher {
        void finish(Path folder) throws IOException;

        Finisher NONE = folder -> { };
    }

    /** A fresh folder name under {@code parent}: {@code NAME-yyyyMMdd-HHmmss}, suffixed if taken. */
    public static Path defaultFolder(Path parent, String scenario, java.time.Instant now) {
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(java.time.ZoneOffset.UTC).format(now);
        Path candidate = parent.resolve(scenario + "-" + stamp);
        for (int k = 2; Files.exists(candidate); k++) {
            candidate = parent.resolve(scenario + "-" + stamp + "-" + k);
        }
        return candidate;
    }

    /**
     * Writes into a fresh {@link #defaultFolder} under {@code parent}, taking the next free name if
     * another run claims one first; returns the folder written.
     */
    public static Path writeNew(Path parent, String scenario, ExperimentResult result, Summaries summaries,
                                Finisher finisher) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path candidate = defaultFolder(parent, scenario, result.finished());
            try {
                return write(candidate, result, summaries, finisher);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    /** Writes everything into {@code folder}, which must not exist yet; returns it. */
    public static Path write(Path folder, ExperimentResult result, Summaries summaries) throws IOException {
        return write(folder, result, summaries, Finisher.NONE);
    }

    /** As {@link #write(Path, ExperimentResult, Summaries)}, with {@code finisher} run on the folder before the move. */
    public static Path write(Path folder, ExperimentResult result, Summaries summaries, Finisher finisher)
            throws IOException {
        return atomically(folder, temp -> {
            writeManifest(temp.resolve(ResultFiles.MANIFEST), result);
            writeScenario(temp.resolve(ResultFiles.SCENARIO), result);
            writeTimeseries(temp.resolve(ResultFiles.TIMESERIES), result);
            writeSummary(temp.resolve(ResultFiles.SUMMARY), result, summaries);
            writeAggregate(temp.resolve(ResultFiles.AGGREGATE), result);
            finisher.finish(temp);
        });
    }

    /**
     * Writes a folder through {@code contents} into a hidden sibling, then moves it into place in
     * one rename: a folder under the final name is always complete, and an existing one is never
     * replaced. On failure the hidden folder is removed.
     */
    public static Path atomically(Path folder, Finisher contents) throws IOException {
        if (Files.exists(folder)) {
            throw new FileAlreadyExistsException(folder.toString(), null, "results folder already exists");
        }
        Path parent = folder.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempDirectory(parent, "." + folder.getFileName() + ".partial-");
        try {
            contents.finish(temp);
            makeReadable(temp);
            if (Files.exists(folder)) {
                throw new FileAlreadyExistsException(folder.toString(), null, "results folder already exists");
            }
            Files.move(temp, folder, StandardCopyOption.ATOMIC_MOVE);
            return folder;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw e;
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
            ArrayNode seeds = m.putArray("replication_seeds");
            for (int r = 0; r < first.replications(); r++) {
                seeds.add(first.replicationSeed(r));
            }
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



    private static void writeManifest(Path file, ExperimentResult result) throws IOException {
        Experiment e = result.experiment();
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode m = json.createObjectNode();
        Provenance.putTool(m);
        m.put("scenario", e.scenario().name());
        m.put("description", e.scenario().description());
        ArrayNode overrides = m.putArray("overrides");
        e.overrides().forEach(overrides::add);
        m.put("master_seed", e.masterSeed());
        m.put("replications", e.replications());
        ArrayNode seeds = m.putArray("replication_seeds");
        for (int r = 0; r < e.replications(); r++) {
            seeds.add(e.replicationSeed(r));
        }
        MarketConfig config = e.scenario().config();
        m.put("horizon", config.horizon());
        m.put("consumers", config.population().size());
        m.put("firms", config.firms().size());
        m.put("summary_window", config.summaryWindow());
        m.put("command", "run");
        m.put("threads", e.threads());
        m.put("started", result.started().toString());
        m.put("finished", result.finished().toString());
        m.put("java_version", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.set("resolved_scenario", e.scenario().document());
        ArrayNode files = m.putArray("files");
        List.of(ResultFiles.SCENARIO, ResultFiles.TIMESERIES, ResultFiles.SUMMARY, ResultFiles.AGGREGATE).forEach(files::add);
        Files.writeString(file, json.writeValueAsString(m) + "\n", StandardCharsets.UTF_8);
    }

    private static void writeScenario(Path file, ExperimentResult result) throws IOException {
        Files.writeString(file, new YAMLMapper().writeValueAsString(result.experiment().scenario().document()),
                StandardCharsets.UTF_8);
    }

    private static List<String> header(String... first) {
        List<String> header = new ArrayList<>(List.of(first));
        for (Metric m : Metric.values()) {
            header.add(m.key());
        }
        return header;
    }

    private static void writeTimeseries(Path file, ExperimentResult result) throws IOException {
        double discount = result.experiment().scenario().config().discountRatePerTick();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = Csv.printer(w, header("replication", "tick", "entity_type", "entity", "archetype")
                     .toArray(String[]::new))) {
            List<RunRecord> runs = result.runs();
            List<String> row = new ArrayList<>();
            for (int r = 0; r < runs.size(); r++) {
                RunRecord run = runs.get(r);
                List<Entity> entities = run.entities();
                for (int t = 0; t < run.ticksRecorded(); t++) {
                    double[][] values = Summaries.metricValues(entities, run.entityVectors(t), discount);
                    for (int e = 0; e < entities.size(); e++) {
                        row.clear();
                        row.add(Integer.toString(r + 1));
                        row.add(Integer.toString(t + 1));
                        Csv.addEntity(row, entities.get(e));
                        for (double v : values[e]) {
                            row.add(Csv.number(v));
                        }
                        csv.printRecord(row);
                    }
                }
            }
        }
    }


    private static void writeSummary(Path file, ExperimentResult result, Summaries summaries) throws IOException {
        Experiment e = result.experiment();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = Csv.printer(w, header("replication", "seed", "entity_type", "entity", "archetype")
                     .toArray(String[]::new))) {
            List<String> row = new ArrayList<>();
            for (int r = 0; r < summaries.replications(); r++) {
                for (int k = 0; k < summaries.entities().size(); k++) {
                    row.clear();
                    row.add(Integer.toString(r + 1));
                    row.add(Long.toString(e.replicationSeed(r)));
                    Csv.addEntity(row, summaries.entities().get(k));
                    for (Metric m : Metric.values()) {
                        row.add(Csv.number(summaries.value(r, k, m)));
                    }
                    csv.printRecord(row);
                }
            }
        }
    }

    /** Per tick, archetype and market: mean, sd and 95% CI of each metric across replications. */
    private static void writeAggregate(Path file, ExperimentResult result) throws IOException {
        double discount = result.experiment().scenario().config().discountRatePerTick();
        List<RunRecord> runs = result.runs();
        List<Entity> entities = runs.get(0).entities();
        int ticks = runs.get(0).ticksRecorded();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = Csv.printer(w, "tick", "entity_type", "entity", "metric", "n", "mean", "sd",
                     "ci_low", "ci_high")) {
            double[][][] perRun = new double[runs.size()][][];
            double[] xs = new double[runs.size()];
            for (int t = 0; t < ticks; t++) {
                for (int r = 0; r < runs.size(); r++) {
                    perRun[r] = Summaries.metricValues(entities, runs.get(r).entityVectors(t), discount);
                }
                for (int e = 0; e < entities.size(); e++) {
                    Entity entity = entities.get(e);
                    if (entity.type() == EntityType.FIRM || entity.type() == EntityType.POOL) {
                        continue;
                    }
                    for (Metric m : Metric.values()) {
                        if (!m.scope().includes(entity.type())) {
                            continue;
                        }
                        for (int r = 0; r < runs.size(); r++) {
                            xs[r] = perRun[r][e][m.ordinal()];
                        }
                        Estimate est = Estimate.of(xs);
                        csv.printRecord(Integer.toString(t + 1), entity.type().key(), entity.name(), m.key(),
                                Long.toString(est.n()), Csv.number(est.mean()), Csv.number(est.sd()),
                                Csv.number(est.lower()), Csv.number(est.upper()));
                    }
                }
            }
        }
    }

    /** Temporary folders are private (rwx------); a results folder is as readable as any other. */
    private static void makeReadable(Path dir) throws IOException {
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: a leftover hidden .partial folder never looks like a result
        }
    }
}
