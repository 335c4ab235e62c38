package marketsim.charts;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVRecord;

/** The report's account of a sweep: its design and factors, and its indices and discovered box as tables. */
final class SensitivityTables {
    private SensitivityTables() {
    }

    static String html(ResultsData data) {
        JsonNode m = data.manifest();
        if (!m.path("command").asText().equals("sweep")) {
            return "";
        }
        StringBuilder out = new StringBuilder("<h2>Design</h2>\n<p>");
        out.append(Report.escape(m.path("design").asText("grid"))).append(" design, ")
                .append(m.path("points").asText("?")).append(" points");
        if (m.has("samples")) {
            out.append(" from ").append(m.path("samples").asText()).append(" samples");
        }
        out.append(". Varied:</p>\n<ul>\n");
        for (JsonNode f : m.path("factors")) {
            out.append("<li><code>").append(Report.escape(f.path("path").asText())).append("</code> ");
            if (f.has("values")) {
                StringBuilder values = new StringBuilder();
                f.path("values").forEach(v -> values.append(values.length() == 0 ? "" : ", ").append(v.asText()));
                out.append("at ").append(Report.escape(values.toString()));
            } else {
                out.append("from ").append(f.path("from").asText()).append(" to ").append(f.path("to").asText())
                        .append(f.path("whole_numbers").asBoolean() ? " (whole numbers)" : "");
            }
            out.append("</li>\n");
        }
        out.append("</ul>\n");
        if (!data.sobol().isEmpty()) {
            out.append("<h2>Sobol indices</h2>\n<p>Share of each outcome's variance due to the parameter alone "
                    + "(first-order) and with its interactions (total); 95% bootstrap intervals.</p>\n")
                    .append("<table><tr><th>outcome</th><th>parameter</th><th>first-order</th><th>total</th></tr>\n");
            for (CSVRecord r : data.sobol()) {
                out.append(row(r.get("outcome"), r.get("parameter"), r.get("note"),
                        interval(r.get("first"), r.get("first_low"), r.get("first_high")),
                        interval(r.get("total"), r.get("total_low"), r.get("total_high"))));
            }
            out.append("</table>\n");
        }
        if (!data.morris().isEmpty()) {
            out.append("<h2>Morris screening</h2>\n<p>mu*: mean absolute change of the outcome when the parameter "
                    + "crosses its whole range (95% bootstrap interval); sigma: how much that change depends on the "
                    + "other parameters.</p>\n")
                    .append("<table><tr><th>outcome</th><th>parameter</th><th>mu*</th><th>sigma</th></tr>\n");
            for (CSVRecord r : data.morris()) {
                out.append(row(r.get("outcome"), r.get("parameter"), r.get("note"),
                        interval(r.get("mu_star"), r.get("mu_star_low"), r.get("mu_star_high")),
                        number(r.get("sigma"))));
            }
            out.append("</table>\n");
        }
        if (m.has("condition")) {
            out.append(discovery(data, m.path("condition").asText()));
        }
        return out.toString();
    }

    private static String discovery(ResultsData data, String condition) {
        StringBuilder out = new StringBuilder("<h2>Scenario discovery</h2>\n<p>Where <code>")
                .append(Report.escape(condition)).append("</code> holds (on each point's mean across replications)");
        CSVRecord first = null;
        for (CSVRecord r : data.discovery()) {
            if (Boolean.parseBoolean(r.get("chosen"))) {
                first = first == null ? r : first;
            }
        }
        if (first == null) {
            return out.append(": at no design point, so there is no box to find.</p>\n").toString();
        }
        out.append(String.format(Locale.ROOT, ": PRIM's box holds %.0f%% of the points where it holds (coverage) and "
                        + "it holds at %.0f%% of the box's points (density).</p>%n",
                100 * ResultsData.numberOrNaN(first.get("coverage")), 100 * ResultsData.numberOrNaN(first.get("density"))));
        out.append("<table><tr><th>parameter</th><th>box</th></tr>\n");
        for (CSVRecord r : data.discovery()) {
            if (Boolean.parseBoolean(r.get("chosen"))) {
                out.append("<tr><td>").append(Report.escape(r.get("parameter"))).append("</td><td>")
                        .append(Boolean.parseBoolean(r.get("restricted"))
                                ? "[" + Report.escape(r.get("low")) + ", " + Report.escape(r.get("high")) + "]"
                                : "not restricted").append("</td></tr>\n");
            }
        }
        return out.append("</table>\n").toString();
    }

    private static String row(String outcome, String parameter, String note, String a, String b) {
        return "<tr><td>" + Report.escape(outcome) + "</td><td>" + Report.escape(parameter) + "</td>"
                + (note.isEmpty() ? "<td>" + a + "</td><td>" + b + "</td>"
                : "<td colspan=\"2\">" + Report.escape(note) + "</td>") + "</tr>\n";
    }

    private static String interval(String mean, String low, String high) {
        return number(mean) + " [" + number(low) + ", " + number(high) + "]";
    }

    private static String number(String cell) {
        double x = ResultsData.numberOrNaN(cell);
        if (Double.isNaN(x)) {
            return "";
        }
        return String.format(Locale.ROOT, Math.abs(x) >= 100 ? "%.0f" : "%.3g", x);
    }
}
