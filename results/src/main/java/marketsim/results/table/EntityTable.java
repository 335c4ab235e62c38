package marketsim.results.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import marketsim.core.metrics.Entity;
import marketsim.core.metrics.Metric;
import marketsim.format.Estimate;
import marketsim.results.experiment.Comparison;
import marketsim.results.experiment.SummaryEstimates;

/**
 * The long tables of {@code --entity} and {@code --metric}: one row per entity and metric, with its unit. A run's
 * row holds the mean and its 95% interval; a comparison's the reference's and the variant's levels beside the
 * paired difference and its interval. As CSV the numbers go out unscaled and unrounded, as summary.csv and
 * comparison.csv hold them.
 */
public final class EntityTable {
    private EntityTable() {
    }

    /** A run's rows: mean +- 95% CI half-width across replications. */
    public static String run(SummaryEstimates estimates, Selection selection, String money, Layout layout) {
        List<String[]> rows = new ArrayList<>();
        if (layout.data()) {
            rows.add(new String[] {"entity_type", "entity", "metric", "unit", "n", "mean", "ci_low", "ci_high"});
        } else {
            rows.add(new String[] {"entity", "metric", "mean +- 95% CI", "unit"});
        }
        for (Selection.Row row : selection.rows()) {
            Entity entity = estimates.entities().get(row.entity());
            Metric m = row.metric();
            Estimate e = estimates.estimate(row.entity(), m);
            if (layout.data()) {
                rows.add(new String[] {entity.type().key(), entity.name(), m.key(), m.unit().replace("money", money),
                    Long.toString(e.n()), raw(e.mean()), raw(e.lower()), raw(e.upper())});
            } else {
                rows.add(new String[] {entity.name(), m.key(), level(e, m), Cells.unit(m, money)});
            }
        }
        return layout.render(rows, "");
    }

    /**
     * A comparison's rows, per variant: the reference's and the variant's means, and the paired difference with its
     * 95% interval. Rows of an entity the variant does not have are left out.
     */
    public static String compare(Comparison comparison, List<Entity> entities, Selection selection, String money,
                                 Layout layout) {
        Set<String> wanted = new HashSet<>();
        List<String> order = new ArrayList<>();
        for (Selection.Row row : selection.rows()) {
            String key = key(entities.get(row.entity()), row.metric());
            wanted.add(key);
            order.add(key);
        }
        List<Comparison.Row> chosen = new ArrayList<>(comparison.rows().stream()
                .filter(r -> wanted.contains(key(r.entity(), r.metric()))).toList());
        List<String> variants = comparison.rows().stream().map(Comparison.Row::variant).distinct().toList();
        // in the order asked, variant by variant
        chosen.sort(java.util.Comparator.comparing((Comparison.Row r) -> variants.indexOf(r.variant()))
                .thenComparing(r -> order.indexOf(key(r.entity(), r.metric()))));
        StringBuilder out = new StringBuilder();
        if (layout.data()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"variant", "entity_type", "entity", "metric", "unit", "n", "reference_mean",
                "variant_mean", "difference", "ci_low", "ci_high"});
            for (Comparison.Row r : chosen) {
                Estimate d = r.difference();
                rows.add(new String[] {r.variant(), r.entity().type().key(), r.entity().name(), r.metric().key(),
                    r.metric().unit().replace("money", money), Long.toString(d.n()), raw(r.reference()), raw(r.value()),
                    raw(d.mean()), raw(d.lower()), raw(d.upper())});
            }
            return layout.render(rows, "");
        }
        for (String variant : variants) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"entity", "metric", "reference", "variant", "difference [95% CI]", "unit"});
            for (Comparison.Row r : chosen) {
                if (r.variant().equals(variant)) {
                    Metric m = r.metric();
                    rows.add(new String[] {r.entity().name(), m.key(), shown(r.reference(), m),
                        shown(r.value(), m), difference(r.difference(), m), Cells.unit(m, money)});
                }
            }
            out.append(String.format(Locale.ROOT, "%n%s%n", variant));
            out.append(layout.render(rows, "  "));
        }
        return out.toString();
    }

    private static String key(Entity entity, Metric metric) {
        return entity.type().key() + "/" + entity.name() + "/" + metric.key();
    }

    /** A mean with its 95% half-width, in the metric's shown unit. */
    static String level(Estimate e, Metric m) {
        if (Double.isNaN(e.mean())) {
            return "n/a";
        }
        double scale = Cells.scale(m);
        int decimals = Cells.decimals(e.mean() * scale, Cells.percent(m));
        String mean = Cells.fixed(e.mean() * scale, decimals, false);
        return Double.isNaN(e.halfWidth()) ? mean : mean + " +- " + Cells.fixed(e.halfWidth() * scale, decimals, false);
    }

    private static String shown(double x, Metric m) {
        if (Double.isNaN(x)) {
            return "n/a";
        }
        double scale = Cells.scale(m);
        return Cells.fixed(x * scale, Cells.decimals(x * scale, Cells.percent(m)), false);
    }

    /** A paired difference, signed, with its 95% interval; percentages' differences are percentage points. */
    static String difference(Estimate d, Metric m) {
        if (Double.isNaN(d.mean())) {
            return "n/a";
        }
        double scale = Cells.scale(m);
        double size = Double.isNaN(d.halfWidth()) ? Math.abs(d.mean()) : Math.max(Math.abs(d.lower()), Math.abs(d.upper()));
        int decimals = Cells.decimals(size * scale, Cells.percent(m));
        String mean = Cells.fixed(d.mean() * scale, decimals, true) + (Cells.percent(m) ? " pp" : "");
        if (Double.isNaN(d.halfWidth())) {
            return mean;
        }
        return mean + " [" + Cells.fixed(d.lower() * scale, decimals, false) + ", "
                + Cells.fixed(d.upper() * scale, decimals, false) + "]";
    }

    /** A number as the CSV files write it: empty for NaN, else full precision. */
    private static String raw(double x) {
        return Double.isNaN(x) ? "" : marketsim.results.Csv.number(x);
    }
}
