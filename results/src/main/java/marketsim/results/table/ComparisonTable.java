package marketsim.results.table;

import java.util.List;
import java.util.Locale;

import marketsim.core.metrics.Entity;
import marketsim.core.metrics.EntityType;
import marketsim.core.metrics.Metric;
import marketsim.format.Estimate;
import marketsim.results.experiment.Comparison;
import marketsim.results.experiment.Comparison.Row;

/** The printed comparison: paired differences of the headline metrics by archetype, and the platform's. */
public final class ComparisonTable {
    private ComparisonTable() {
    }

    private static final List<Cells.Column> HEADLINE = List.of(
            new Cells.Column(Metric.UNIT_SHARE, "units pp", 100, 1),
            new Cells.Column(Metric.GROSS_MARGIN, "gross m. pp", 100, 1),
            new Cells.Column(Metric.FEE_SHARE, "fees pp", 100, 1),
            new Cells.Column(Metric.NET_MARGIN, "net m. pp", 100, 1),
            new Cells.Column(Metric.RETENTION, "retained pp", 100, 1),
            new Cells.Column(Metric.NET_PROFIT, "net profit", 1, 0));

    /** The printed comparison: headline metrics by archetype, and the platform's fee revenue and members. */
    public static String render(Comparison comparison, String referenceName, int replications, long seed) {
        List<Row> rows = comparison.rows();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Differences against %s on common random numbers (%d paired replications, master seed %d): "
                        + "variant minus reference, mean [95%% CI]; shares and margins in percentage points (pp).%n"
                        + "Reference and variant levels: comparison.csv (reference_mean, variant_mean).%n",
                referenceName, replications, seed));
        String variant = null;
        for (Row row : rows) {
            if (!row.variant().equals(variant)) {
                variant = row.variant();
                out.append(String.format(Locale.ROOT, "%n%s%n", variant));
                out.append(String.format(Locale.ROOT, "  %-17s", "archetype"));
                for (Cells.Column c : HEADLINE) {
                    out.append(String.format(Locale.ROOT, "  %24s", c.title()));
                }
                out.append(System.lineSeparator());
                for (Row archetypeRow : rows) {
                    if (!archetypeRow.variant().equals(variant) || archetypeRow.entity().type() != EntityType.ARCHETYPE
                            || archetypeRow.metric() != HEADLINE.get(0).metric()) {
                        continue;
                    }
                    out.append(String.format(Locale.ROOT, "  %-17s", archetypeRow.entity().name()));
                    for (Cells.Column c : HEADLINE) {
                        out.append(String.format(Locale.ROOT, "  %24s", cell(find(rows, variant, archetypeRow.entity(), c.metric()), c)));
                    }
                    out.append(System.lineSeparator());
                }
                for (Metric m : List.of(Metric.PLATFORM_FEE_REVENUE, Metric.MEMBERS, Metric.ACTIVE_SELLERS)) {
                    Row p = findType(rows, variant, EntityType.PLATFORM, m);
                    if (p != null) {
                        Cells.Column c = new Cells.Column(m, "", m == Metric.MEMBERS ? 100 : 1, m == Metric.MEMBERS ? 1 : 0);
                        out.append(String.format(Locale.ROOT, "  platform %s: %s%s%n", m.key(), cell(p, c),
                                m == Metric.MEMBERS ? " pp" : ""));
                    }
                }
            }
        }
        return out.toString();
    }

    private static Row find(List<Row> rows, String variant, Entity entity, Metric metric) {
        for (Row r : rows) {
            if (r.variant().equals(variant) && r.entity().equals(entity) && r.metric() == metric) {
                return r;
            }
        }
        return null;
    }

    private static Row findType(List<Row> rows, String variant, EntityType type, Metric metric) {
        for (Row r : rows) {
            if (r.variant().equals(variant) && r.entity().type() == type && r.metric() == metric) {
                return r;
            }
        }
        return null;
    }

    private static String cell(Row row, Cells.Column c) {
        if (row == null || Double.isNaN(row.difference().mean())) {
            return "n/a";
        }
        Estimate d = row.difference();
        String mean = Cells.fixed(d.mean() * c.scale(), c.decimals(), true);
        if (Double.isNaN(d.halfWidth())) {
            return mean;
        }
        return mean + " [" + Cells.fixed(d.lower() * c.scale(), c.decimals(), false) + ", "
                + Cells.fixed(d.upper() * c.scale(), c.decimals(), false) + "]";
    }
}
