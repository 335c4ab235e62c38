package marketsim.charts;

import java.util.List;

/** The optimization and audit parts of report.html: the question, then levers, objective, regret and audit tables. */
final class OptimizationReport {
    private OptimizationReport() {
    }

    static String tables(ResultsData data) {
        StringBuilder html = new StringBuilder();
        var m = data.manifest();
        if (!data.levers().isEmpty()) {
            html.append("<h2>What should we set?</h2>\n<p><strong>").append(Report.escape(m.path("question").asText("")))
                    .append("</strong></p>\n<p>").append(Report.escape(m.path("method").path("search").asText("")))
                    .append("; robustness: ").append(Report.escape(m.path("method").path("robustness_means")
                            .asText(""))).append(m.path("feasible").asBoolean(true) ? ""
                            : ". <strong>No candidate met every constraint</strong>: the levers shown violate them "
                            + "least").append(". The best levers as a scenario: scenario.yaml.</p>\n");
            html.append(CalibrationReport.table(data.levers(), List.of("path", "min", "max", "start", "best")));
            html.append("<h2>Objective and constraints</h2>\n<p>At the start (the scenario as given) and at the best "
                    + "levers: mean and 95% interval across every run; the difference paired run by run (common "
                    + "random numbers).</p>\n");
            html.append(CalibrationReport.table(data.objective(), List.of("outcome", "role", "bound", "start_mean",
                    "start_ci_low", "start_ci_high", "best_mean", "best_ci_low", "best_ci_high", "difference",
                    "ci_low", "ci_high", "holds")));
            html.append("<h2>Regret per uncertainty scenario</h2>\n<p>The best candidate's objective in each scenario, "
                    + "the chosen levers' and the regret, how far short of the best the chosen levers fall.</p>\n");
            html.append(CalibrationReport.table(data.regret(), data.regret().isEmpty() ? List.of()
                    : data.regret().get(0).getParser().getHeaderNames()));
        }
        if (!data.audit().isEmpty()) {
            html.append("<h2>Audit: would a firm change its price?</h2>\n<p>Each named firm in turn prices by best "
                    + "response, its rivals holding; paired with the scenario on common random numbers. Tolerance: ")
                    .append(Report.escape(m.path(data.levers().isEmpty() ? "tolerance" : "audit_tolerance")
                            .asText("?"))).append(" of each price.</p>\n");
            html.append(CalibrationReport.table(data.audit(), List.of("firm", "rule", "price_before", "price_after",
                    "relative_change", "profit_change", "profit_change_low", "profit_change_high", "deviates")));
        }
        return html.toString();
    }
}
