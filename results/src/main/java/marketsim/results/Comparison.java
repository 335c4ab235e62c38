package marketsim.results;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import marketsim.core.metrics.Entity;
import marketsim.core.metrics.EntityType;
import marketsim.core.metrics.Metric;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Paired comparison of variants against a reference on common random numbers: replication
 * {@code r} of every variant runs on the same seed, so each difference is taken within a pair.
 * For each entity both have and each metric: the mean difference (variant minus reference) with
 * its paired 95% t interval, and the variance reduction pairing gave,
 * {@code 1 - var(d) / (var(a) + var(b))} (what an unpaired comparison would have had to carry).
 */
public final class Comparison {
    /** One row: a metric of an entity, variant against reference. */
    public record Row(String variant, Entity entity, Metric metric, double reference, double value, Estimate difference,
                      double varianceReduction) {
    }

    private final List<Row> rows = new ArrayList<>();

    public static Comparison of(String referenceName, Summaries reference, List<String> names, List<Summaries> variants) {
        Comparison c = new Comparison();
        for (int v = 0; v < variants.size(); v++) {
            Summaries variant = variants.get(v);
            for (int e = 0; e < reference.entities().size(); e++) {
                Entity entity = reference.entities().get(e);
                int other = variant.indexOf(entity.type(), entity.name());
                if (other < 0) {
                    continue;
                }
                for (Metric m : Metric.values()) {
                    if (!m.scope().includes(entity.type())) {
                        continue;
                    }
                    int n = Math.min(reference.replications(), variant.replications());
                    double[] d = new double[n];
                    SummaryStatistics a = new SummaryStatistics();
                    SummaryStatistics b = new SummaryStatistics();
                    for (int r = 0; r < n; r++) {
                        double x = reference.value(r, e, m);
                        double y = variant.value(r, other, m);
                        d[r] = y - x;
                        if (!Double.isNaN(x) && !Double.isNaN(y)) {
                            a.addValue(x);
                            b.addValue(y);
                        }
                    }
                    Estimate diff = Estimate.of(d);
                    double unpaired = a.getVariance() + b.getVariance();
                    double reduction = unpaired > 0 && !Double.isNaN(diff.sd())
                            ? 1 - diff.sd() * diff.sd() / unpaired : Double.NaN;
                    c.rows.add(new Row(names.get(v), entity, m, a.getN() == 0 ? Double.NaN : a.getMean(),
                            b.getN() == 0 ? Double.NaN : b.getMean(), diff, reduction));
                }
            }
        }
        return c;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** Writes comparison.csv (columns in docs/RESULTS.md). */
    public void write(Path file, String referenceName) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = Csv.printer(w, "reference", "variant", "entity_type", "entity", "metric", "n",
                     "reference_mean", "variant_mean", "difference", "ci_low", "ci_high", "variance_reduction")) {
            for (Row row : rows) {
                csv.printRecord(referenceName, row.variant(), row.entity().type().key(), row.entity().name(),
                        row.metric().key(), Long.toString(row.difference().n()), Csv.number(row.reference()),
                        Csv.number(row.value()), Csv.number(row.difference().mean()), Csv.number(row.difference().lower()),
                        Csv.number(row.difference().upper()), Csv.number(row.varianceReduction()));
            }
        }
    }

    private static final List<Cells.Column> HEADLINE = List.of(
            new Cells.Column(Metric.UNIT_SHARE, "units pp", 100, 1),
            new Cells.Column(Metric.GROSS_MARGIN, "gross m. pp", 100, 1),
            new Cells.Column(Metric.FEE_SHARE, "fees pp", 100, 1),
            new Cells.Column(Metric.NET_MARGIN, "net m. pp", 100, 1),
            new Cells.Column(Metric.RETENTION, "retained pp", 100, 1),
            new Cells.Column(Metric.NET_PROFIT, "net profit", 1, 0));

    /** The printed comparison: headline metrics by archetype, and the platform's fee revenue and members. */
    public String render(String referenceName, int replications, long seed) {
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
                        out.append(String.format(Locale.ROOT, "  %24s", cell(find(variant, archetypeRow.entity(), c.metric()), c)));
                    }
                    out.append(System.lineSeparator());
                }
                for (Metric m : List.of(Metric.PLATFORM_FEE_REVENUE, Metric.MEMBERS, Metric.ACTIVE_SELLERS)) {
                    Row p = findType(variant, EntityType.PLATFORM, m);
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

    private Row find(String variant, Entity entity, Metric metric) {
        for (Row r : rows) {
            if (r.variant().equals(variant) && r.entity().equals(entity) && r.metric() == metric) {
                return r;
            }
        }
        return null;
    }

    private Row findType(String variant, EntityType type, Metric metric) {
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
