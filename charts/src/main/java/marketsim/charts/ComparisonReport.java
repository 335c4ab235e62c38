package marketsim.charts;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVRecord;

/**
 * The part of a comparison's report.html before its charts: the question (the reference scenario's description and
 * what each variant changes) and the differences table: per variant, each entity's headline metrics at the
 * reference and in the variant, and the paired difference with its 95% interval, from comparison.csv.
 */
final class ComparisonReport {
    private ComparisonReport() {
    }

    /** Metrics shown per entity type; every other row is in comparison.csv. */
    private static final Map<String, List<String>> METRICS = new LinkedHashMap<>();

    static {
        List<String> sellers = List.of("unit_share", "mean_price", "fee_share", "net_margin", "net_profit", "retention");
        METRICS.put("archetype", sellers);
        METRICS.put("firm", List.of("unit_share", "mean_price", "net_margin", "net_profit"));
        METRICS.put("pool", List.of("unit_share", "mean_price", "net_margin", "net_profit"));
        METRICS.put("platform", List.of("platform_fee_revenue", "platform_take", "subsidy_spend", "net_profit",
                "members", "active_sellers"));
        METRICS.put("store", List.of("store_fee_revenue", "net_profit", "stocked_sellers"));
        METRICS.put("market", List.of("outside_share", "consumer_surplus", "hhi"));
    }

    static String html(ResultsData data) {
        if (data.comparison().isEmpty()) {
            return "";
        }
        JsonNode m = data.manifest();
        StringBuilder out = new StringBuilder();
        JsonNode variants = m.path("variants");
        String description = variants.path(0).path("resolved_scenario").path("description").asText("");
        if (!description.isBlank()) {
            out.append("<p><strong>Question.</strong> ").append(Report.escape(description.strip())).append("</p>\n");
        }
        out.append("<p><strong>Compared</strong> on common random numbers (every variant on the reference's ")
                .append(Report.escape(m.path("replications").asText("?"))).append(" replication seeds):</p>\n<ul>\n");
        for (JsonNode v : variants) {
            out.append("<li><code>").append(Report.escape(v.path("name").asText())).append("</code>");
            if (v.path("name").asText().equals(m.path("reference").asText())) {
                out.append(" (the reference)");
            }
            out.append(": scenario <code>").append(Report.escape(v.path("scenario").asText())).append("</code>");
            Set<String> overrides = new LinkedHashSet<>();
            v.path("overrides").forEach(o -> overrides.add(o.asText()));
            if (!overrides.isEmpty()) {
                out.append(", overrides <code>").append(Report.escape(String.join("; ", overrides))).append("</code>");
            }
            out.append("</li>\n");
        }
        out.append("</ul>\n");
        String money = Report.money(data);
        out.append("<h2 id=\"differences\">Differences against the reference</h2>\n<p>Over the summary window "
                + "(the last weeks of each run): the reference's and the variant's means and the paired difference "
                + "(variant minus reference) with its 95% confidence interval. Shares and margins in %, their "
                + "differences in percentage points; money in ").append(Report.escape(money))
                .append(". Every metric of every entity: comparison.csv.</p>\n");
        for (String name : data.comparison().stream().map(r -> r.get("variant")).distinct().toList()) {
            out.append("<h3>").append(Report.escape(name)).append("</h3>\n<table><tr><th>entity</th><th>metric</th>"
                    + "<th>reference</th><th>variant</th><th>difference</th><th>95% CI</th></tr>\n");
            for (String type : METRICS.keySet()) {
                Map<String, Map<String, CSVRecord>> byEntity = new LinkedHashMap<>(); // entity by entity
                for (CSVRecord r : data.comparison()) {
                    if (r.get("variant").equals(name) && r.get("entity_type").equals(type)) {
                        byEntity.computeIfAbsent(r.get("entity"), k -> new LinkedHashMap<>()).put(r.get("metric"), r);
                    }
                }
                byEntity.forEach((entity, rows) -> {
                    for (String metric : METRICS.get(type)) {
                        if (rows.containsKey(metric)) {
                            out.append(row(rows.get(metric)));
                        }
                    }
                });
            }
            out.append("</table>\n");
        }
        return out.toString();
    }

    private static String row(CSVRecord r) {
        String metric = r.get("metric");
        boolean percent = PERCENT.contains(metric);
        double scale = percent ? 100 : 1;
        return "<tr><td>" + Report.escape(r.get("entity")) + " <small>(" + r.get("entity_type") + ")</small></td><td>"
                + metric + "</td><td>" + number(r.get("reference_mean"), scale, false) + "</td><td>"
                + number(r.get("variant_mean"), scale, false) + "</td><td>" + number(r.get("difference"), scale, true)
                + (percent ? " pp" : "") + "</td><td>[" + number(r.get("ci_low"), scale, false) + ", "
                + number(r.get("ci_high"), scale, false) + "]</td></tr>\n";
    }

    private static final Set<String> PERCENT = Set.of("unit_share", "fee_share", "net_margin", "retention",
            "platform_take", "members", "outside_share");

    private static String number(String cell, double scale, boolean signed) {
        double x = ResultsData.numberOrNaN(cell) * scale;
        if (Double.isNaN(x)) {
            return "n/a";
        }
        double a = Math.abs(x);
        String f = (signed ? "%+" : "%") + (a >= 1000 ? ",.0f" : a >= 10 ? ".1f" : ".2f");
        return String.format(Locale.ROOT, f, x);
    }
}
