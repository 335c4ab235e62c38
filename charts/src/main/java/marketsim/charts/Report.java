package marketsim.charts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import marketsim.format.Estimate;
import org.apache.commons.csv.CSVRecord;

/**
 * report.html: one self-contained file (charts inlined as SVG, no scripts or links to fetch)
 * that opens offline in any browser: the question the scenario asks, the summary table, every
 * chart, and the manifest.
 */
public final class Report {
    public static final String FILE = marketsim.format.ResultFiles.REPORT;

    private static final String[][] COLUMNS = {
            {"unit_share", "units %", "100", "1"}, {"revenue_share", "revenue %", "100", "1"},
            {"mean_price", "price", "1", "2"}, {"gross_margin", "gross margin %", "100", "1"},
            {"fee_share", "fees % of revenue", "100", "1"}, {"net_margin", "net margin %", "100", "1"},
            {"retention", "retained %", "100", "1"}, {"nps", "NPS", "1", "0"},
            {"mean_relationship", "relationship (0..1)", "1", "2"}};

    private Report() {
    }

    /** Writes report.html into {@code target}, referencing the charts in {@code charts}. */
    public static Path write(ResultsData data, List<Charts.Drawn> drawn, Path charts, Path target) throws IOException {
        return write(data, drawn, charts, target, INLINE_BUDGET);
    }

    /** As {@link #write(ResultsData, List, Path, Path)}, inlining at most {@code budget} characters of SVG. */
    static Path write(ResultsData data, List<Charts.Drawn> drawn, Path charts, Path target, long budget)
            throws IOException {
        StringBuilder html = new StringBuilder();
        var m = data.manifest();
        String command = m.path("command").asText("");
        String title = command.equals("compare") ? "Comparison against " + m.path("reference").asText()
                : command.equals("calibrate") ? "Calibration of " + m.path("scenario").asText()
                : command.equals("optimize") ? "Optimization of " + m.path("scenario").asText()
                : command.equals("audit") ? "Audit of " + m.path("scenario").asText()
                : m.path("scenario").asText("marketsim run");
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append(" - marketsim</title>\n<style>")
                .append("body{font-family:sans-serif;max-width:1300px;margin:2em auto;color:#222}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{padding:4px 10px;border-bottom:1px solid #ddd;")
                .append("text-align:right}td:first-child,th:first-child{text-align:left}figure{margin:2em 0}")
                .append("svg{max-width:100%;height:auto}pre{background:#f6f6f6;padding:1em;overflow:auto;font-size:12px}")
                .append("</style></head><body>\n");
        html.append("<h1>").append(escape(title)).append("</h1>\n");
        String description = m.path("description").asText("");
        if (!description.isBlank()) {
            html.append("<p><strong>Question.</strong> ").append(escape(description)).append("</p>\n");
        }
        String asks = data.experimentDescription();
        html.append("<p><strong>This study.</strong> ").append(asks == null || asks.isBlank() ? ""
                : escape(asks) + (asks.matches(".*[.?!]$") ? " " : ". ")).append(escape(study(m))).append("</p>\n");
        html.append(ComparisonReport.html(data));
        html.append(String.format(Locale.ROOT, "<p>%s replications, master seed %s, marketsim %s.</p>%n",
                m.path("replications").asText("?"), m.path("master_seed").asText("?"), escape(m.path("tool_version").asText())));
        if (!data.summary().isEmpty()) {
            html.append("<h2>Summary by archetype</h2>\n<p>Over the last ").append(m.path("summary_window").asText("?"))
                    .append(" weeks of each run; mean &plusmn; 95% confidence half-width across replications.</p>\n");
            html.append(summaryTable(data));
            html.append(intermediaries(data));
            html.append(CostBreakdown.html(data));
        }
        html.append(SensitivityTables.html(data));
        if (!data.fit().isEmpty()) {
            html.append(CalibrationReport.tables(data));
        }
        html.append(OptimizationReport.tables(data));
        html.append("<h2>Charts</h2>\n");
        long inlined = 0;
        for (Charts.Drawn chart : drawn) {
            Path svgFile = charts.resolve(chart.name() + ".svg");
            long size = chart.linked() ? 0 : Files.size(svgFile);
            if (!chart.linked() && inlined + size > budget) {
                html.append(linked(chart));
                continue;
            }
            inlined += size;
            if (chart.linked()) { // one of many: the PNG beside the report, not its SVG inside it
                String png = marketsim.format.ResultFiles.CHARTS + "/" + chart.name() + ".png";
                html.append("<figure id=\"").append(chart.name()).append("\">\n<img src=\"").append(png)
                        .append("\" alt=\"").append(escape(chart.title()))
                        .append("\" loading=\"lazy\" style=\"max-width:100%\">\n<figcaption>")
                        .append(escape(chart.title())).append(" (charts/").append(chart.name())
                        .append(".png, .svg)</figcaption></figure>\n");
                continue;
            }
            Path svg = charts.resolve(chart.name() + ".svg");
            html.append("<figure id=\"").append(chart.name()).append("\">\n")
                    .append(Files.readString(svg, StandardCharsets.UTF_8).replaceFirst("^<\\?xml[^>]*>", "")
                            .replaceFirst("^\\s*<!DOCTYPE[^>]*>", "")
                            // scale with the page instead of cropping: a viewBox in place of fixed dimensions
                            .replaceFirst("width='([0-9.]+)' height='([0-9.]+)'", "viewBox='0 0 $1 $2'"))
                    .append("\n<figcaption>").append(escape(chart.title())).append(" (charts/").append(chart.name())
                    .append(".png, .svg)</figcaption></figure>\n");
        }
        html.append("<h2>Manifest</h2>\n<details><summary>manifest.json</summary><pre>")
                .append(escape(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m)))
                .append("</pre></details>\n</body></html>\n");
        Path file = target.resolve(FILE);
        Files.writeString(file, html.toString(), StandardCharsets.UTF_8);
        return file;
    }

    /**
     * Characters of SVG a report inlines; charts beyond them are linked images (the PNG beside the report), so a run
     * with 26 time series or a Latin hypercube with dozens of scatters keeps a report that opens at once (a run's was
     * 2.7 MB, an LHS's 3.9 MB). One megabyte holds the first several charts whole.
     */
    static final long INLINE_BUDGET = 1_000_000;

    /** A chart as a linked PNG with its caption. */
    private static String linked(Charts.Drawn chart) {
        String png = marketsim.format.ResultFiles.CHARTS + "/" + chart.name() + ".png";
        return "<figure id=\"" + chart.name() + "\">\n<img src=\"" + png + "\" alt=\"" + escape(chart.title())
                + "\" loading=\"lazy\" style=\"max-width:100%\">\n<figcaption>" + escape(chart.title()) + " (charts/"
                + chart.name() + ".png, .svg)</figcaption></figure>\n";
    }

    /**
     * The command's question in a sentence, from the manifest: what was run on which scenario, what was varied (and
     * over which levels or range), which outcomes, how many replications.
     */
    static String study(com.fasterxml.jackson.databind.JsonNode m) {
        String command = m.path("command").asText("run");
        String scenario = m.path("scenario").asText("?");
        StringBuilder s = new StringBuilder();
        switch (command) {
            case "sweep" -> s.append("A ").append(m.path("design").asText("grid")).append(" sweep of ")
                    .append(scenario).append(m.has("points") && m.path("points").isNumber()
                            ? " over " + m.path("points").asText() + " design points" : "");
            case "compare" -> s.append("A comparison of variants of ").append(scenario).append(" against the reference ")
                    .append(m.path("reference").asText("?"));
            default -> s.append("A ").append(command).append(" of ").append(scenario);
        }
        List<String> varied = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode f : m.path("factors")) {
            String path = f.path("path").asText(f.asText());
            List<String> levels = new ArrayList<>();
            f.path("values").forEach(v -> levels.add(v.asText()));
            if (levels.isEmpty()) {
                f.path("levels").forEach(v -> levels.add(v.asText()));
            }
            if (levels.size() > MAX_LEVELS_NAMED) {
                varied.add(path + " (" + levels.get(0) + " to " + levels.get(levels.size() - 1) + ", " + levels.size()
                        + " levels)");
            } else if (!levels.isEmpty()) {
                varied.add(path + " (" + String.join(", ", levels) + ")");
            } else if (f.has("from") && f.has("to")) {
                varied.add(path + " (" + f.path("from").asText() + " to " + f.path("to").asText() + ")");
            } else {
                varied.add(path);
            }
        }
        if (!varied.isEmpty()) {
            s.append(", varying ").append(String.join(" and ", varied));
        }
        List<String> outcomes = new ArrayList<>();
        m.path("outcomes").forEach(o -> outcomes.add(o.asText()));
        s.append(outcomes.isEmpty() ? "" : "; outcomes: " + String.join(", ", outcomes));
        if (m.path("replications").isNumber()) {
            s.append("; ").append(m.path("replications").asText()).append(" replications")
                    .append(command.equals("sweep") ? " at each point" : "");
        }
        return s.append('.').toString();
    }

    /** More levels than this are named by their ends and count. */
    private static final int MAX_LEVELS_NAMED = 6;

    private static String summaryTable(ResultsData data) {
        Map<String, Map<String, List<Double>>> byEntity = new LinkedHashMap<>();
        for (CSVRecord r : data.summary()) {
            if (!r.get("entity_type").equals("archetype")) {
                continue;
            }
            Map<String, List<Double>> metrics = byEntity.computeIfAbsent(r.get("entity"), k -> new LinkedHashMap<>());
            for (String[] c : COLUMNS) {
                if (r.isMapped(c[0])) {
                    metrics.computeIfAbsent(c[0], k -> new ArrayList<>()).add(ResultsData.numberOrNaN(r.get(c[0])));
                }
            }
        }
        StringBuilder t = new StringBuilder("<table><tr><th>archetype</th>");
        for (String[] c : COLUMNS) {
            t.append("<th>").append(escape(c[1])).append("</th>");
        }
        t.append("</tr>\n");
        byEntity.forEach((entity, metrics) -> {
            t.append("<tr><td style=\"color:").append(hex(Palette.of(entity))).append("\">").append(escape(entity)).append("</td>");
            for (String[] c : COLUMNS) {
                List<Double> values = metrics.getOrDefault(c[0], List.of());
                Estimate e = Estimate.of(values.stream().mapToDouble(Double::doubleValue).toArray());
                double scale = Double.parseDouble(c[2]);
                String fmt = "%." + c[3] + "f";
                t.append("<td>");
                if (!Double.isNaN(e.mean())) {
                    t.append(String.format(Locale.ROOT, fmt, e.mean() * scale));
                    if (!Double.isNaN(e.halfWidth())) {
                        t.append(" &plusmn; ").append(String.format(Locale.ROOT, fmt, e.halfWidth() * scale));
                    }
                }
                t.append("</td>");
            }
            t.append("</tr>\n");
        });
        return t.append("</table>\n").toString();
    }

    /** The platform's, the store's and the market's headline lines, as the terminal prints them. */
    private static String intermediaries(ResultsData data) {
        StringBuilder out = new StringBuilder("<ul>\n");
        String[][] lines = {
                {"platform", "platform_fee_revenue", "fee revenue", "1", "0"}, {"platform", "platform_take", "take, % of GMV", "100", "1"},
                {"platform", "subsidy_spend", "subsidies", "1", "0"}, {"platform", "net_profit", "net profit", "1", "0"},
                {"platform", "members", "members, % of consumers", "100", "1"}, {"platform", "active_sellers", "listed sellers", "1", "1"},
                {"store", "store_fee_revenue", "fee revenue", "1", "0"}, {"store", "net_profit", "net profit", "1", "0"},
                {"store", "stocked_sellers", "sellers on the shelf", "1", "1"},
                {"market", "hhi", "HHI", "1", "0"}, {"market", "outside_share", "no-purchase share, %", "100", "1"},
                {"market", "consumer_surplus", "consumer surplus", "1", "0"}};
        String entity = null;
        for (String[] line : lines) {
            List<Double> values = new ArrayList<>();
            for (CSVRecord r : data.summary()) {
                if (r.get("entity_type").equals(line[0]) && r.isMapped(line[1])) {
                    values.add(ResultsData.numberOrNaN(r.get(line[1])));
                }
            }
            Estimate e = Estimate.of(values.stream().mapToDouble(Double::doubleValue).toArray());
            if (Double.isNaN(e.mean())) {
                continue;
            }
            if (!line[0].equals(entity)) {
                out.append(entity == null ? "" : "</li>\n").append("<li><strong>").append(line[0]).append("</strong>: ");
                entity = line[0];
            } else {
                out.append("; ");
            }
            double scale = Double.parseDouble(line[3]);
            String fmt = "%." + line[4] + "f";
            out.append(escape(line[2])).append(" ").append(String.format(Locale.ROOT, fmt, e.mean() * scale));
            if (!Double.isNaN(e.halfWidth())) {
                out.append(" &plusmn; ").append(String.format(Locale.ROOT, fmt, e.halfWidth() * scale));
            }
        }
        return entity == null ? "" : out.append("</li>\n</ul>\n").toString();
    }

    /** The label with "(money" written in the scenario's money unit: "fee revenue (EUR)", "(EUR per unit)". */
    static String withMoney(String label, ResultsData data) {
        return label.replace("(money", "(" + money(data));
    }

    /** What the scenario calls its money (its money_unit, in the manifest's resolved scenario), else "money". */
    static String money(ResultsData data) {
        JsonNode m = data.manifest();
        JsonNode resolved = m.has("resolved_scenario") ? m.path("resolved_scenario")
                : m.path("variants").path(0).path("resolved_scenario"); // a comparison: the reference's
        return resolved.path("money_unit").asText("money");
    }

    private static String hex(java.awt.Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
