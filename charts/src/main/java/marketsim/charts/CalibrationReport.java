package marketsim.charts;

import java.util.List;

import org.apache.commons.csv.CSVRecord;

/** The calibration part of report.html: parameters.csv and fit.csv as tables. */
final class CalibrationReport {
    private CalibrationReport() {
    }

    static String tables(ResultsData data) {
        var m = data.manifest();
        StringBuilder html = new StringBuilder("<h2>Fitted parameters</h2>\n<p>Best of ")
                .append(m.path("evaluations").asText("?")).append(" evaluations (").append(Report.escape(
                        m.path("stopped").asText(""))).append("): loss ").append(Report.escape(
                        m.path("best_loss").asText("?"))).append(" at evaluation ")
                .append(m.path("best_evaluation").asText("?")).append(". The fitted scenario is scenario.yaml.</p>\n");
        html.append(table(data.parameters(), List.of("path", "min", "max", "start", "fitted")));
        html.append("<h2>Targets</h2>\n<p>Fitted mean and 95% interval across replications at the best candidate; "
                + "contribution = weight x (distance / scale)<sup>2</sup>.</p>\n");
        html.append(table(data.fit(), List.of("outcome", "kind", "target_low", "target_high", "weight", "scale",
                "fitted_mean", "ci_low", "ci_high", "contribution")));
        return html.toString();
    }

    static String table(List<CSVRecord> rows, List<String> columns) {
        StringBuilder t = new StringBuilder("<table><tr>");
        for (String c : columns) {
            t.append("<th>").append(Report.escape(c)).append("</th>");
        }
        t.append("</tr>\n");
        for (CSVRecord row : rows) {
            t.append("<tr>");
            for (String c : columns) {
                t.append("<td>").append(Report.escape(row.isMapped(c) ? row.get(c) : "")).append("</td>");
            }
            t.append("</tr>\n");
        }
        return t.append("</table>\n").toString();
    }
}
