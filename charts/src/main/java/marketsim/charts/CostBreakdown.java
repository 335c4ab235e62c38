package marketsim.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import marketsim.format.Estimate;
import org.apache.commons.csv.CSVRecord;

/**
 * The report's cost breakdown of a run: for each firm (and seller pool), where its revenue went over the summary
 * window, one column per kind of money the ledger posts for a seller (docs/RESULTS.md): cost of goods, fees to the
 * platform and to the store, its web store, marketing, personalization (fixed and per customer), service, quality,
 * education and innovation, and what is left, net profit; loyalty discounts beside them, as revenue given up. Means
 * across replications from summary.csv.
 */
final class CostBreakdown {
    private CostBreakdown() {
    }

    /** A column: its title and how a summary.csv row gives it. */
    private record Column(String title, java.util.function.ToDoubleFunction<CSVRecord> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("revenue", r -> cell(r, "revenue")),
            // cost of goods = units x unit cost (unit_cost is cost of goods / units)
            new Column("cost of goods", r -> cell(r, "units") == 0 ? 0 : cell(r, "units") * cell(r, "unit_cost")),
            new Column("platform fees", r -> cell(r, "commission_fees") + cell(r, "fulfilment_fees")
                    + cell(r, "listing_fees") + cell(r, "ad_fees")),
            new Column("store fees", r -> cell(r, "store_fees")),
            new Column("web store", r -> cell(r, "fixed_costs")),
            new Column("marketing", r -> cell(r, "marketing_costs")),
            new Column("personal&shy;ization", r -> cell(r, "personalization_costs")),
            new Column("service", r -> cell(r, "service_costs")),
            new Column("quality", r -> cell(r, "quality_costs")),
            new Column("education", r -> cell(r, "education_costs")),
            new Column("innovation", r -> cell(r, "innovation_costs")),
            new Column("categories added", r -> cell(r, "range_costs")),
            new Column("net profit", r -> cell(r, "net_profit")),
            new Column("loyalty discounts (revenue given up)", r -> cell(r, "loyalty_discounts")));

    /** The section, or "" when the folder has no firm rows (a comparison, a sweep). */
    static String html(ResultsData data) {
        Map<String, List<CSVRecord>> byFirm = new LinkedHashMap<>();
        for (CSVRecord r : data.summary()) {
            String type = r.get("entity_type");
            if (type.equals("firm") || type.equals("pool")) {
                byFirm.computeIfAbsent(r.get("entity"), k -> new ArrayList<>()).add(r);
            }
        }
        if (byFirm.isEmpty()) {
            return "";
        }
        String money = Report.money(data);
        StringBuilder t = new StringBuilder("<h2 id=\"costs\">Where each firm's money went</h2>\n<p>Over the last ")
                .append(Report.escape(data.manifest().path("summary_window").asText("?")))
                .append(" weeks of each run, in ").append(Report.escape(money))
                .append(", mean across replications: revenue, each cost the firm paid, and net profit (revenue less "
                        + "them all). Fixed costs (web store, marketing, personalization's fixed part, quality, "
                        + "education, innovation, categories added) are paid whatever is sold; <code>marketsim scenarios show "
                        + "SCENARIO --levers</code> lists the lever each comes from. Loyalty discounts are revenue "
                        + "given up, already out of revenue.</p>\n<table><tr><th>firm</th>");
        for (Column c : COLUMNS) {
            t.append("<th>").append(c.title()).append("</th>");
        }
        t.append("</tr>\n");
        byFirm.forEach((firm, rows) -> {
            t.append("<tr><td>").append(Report.escape(firm)).append("</td>");
            for (Column c : COLUMNS) {
                double[] values = rows.stream().mapToDouble(c.value()).toArray();
                Estimate e = Estimate.of(values);
                t.append("<td>").append(Double.isNaN(e.mean()) ? "" : String.format(Locale.ROOT, "%,.0f", e.mean()))
                        .append("</td>");
            }
            t.append("</tr>\n");
        });
        return t.append("</table>\n").toString();
    }

    /** A summary.csv cell as a number; an empty cell (no value: nothing sold) counts 0. */
    private static double cell(CSVRecord r, String column) {
        if (!r.isMapped(column)) {
            return 0;
        }
        double v = ResultsData.numberOrNaN(r.get(column));
        return Double.isNaN(v) ? 0 : v;
    }
}
