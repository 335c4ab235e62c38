package marketsim.results.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import marketsim.core.metrics.Entity;
import marketsim.core.metrics.EntityType;
import marketsim.core.metrics.Metric;
import marketsim.results.experiment.Comparison;

/**
 * The printed comparison: for each variant, the reference's and the variant's levels beside the paired difference
 * with its 95% interval, one row per entity and metric. Without {@code --entity} or {@code --metric}: the headline
 * metrics of each archetype, the platform's and the store's.
 */
public final class ComparisonTable {
    private ComparisonTable() {
    }

    private static final List<Metric> HEADLINE = List.of(Metric.UNIT_SHARE, Metric.GROSS_MARGIN, Metric.FEE_SHARE,
            Metric.NET_MARGIN, Metric.RETENTION, Metric.NET_PROFIT);
    private static final List<Metric> PLATFORM = List.of(Metric.PLATFORM_FEE_REVENUE, Metric.NET_PROFIT,
            Metric.MEMBERS, Metric.ACTIVE_SELLERS);
    private static final List<Metric> STORE = List.of(Metric.STORE_FEE_REVENUE, Metric.NET_PROFIT,
            Metric.STOCKED_SELLERS);

    /** The rows printed without --entity or --metric: archetypes' headline metrics, the platform's and the store's. */
    public static Selection headline(List<Entity> entities) {
        List<Selection.Row> rows = new ArrayList<>();
        for (int e = 0; e < entities.size(); e++) {
            EntityType type = entities.get(e).type();
            List<Metric> metrics = type == EntityType.ARCHETYPE ? HEADLINE : type == EntityType.PLATFORM ? PLATFORM
                    : type == EntityType.STORE ? STORE : List.of();
            for (Metric m : metrics) {
                rows.add(new Selection.Row(e, m));
            }
        }
        return new Selection(rows);
    }

    /** The header lines and the table of {@code selection}'s rows, as {@code layout} says (CSV: the rows only). */
    public static String render(Comparison comparison, List<Entity> entities, Selection selection, String referenceName,
                                int replications, long seed, String money, Layout layout) {
        String table = EntityTable.compare(comparison, entities, selection, money, layout);
        if (layout.data()) {
            return table;
        }
        return layout.wrap(String.format(Locale.ROOT,
                "Differences against %s on common random numbers (%d paired replications, master seed %d): "
                        + "variant minus reference, mean [95%% CI]. Levels are means over the last weeks of each run; "
                        + "shares and margins in %%, their differences in percentage points (pp)%s.%n",
                referenceName, replications, seed, SummaryTable.inMoney(money))) + table;
    }
}
