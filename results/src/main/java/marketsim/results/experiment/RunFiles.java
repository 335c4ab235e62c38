package marketsim.results.experiment;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.apache.commons.csv.CSVPrinter;
import marketsim.format.Manifest;
import marketsim.format.ResultFiles;
import marketsim.core.config.MarketConfig;
import marketsim.core.metrics.Entity;
import marketsim.core.metrics.Field;
import marketsim.core.metrics.Metric;
import marketsim.core.metrics.RunRecord;
import marketsim.results.Csv;
import marketsim.results.Provenance;
import marketsim.results.replication.Moments;
import marketsim.results.replication.Replicator;

/**
 * The files of a run's results folder (columns in docs/RESULTS.md), written as the replications
 * stream in, in replication order: each record's rows go to {@code timeseries.csv} and
 * {@code summary.csv} at once, and its values are folded into the running estimates behind
 * {@code aggregate.csv} (per tick) and the terminal's table (per summary window), so memory holds
 * no replication after it is written. {@link #finish} writes {@code aggregate.csv},
 * {@code scenario.yaml} and, last, {@code manifest.json} with the checksums of the others.
 */
final class RunFiles implements Replicator.Sink<RunRecord>, Closeable {
    private static final int METRICS = Metric.values().length;

    private final Path dir;
    private final Experiment experiment;
    private final MarketConfig config;
    private final TimeSeries detail;
    /** Null when the detail writes no timeseries.csv. */
    private final Csv.Rows timeseries;
    private final Csv.Rows summary;
    /** stops.csv's rows, one per replication, when the scenario has stop conditions. */
    private final List<List<String>> stops = new ArrayList<>();
    private List<Entity> entities;
    private int ticks;
    /** The most ticks a replication ran: the horizon, unless stop conditions ended every one sooner. */
    private int ticksRun;
    /** Per tick, entity and metric, across replications: cell (t * entities + e) * METRICS + m. */
    private Moments aggregate;
    /** One tick's vectors and metric values [entity][field or metric], refilled tick after tick. */
    private double[][] tickVectors;
    private double[][] tickValues;
    private SummaryEstimates summaries;
    private boolean closed;
    /** The checksums of the files written row by row, as their bytes went out, by file name. */
    private final Map<String, MessageDigest> digests = new HashMap<>();

    RunFiles(Path dir, Experiment experiment, TimeSeries detail) throws IOException {
        this.dir = dir;
        this.experiment = experiment;
        this.config = experiment.scenario().config();
        this.detail = detail;
        timeseries = detail.written() ? digestedRows(ResultFiles.TIMESERIES, header("replication", "tick",
                "entity_type", "entity", "archetype")) : null;
        try {
            summary = digestedRows(ResultFiles.SUMMARY, header("replication", "seed", "entity_type", "entity",
                    "archetype"));
        } catch (IOException e) {
            if (timeseries != null) {
                timeseries.close(); // the folder is removed, and an open file would keep it on some systems
            }
            throw e;
        }
    }

    /**
     * A file of the folder written row by row, its checksum worked out from the bytes as they are written (for the
     * manifest, which need not read the file again), its header written.
     */
    private Csv.Rows digestedRows(String name, String... header) throws IOException {
        MessageDigest digest = Manifest.digest();
        OutputStream file = new DigestOutputStream(Files.newOutputStream(dir.resolve(name)), digest);
        digests.put(name, digest);
        try {
            return new Csv.Rows(file, header);
        } catch (IOException e) {
            file.close();
            throw e;
        }
    }

    /** A CSV file's rows, its header written. */
    static Csv.Rows rows(Path file, String... header) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        try {
            return new Csv.Rows(out, header);
        } catch (IOException e) {
            out.close();
            throw e;
        }
    }

    static String[] header(String... first) {
        List<String> header = new ArrayList<>(List.of(first));
        for (Metric m : Metric.values()) {
            header.add(m.key());
        }
        return header.toArray(String[]::new);
    }

    @Override
    public void accept(int rep, RunRecord run) throws IOException {
        if (entities == null) {
            entities = run.entities();
            ticks = config.horizon(); // a replication a stop condition ended has fewer
            aggregate = new Moments(ticks * entities.size() * METRICS);
            summaries = new SummaryEstimates(entities);
        }
        double discount = config.discountRatePerTick();
        ticksRun = Math.max(ticksRun, run.ticksRecorded());
        if (tickVectors == null) {
            tickVectors = new double[entities.size()][Field.COUNT];
            tickValues = new double[entities.size()][METRICS];
        }
        for (int t = 0; t < run.ticksRecorded(); t++) {
            double[][] values = Summaries.metricValuesInto(entities, run.windowInto(t, t + 1, tickVectors), discount,
                    tickValues);
            boolean rows = detail.atTick(t + 1, run.ticksRecorded());
            for (int e = 0; e < entities.size(); e++) {
                if (rows && detail.of(entities.get(e))) {
                    timeseries.integer(rep + 1).integer(t + 1).entity(entities.get(e));
                    for (double v : values[e]) {
                        timeseries.number(v);
                    }
                    timeseries.end();
                }
                if (t < ticks && AggregateTable.aggregated(entities.get(e))) {
                    for (int m = 0; m < METRICS; m++) {
                        aggregate.add(AggregateTable.cell(t, e, m, entities.size()), values[e][m]);
                    }
                }
            }
        }
        double[][] values = Summaries.summaryValues(config, run);
        summaryRows(summary, rep, Replicator.seed(experiment.masterSeed(), rep), entities, values);
        summaries.add(values);
        if (config.stop().active()) {
            int by = run.stoppedBy();
            stops.add(List.of(Integer.toString(rep + 1), Long.toString(Replicator.seed(experiment.masterSeed(), rep)),
                    Integer.toString(run.ticksRecorded()), by < 0 ? "horizon" : config.stop().conditions().get(by).text()));
        }
    }

    /** One replication's rows of summary.csv (also a comparison's summaries/NAME.csv). */
    static void summaryRows(Csv.Rows csv, int rep, long seed, List<Entity> entities, double[][] values)
            throws IOException {
        for (int k = 0; k < entities.size(); k++) {
            csv.integer(rep + 1).integer(seed).entity(entities.get(k));
            for (Metric m : Metric.values()) {
                csv.number(values[k][m.ordinal()]);
            }
            csv.end();
        }
    }

    /** The estimates of every entity's summary-window metrics so far. */
    SummaryEstimates summaries() {
        return summaries;
    }

    /** Closes the streamed files and writes the rest: aggregate.csv, scenario.yaml, then manifest.json. */
    void finish(ExperimentResult result) throws IOException {
        close();
        writeAggregate();
        if (config.stop().active()) {
            try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(ResultFiles.STOPS), StandardCharsets.UTF_8);
                 CSVPrinter csv = Csv.printer(w, "replication", "seed", "ticks", "stopped_by")) {
                for (List<String> stop : stops) {
                    csv.printRecord(stop);
                }
            }
        }
        Files.writeString(dir.resolve(ResultFiles.SCENARIO),
                new YAMLMapper().writeValueAsString(experiment.scenario().complete()), StandardCharsets.UTF_8);
        writeManifest(dir.resolve(ResultFiles.MANIFEST), result);
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (summary) {
            if (timeseries != null) {
                timeseries.close();
            }
        }
    }

    /** aggregate.csv's rows in memory: what {@link #finish} writes (after the last replication). */
    AggregateTable aggregate() {
        if (entities == null) {
            return new AggregateTable(List.of(), 0, new Moments(0)); // no replication ran
        }
        return new AggregateTable(entities, ticksRun, aggregate); // past the last tick any replication ran, nothing
    }

    /** Per tick, archetype and market: mean, sd and 95% CI of each metric across replications. */
    private void writeAggregate() throws IOException {
        try (Csv.Rows csv = digestedRows(ResultFiles.AGGREGATE, "tick", "entity_type", "entity", "metric", "n", "mean", "sd", "ci_low",
                "ci_high")) {
            aggregate().forEachEstimate((tick, entity, metric, est) -> csv.integer(tick).text(entity.type().key())
                    .text(entity.name()).text(metric.key()).integer(est.n()).number(est.mean()).number(est.sd())
                    .number(est.lower()).number(est.upper()).end());
        }
    }

    private void writeManifest(Path file, ExperimentResult result) throws IOException {
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
        ResultsFolder.putSeeds(m, e.masterSeed(), e.replications());
        m.put("horizon", config.horizon());
        m.put("consumers", config.population().size());
        m.put("market_size", Math.round(config.population().marketSize()));
        m.put("firms", config.firms().size());
        m.put("summary_window", config.summaryWindow());
        m.put("command", "run");
        m.put("threads", e.threads());
        m.put("started", result.started().toString());
        m.put("finished", result.finished().toString());
        m.put("java_version", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        if (!detail.equals(TimeSeries.FULL)) { // absent: every row (a default run's manifest is as before)
            ObjectNode series = m.putObject("timeseries");
            series.put("detail", detail.detail().key());
            series.put("every", detail.every());
        }
        m.set("resolved_scenario", e.scenario().complete());
        // last: the checksums of the data files, all complete by now
        List<String> files = new ArrayList<>(detail.written() ? List.of(ResultFiles.SCENARIO, ResultFiles.TIMESERIES,
                ResultFiles.SUMMARY, ResultFiles.AGGREGATE) : List.of(ResultFiles.SCENARIO, ResultFiles.SUMMARY,
                ResultFiles.AGGREGATE));
        if (config.stop().active()) {
            files.add(ResultFiles.STOPS);
        }
        Map<String, String> known = new HashMap<>();
        digests.forEach((name, digest) -> known.put(name, Manifest.hex(digest))); // once: hex resets the digest
        Manifest.putChecksums(m, dir, files, known); // the files written row by row: as their bytes went out
        Files.writeString(file, json.writeValueAsString(m) + "\n", StandardCharsets.UTF_8);
    }
}
