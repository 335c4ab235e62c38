package marketsim.format;

import java.nio.charset.StandardCharsets;

/**
 * The names of the files in a results folder, for the programs that write them and those that read them. The
 * columns of each file are documented in docs/RESULTS.md.
 */
public final class ResultFiles {
    /** Every folder: what made it (tool, version, command, scenario, seeds) and a checksum of each data file. */
    public static final String MANIFEST = "manifest.json";
    /** The report drawn from a folder's data files (not data itself). */
    public static final String REPORT = "report.html";
    /** The folder of charts drawn from a folder's data files (not data itself). */
    public static final String CHARTS = "charts";
    /** A run's and a calibration's resolved (or fitted) scenario, runnable as it is. */
    public static final String SCENARIO = "scenario.yaml";
    /** A run: one row per replication, tick and entity. */
    public static final String TIMESERIES = "timeseries.csv";
    /** A run: one row per replication and entity, over the summary window. */
    public static final String SUMMARY = "summary.csv";
    /** A run: per tick and entity, mean and 95% interval across replications. */
    public static final String AGGREGATE = "aggregate.csv";
    /** A run of a scenario with stop conditions: per replication, the ticks it ran and what stopped it. */
    public static final String STOPS = "stops.csv";
    /** A comparison: paired differences against the reference. */
    public static final String COMPARISON = "comparison.csv";
    /** A sweep: every run. */
    public static final String RUNS = "runs.csv";
    /** A sweep: means and 95% intervals per design point. */
    public static final String POINTS = "points.csv";
    /** A sweep: per design point, tick and outcome, mean and 95% interval across the point's replications. */
    public static final String POINT_SERIES = "points-timeseries.csv";
    /** A comparison: per variant, outcome and tick, mean and 95% interval across its replications. */
    public static final String VARIANT_SERIES = "variants-timeseries.csv";
    /** A Sobol sweep: first-order and total indices. */
    public static final String SOBOL = "sobol.csv";
    /** A Morris sweep: elementary effects. */
    public static final String MORRIS = "morris.csv";
    /** A sweep with a condition: PRIM's box. */
    public static final String DISCOVERY = "discovery.csv";
    /** A shard of a sweep: the runs it holds. */
    public static final String SHARD_RUNS = "shard-runs.txt";
    /** A calibration: the fit of each target. */
    public static final String FIT = "fit.csv";
    /** A calibration: the fitted parameters within their ranges. */
    public static final String PARAMETERS = "parameters.csv";
    /** A calibration and an optimization: every candidate evaluated. */
    public static final String EVALUATIONS = "evaluations.csv";
    /** An optimization: the levers within their ranges, the start and the best values. */
    public static final String LEVERS = "levers.csv";
    /** An optimization: the objective and each constraint at the start and the best levers, paired. */
    public static final String OBJECTIVE = "objective.csv";
    /** An optimization: each uncertainty scenario's best objective, the chosen levers' and the regret. */
    public static final String REGRET = "regret.csv";
    /** An audit (or an optimization with --audit): each firm's best response in price. */
    public static final String AUDIT = "audit.csv";
    /** Validation: every measured quantity against theory. */
    public static final String VALIDATION = "validation.csv";
    /** Validation: the report in Markdown. */
    public static final String VALIDATION_MARKDOWN = "VALIDATION.md";
    /** Validation: the series its charts draw. */
    public static final String FIGURES = "figures.csv";

    private ResultFiles() {
    }

    /** The file name (without extension) of a validation check's chart. */
    public static String validationChart(String check) {
        return "validation-" + check;
    }

    /**
     * {@code name} cut to at most {@code maxBytes} bytes of UTF-8, at a whole character: for a name
     * that becomes part of a file name, which may have 255 bytes.
     */
    public static String shortened(String name, int maxBytes) {
        String cut = name.codePointCount(0, name.length()) > maxBytes
                ? name.substring(0, name.offsetByCodePoints(0, maxBytes)) : name;
        while (cut.getBytes(StandardCharsets.UTF_8).length > maxBytes) { // letters of 2 to 4 bytes
            cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
        }
        return cut;
    }
}
