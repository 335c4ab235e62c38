package marketsim.charts;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import marketsim.format.ResultFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** What charts and the report read from a results folder: its manifest and CSV files. */
public final class ResultsData {
    /** One aggregate.csv row. */
    public record Band(int tick, double mean, double low, double high) {
    }

    private final Path folder;
    private final JsonNode manifest;
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

    private ResultsData(Path folder, JsonNode manifest) {
        this.folder = folder;
        this.manifest = manifest;
    }

    /** Reads a results folder; a clear IOException if it is not one. */
    public static ResultsData read(Path folder) throws IOException {
        Path manifestFile = folder.resolve(ResultFiles.MANIFEST);
        if (!Files.exists(folder)) {
            throw new NotAResultsFolderException(folder + " does not exist");
        }
        if (!Files.isDirectory(folder) || !Files.isRegularFile(manifestFile)) {
            throw new NotAResultsFolderException(folder + " is not a results folder (no " + ResultFiles.MANIFEST
                    + "); give a folder written by marketsim run, compare, sweep or calibrate");
        }
        JsonNode manifest;
        try {
            manifest = new ObjectMapper().readTree(manifestFile.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new NotAResultsFolderException(manifestFile + " is not readable JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")") + ": "
                    + e.getOriginalMessage());
        }
        ResultsData data = new ResultsData(folder, manifest);
        Path aggregate = folder.resolve(ResultFiles.AGGREGATE);
        if (Files.isRegularFile(aggregate)) {
            for (CSVRecord r : records(aggregate, "tick", "entity_type", "entity", "metric", "mean", "ci_low", "ci_high")) {
                data.aggregate.computeIfAbsent(r.get("entity_type") + "/" + r.get("entity"), k -> new LinkedHashMap<>())
                        .computeIfAbsent(r.get("metric"), k -> new ArrayList<>())
                        .add(new Band((int) number(aggregate, r, "tick"), number(aggregate, r, "mean"),
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
        if (Files.isRegularFile(evaluations)) {
            data.evaluations.addAll(records(evaluations, "evaluation", "generation", "loss", "best_loss"));
            data.fit.addAll(records(folder.resolve(ResultFiles.FIT), "outcome", "target_low", "target_high",
                    "fitted_mean", "ci_low", "ci_high", "contribution"));
            data.parameters.addAll(records(folder.resolve(ResultFiles.PARAMETERS), "path", "min", "max", "fitted"));
        }
        if (data.aggregate.isEmpty() && data.comparison.isEmpty() && data.points.isEmpty()
                && data.evaluations.isEmpty()) {
            throw new NotAResultsFolderException(folder + " has a manifest but no " + ResultFiles.AGGREGATE + ", "
                    + ResultFiles.COMPARISON + ", " + ResultFiles.POINTS + " or " + ResultFiles.EVALUATIONS
                    + ": it is incomplete");
        }
        return data;
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

    /** A results folder that is not one: missing, incomplete or not written by marketsim. */
    public static final class NotAResultsFolderException extends IOException {
        private static final long serialVersionUID = 1L;

        public NotAResultsFolderException(String message) {
            super(message);
        }
    }
}
