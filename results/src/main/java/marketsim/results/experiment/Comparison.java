package marketsim.results.experiment;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import marketsim.core.metrics.Entity;
import marketsim.core.metrics.Metric;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import marketsim.results.Csv;
import marketsim.format.Estimate;

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


}
