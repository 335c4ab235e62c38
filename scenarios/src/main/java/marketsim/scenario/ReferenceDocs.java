package marketsim.scenario;

import marketsim.core.metrics.Metric;

/**
 * Markdown tables generated from the code's own definitions: the parameters of
 * {@link Params} (for docs/ODD.md) and the metrics of {@link Metric} (for docs/RESULTS.md).
 * Tests check that the documents contain exactly these tables, so they cannot drift.
 */
public final class ReferenceDocs {
    public static final String BEGIN = "<!-- BEGIN GENERATED: do not edit by hand -->";
    public static final String END = "<!-- END GENERATED -->";

    private ReferenceDocs() {
    }

    /**
     * One table per section of the scenario format: key, unit, default, valid range, meaning and
     * source (where the parameter's form or default comes from; "-" when nothing backs it).
     */
    public static String parameterTables() {
        StringBuilder out = new StringBuilder();
        for (Params.Section section : Params.SECTIONS) {
            out.append("#### ").append(section.title());
            if (!section.path().isEmpty()) {
                out.append(" (`").append(section.path()).append("`)");
            }
            out.append("\n\n| key | unit | default | valid range | meaning | source |\n|---|---|---|---|---|---|\n");
            for (Param p : section.params()) {
                out.append("| `").append(p.key()).append("` | ").append(cell(p.unit())).append(" | ")
                        .append(cell(p.defaultText())).append(" | ").append(cell(p.range())).append(" | ")
                        .append(cell(p.description())).append(" | ").append(cell(p.source())).append(" |\n");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The metric columns of timeseries.csv and summary.csv. */
    public static String metricTable() {
        StringBuilder out = new StringBuilder("| column | unit | entities | meaning |\n|---|---|---|---|\n");
        for (Metric m : Metric.values()) {
            out.append("| `").append(m.key()).append("` | ").append(cell(m.unit())).append(" | ")
                    .append(m.scope().describe()).append(" | ")
                    .append(cell(m.description())).append(" |\n");
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.isEmpty() ? "-" : text.replace("|", "\\|");
    }

    /** Replaces the generated block of {@code document} with {@code table}. */
    public static String splice(String document, String table) {
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("document has no generated block");
        }
        return document.substring(0, begin + BEGIN.length()) + "\n" + table + document.substring(end);
    }
}
