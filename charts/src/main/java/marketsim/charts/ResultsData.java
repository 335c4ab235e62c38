package marketsim.charts;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import marketsim.format.Manifest;
import marketsim.format.NotAResultsFolderException;
import marketsim.format.ResultFiles;
import marketsim.format.AggregateRow;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * What charts and the report read from a results folder: its manifest and CSV files (a run's aggregate.csv rows
 * possibly handed over in memory by the run that wrote them).
 */
public final class ResultsData {
    /** One aggregate.csv row. */
    public record Band(int tick, double mean, double low, double high) {
    }

    private static final String COMMANDS = "run, compare, sweep, calibrate, optimize or audit";
    private static final String WRITTEN_BY = "written by marketsim " + COMMANDS;

    private final Path folder;
    private final JsonNode manifest;
    /** Whether the data files were checked against checksums (false: a folder from before them). */
    private boolean verified;
    /** The experiment file's burn-in (null: the charts' default), or the redraw's --burn-in. */
    private Integer burnIn;
    /** The experiment file's description, the question its author asks; null without one. */
    private String experimentDescription;
    /** aggregate: entity key ("archetype/product-focused") -> metric -> bands by tick. */
    private final Map<String, Map<String, List<Band>>> aggregate = new LinkedHashMap<>();
    private final List<CSVRecord> summary = new ArrayList<>();
    private final List<CSVRecord> comparison = new ArrayList<>();
    private final List<CSVRecord> points = new ArrayList<>();
    private final List<CSVRecord> sobol = new ArrayList<>();
    private final List<CSVRecord> morris = new ArrayList<>();
    private final List<CSVRecord> discovery = new ArrayList<>();
    private final List<CSVRecord> evaluations = new ArrayList<>();
    private final List<CSVRecord> fit = new ArrayList<>();
    private final List<CSVRecord> parameters = new ArrayList<>();
    private final List<CSVRecord> levers = new ArrayList<>();
    private final List<CSVRecord> objective = new ArrayList<>();
    private final List<CSVRecord> regret = new ArrayList<>();
    private final List<CSVRecord> audit = new ArrayList<>();

    private ResultsData(Path folder, JsonNode manifest) {
        this.folder = folder;
        this.manifest = manifest;
    }

    /**
     * Reads a results folder written by run, compare, sweep, calibrate, optimize or audit, its data files checked against the
     * manifest's checksums first; a {@link NotAResultsFolderException} naming the file and what to do if it is not
     * one (partial, not marketsim's, another command's, or changed since it was written).
     */
    public static ResultsData read(Path folder) throws IOException {
        ObjectNode manifest = Manifest.read(folder, WRITTEN_BY);
        boolean verified = Manifest.verify(folder, manifest);
        ResultsData data = readFiles(folder, manifest);
        data.verified = verified;
        return data;
    }

    /** Reads the files of a results folder still being written, to draw its charts before it is moved into place. */
    static ResultsData readStaged(Path folder) throws IOException {
        return readFiles(folder, Manifest.readStaged(folder, WRITTEN_BY), null);
    }

    /**
     * As {@link #readStaged(Path)} for a run's folder, its aggregate.csv's rows taken from {@code aggregate} (the
     * table the file was written from, each number as its cell reads back) instead of read back: the charts are byte
     * for byte those a redraw from the files gives.
     */
    static ResultsData readStaged(Path folder, AggregateRow.Source aggregate) throws IOException {
        return readFiles(folder, Manifest.readStaged(folder, WRITTEN_BY), aggregate);
    }

    /** The files each command that charts can draw from writes, which its folder must have. */
    private static List<String> required(Path folder, String command) throws NotAResultsFolderException {
        Path manifest = folder.resolve(ResultFiles.MANIFEST);
        if (command == null) {
            throw new NotAResultsFolderException(manifest + " names no command (the one that wrote the folder): the "
                    + "manifest is damaged; restore it, or run the command that made the folder again");
        }
        return switch (command) {
            case "run" -> List.of(ResultFiles.AGGREGATE, ResultFiles.SUMMARY);
            case "compare" -> List.of(ResultFiles.COMPARISON);
            case "sweep" -> List.of(ResultFiles.POINTS);
            case "calibrate" -> List.of(ResultFiles.EVALUATIONS, ResultFiles.FIT, ResultFiles.PARAMETERS);
            case "optimize" -> List.of(ResultFiles.EVALUATIONS, ResultFiles.LEVERS, ResultFiles.OBJECTIVE,
                    ResultFiles.REGRET);
            case "audit" -> List.of(ResultFiles.AUDIT);
            case "sweep-shard" -> throw new NotAResultsFolderException(folder + " is one shard of a sweep (" + manifest
                    + " says command 'sweep-shard'): join the shards with marketsim merge SHARD... --out DIR, then "
                    + "draw the merged folder");
            default -> throw new NotAResultsFolderException(manifest + " says command '" + command + "': charts and "
                    + "the report are drawn for folders written by marketsim " + COMMANDS);
        };
    }

    private static ResultsData readFiles(Path folder, ObjectNode manifest) throws IOException {
        return readFiles(folder, manifest, null);
    }

    /** The folder's files; aggregate.csv's rows from {@code inMemory} unless it is null. */
    private static ResultsData readFiles(Path folder, ObjectNode manifest, AggregateRow.Source inMemory)
            throws IOException {
        for (String file : required(folder, Manifest.command(manifest))) {
            if (!Files.isRegularFile(folder.resolve(file))) {
                throw new NotAResultsFolderException(folder.resolve(ResultFiles.MANIFEST) + " says command '"
                        + Manifest.command(manifest) + "' but there is no " + file + " beside it: the manifest is "
                        + "another folder's or was edited, or the folder is incomplete");
            }
        }
        ResultsData data = new ResultsData(folder, manifest);
        Path experiment = folder.resolve("experiment.yaml");
        if (Files.isRegularFile(experiment)) {
            JsonNode file = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(experiment.toFile());
            if (file != null && file.path("burn_in").canConvertToInt()) {
                data.burnIn = file.path("burn_in").asInt();
            }
            if (file != null && file.path("description").isTextual()) {
                data.experimentDescription = file.path("description").asText().strip();
            }
        }
        Path aggregate = folder.resolve(ResultFiles.AGGREGATE);
        if (inMemory != null) {
            inMemory.forEach(r -> data.band(r.entityType(), r.entity(), r.metric(),
                    new Band(r.tick(), r.mean(), r.ciLow(), r.ciHigh())));
        } else if (Files.isRegularFile(aggregate)) {
            for (CSVRecord r : records(aggregate, "tick", "entity_type", "entity", "metric", "mean", "ci_low", "ci_high")) {
                data.band(r.get("entity_type"), r.get("entity"), r.get("metric"), new Band(
                        (int) number(aggregate, r, "tick"), number(aggregate, r, "mean"),
                        number(aggregate, r, "ci_low"), number(aggregate, r, "ci_high")));
            }
        }
        Path summary = folder.resolve(ResultFiles.SUMMARY);
        if (Files.isRegularFile(summary)) {
            data.summary.addAll(records(summary, "replication", "entity_type", "entity"));
        }
        Path comparison = folder.resolve(ResultFiles.COMPARISON);
        if (Files.isRegularFile(comparison)) {
            data.comparison.addAll(records(comparison, "variant", "entity_type", "entity", "metric", "difference"));
        }
        Path points = folder.resolve(ResultFiles.POINTS);
        if (Files.isRegularFile(points)) {
            data.points.addAll(records(points, "point", "entity_type", "entity", "metric", "mean", "ci_low", "ci_high"));
        }
        Path sobol = folder.resolve(ResultFiles.SOBOL);
        if (Files.isRegularFile(sobol)) {
            data.sobol.addAll(records(sobol, "outcome", "parameter", "first", "first_low", "first_high", "total",
                    "total_low", "total_high"));
        }
        Path morris = folder.resolve(ResultFiles.MORRIS);
        if (Files.isRegularFile(morris)) {
            data.morris.addAll(records(morris, "outcome", "parameter", "mu", "mu_star", "mu_star_low", "mu_star_high",
                    "sigma"));
        }
        Path discovery = folder.resolve(ResultFiles.DISCOVERY);
        if (Files.isRegularFile(discovery)) {
            data.discovery.addAll(records(discovery, "condition", "step", "chosen", "coverage", "density", "mass",
                    "parameter", "low", "high", "restricted"));
        }
        Path evaluations = folder.resolve(ResultFiles.EVALUATIONS);
        if ("optimize".equals(Manifest.command(manifest))) {
            data.evaluations.addAll(records(evaluations, "evaluation", "kind", "objective", "score", "chosen"));
            data.levers.addAll(records(folder.resolve(ResultFiles.LEVERS), "path", "min", "max", "start", "best"));
            data.objective.addAll(records(folder.resolve(ResultFiles.OBJECTIVE), "outcome", "role", "start_mean",
                    "best_mean", "difference", "ci_low", "ci_high"));
            data.regret.addAll(records(folder.resolve(ResultFiles.REGRET), "scenario", "chosen_objective", "regret"));
        } else if (Files.isRegularFile(evaluations)) {
            data.evaluations.addAll(records(evaluations, "evaluation", "generation", "loss", "best_loss"));
            data.fit.addAll(records(folder.resolve(ResultFiles.FIT), "outcome", "target_low", "target_high",
                    "fitted_mean", "ci_low", "ci_high", "contribution"));
            data.parameters.addAll(records(folder.resolve(ResultFiles.PARAMETERS), "path", "min", "max", "fitted"));
        }
        Path audit = folder.resolve(ResultFiles.AUDIT);
        if (Files.isRegularFile(audit)) {
            data.audit.addAll(records(audit, "firm", "price_before", "price_after", "profit_change", "deviates"));
        }
        return data;
    }

    /** Adds one aggregate.csv row: an entity's (type and name) band of a metric at a tick, after the earlier ones. */
    private void band(String type, String entity, String metric, Band band) {
        aggregate.computeIfAbsent(type + "/" + entity, k -> new LinkedHashMap<>())
                .computeIfAbsent(metric, k -> new ArrayList<>()).add(band);
    }

    private static List<CSVRecord> records(Path file, String... required) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NotAResultsFolderException(file + " is missing: the folder is incomplete");
        }
        try (Reader reader = Files.newBufferedReader(file);
             CSVParser parser = CSVParser.builder().setReader(reader)
                     .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            for (String column : required) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new NotAResultsFolderException(file + " has no column '" + column + "'");
                }
            }
            List<CSVRecord> rows = parser.getRecords();
            int width = parser.getHeaderNames().size();
            for (CSVRecord r : rows) {
                if (r.size() != width) {
                    throw new NotAResultsFolderException(file + ", line " + (r.getRecordNumber() + 1) + ": " + r.size()
                            + " cells where the header has " + width + " (a truncated or edited file?)");
                }
            }
            return rows;
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new NotAResultsFolderException(file + " is not a marketsim CSV file: " + e.getMessage());
        }
    }

    /** The number in {@code column} of a row (NaN if empty); a clear error naming file, line and column if not. */
    static double number(Path file, CSVRecord row, String column) throws NotAResultsFolderException {
        String cell = row.get(column);
        if (cell == null || cell.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new NotAResultsFolderException(file + ", line " + (row.getRecordNumber() + 1) + ", column " + column
                    + ": '" + cell + "' is not a number");
        }
    }

    /** A number, or NaN for an empty or unreadable cell (charts skip those). */
    static double numberOrNaN(String cell) {
        try {
            return cell == null || cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Weeks the time-series charts mark as burn-in: the experiment's, else null (the charts' default). */
    Integer burnIn() {
        return burnIn;
    }

    /** Draws with {@code weeks} of burn-in (a redraw's --burn-in) instead of the experiment's; null keeps it. */
    public ResultsData withBurnIn(Integer weeks) {
        if (weeks != null) {
            burnIn = weeks;
        }
        return this;
    }

    /** The experiment file's description, or null. */
    String experimentDescription() {
        return experimentDescription;
    }

    public Path folder() {
        return folder;
    }

    public JsonNode manifest() {
        return manifest;
    }

    /** Bands of {@code metric} for an entity (type "archetype", "platform", ...), or an empty list. */
    public List<Band> bands(String type, String entity, String metric) {
        return aggregate.getOrDefault(type + "/" + entity, Map.of()).getOrDefault(metric, List.of());
    }

    /** Entities of a type present in aggregate.csv, in file order. */
    public List<String> entities(String type) {
        List<String> out = new ArrayList<>();
        for (String key : aggregate.keySet()) {
            if (key.startsWith(type + "/")) {
                out.add(key.substring(type.length() + 1));
            }
        }
        return out;
    }

    public List<CSVRecord> summary() {
        return summary;
    }

    /** points.csv of a sweep (empty otherwise). */
    public List<CSVRecord> points() {
        return points;
    }

    /** The swept parameters' paths, from the manifest (empty unless a sweep). */
    public List<String> factors() {
        List<String> out = new ArrayList<>();
        manifest.path("factors").forEach(f -> out.add(f.path("path").asText()));
        return out;
    }

    /** sobol.csv of a Sobol sweep (empty otherwise). */
    public List<CSVRecord> sobol() {
        return sobol;
    }

    /** morris.csv of a Morris sweep (empty otherwise). */
    public List<CSVRecord> morris() {
        return morris;
    }

    /** discovery.csv of a sweep with --discover (empty otherwise). */
    public List<CSVRecord> discovery() {
        return discovery;
    }

    public List<CSVRecord> comparison() {
        return comparison;
    }

    /** evaluations.csv of a calibration (empty otherwise): one row per candidate, in order. */
    public List<CSVRecord> evaluations() {
        return evaluations;
    }

    /** fit.csv of a calibration (empty otherwise): one row per target. */
    public List<CSVRecord> fit() {
        return fit;
    }

    /** parameters.csv of a calibration (empty otherwise): one row per fitted parameter. */
    public List<CSVRecord> parameters() {
        return parameters;
    }

    /** levers.csv of an optimization (empty otherwise): one row per lever. */
    public List<CSVRecord> levers() {
        return levers;
    }

    /** objective.csv of an optimization (empty otherwise): the objective, then each constraint. */
    public List<CSVRecord> objective() {
        return objective;
    }

    /** regret.csv of an optimization (empty otherwise): one row per uncertainty scenario. */
    public List<CSVRecord> regret() {
        return regret;
    }

    /** audit.csv of an audit or an audited optimization (empty otherwise): one row per firm. */
    public List<CSVRecord> audit() {
        return audit;
    }

    /** Whether the folder's data files were found to match their checksums (false: written before checksums). */
    public boolean verified() {
        return verified;
    }
}
