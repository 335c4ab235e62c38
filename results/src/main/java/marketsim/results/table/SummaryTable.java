package marketsim.results.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import marketsim.core.config.PopulationConfig;
import marketsim.core.metrics.EntityType;
import marketsim.core.metrics.Metric;
import marketsim.format.Estimate;
import marketsim.results.experiment.ExperimentResult;
import marketsim.results.experiment.SummaryEstimates;
import marketsim.scenario.RunningCosts;

/** The printed summary: one row per archetype, mean +- 95% CI half-width per headline metric. */
public final class SummaryTable {
    private static final List<Cells.Column> COLUMNS = List.of(
            new Cells.Column(Metric.UNIT_SHARE, "units %", 100, 1),
            new Cells.Column(Metric.REVENUE_SHARE, "revenue %", 100, 1),
            new Cells.Column(Metric.MEAN_PRICE, "price", 1, 2),
            new Cells.Column(Metric.GROSS_MARGIN, "gross m. %", 100, 1),
            new Cells.Column(Metric.FEE_SHARE, "fees %", 100, 1),
            new Cells.Column(Metric.NET_MARGIN, "net m. %", 100, 1),
            new Cells.Column(Metric.RETENTION, "retained %", 100, 1),
            new Cells.Column(Metric.NPS, "NPS", 1, 0),
            new Cells.Column(Metric.MEAN_RELATIONSHIP, "loyalty", 1, 2));

    private SummaryTable() {
    }

    /**
     * The population in words: "10,000 consumers" when each simulated consumer is one, else both the
     * simulated consumers and the market they stand for ("2,000 simulated consumers of a market of 10,000").
     */
    public static String consumers(PopulationConfig population) {
        if (population.marketSize() == population.size()) {
            return String.format(Locale.ROOT, "%,d consumers", population.size());
        }
        return String.format(Locale.ROOT, "%,d simulated consumers of a market of %,.0f", population.size(),
                population.marketSize());
    }

    /** Renders the table for {@code summaries} of an experiment. */
    public static String render(ExperimentResult result, SummaryEstimates summaries) {
        var experiment = result.experiment();
        var config = experiment.scenario().config();
        StringBuilder out = new StringBuilder();
        int reps = experiment.replications();
        out.append(String.format(Locale.ROOT, "%s: %d %s x %d ticks, %s, %d %s, master seed %d%n",
                experiment.scenario().name(), reps, reps == 1 ? "replication" : "replications", config.horizon(),
                consumers(config.population()), config.firms().size(), config.firms().size() == 1 ? "firm" : "firms",
                experiment.masterSeed()));
        out.append(String.format(Locale.ROOT, "Last %d ticks of each run; %s. Firms in the market at the end (not "
                        + "exited); price in money per unit; fees as %% of revenue; net margin of income; NPS -100..100; "
                        + "loyalty = mean relationship stock 0..1.%n%n",
                config.summaryWindow(), reps == 1 ? "one replication, so no confidence intervals"
                        : "mean +- 95% CI half-width across replications"));
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[COLUMNS.size() + 2];
        header[0] = "archetype";
        header[1] = "firms";
        for (int c = 0; c < COLUMNS.size(); c++) {
            header[c + 2] = COLUMNS.get(c).title();
        }
        rows.add(header);
        for (int e : summaries.archetypes()) {
            String[] row = new String[COLUMNS.size() + 2];
            row[0] = summaries.entities().get(e).name();
            row[1] = liveFirms(summaries.estimate(e, Metric.FIRMS));
            for (int c = 0; c < COLUMNS.size(); c++) {
                Cells.Column col = COLUMNS.get(c);
                row[c + 2] = format(summaries.estimate(e, col.metric()), col);
            }
            rows.add(row);
        }
        int[] widths = new int[header.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                String cell = row[c];
                String pad = " ".repeat(widths[c] - cell.length());
                line.append(c == 0 ? cell + pad : pad + cell);
                if (c < row.length - 1) {
                    line.append("  ");
                }
            }
            out.append(line.toString().stripTrailing()).append(System.lineSeparator());
            if (r == 0) {
                out.append("-".repeat(line.length())).append(System.lineSeparator());
            }
        }
        int platform = summaries.indexOf(EntityType.PLATFORM, "platform");
        if (platform >= 0) {
            out.append(String.format(Locale.ROOT, "%nplatform: fee revenue %s (take %s%% of GMV), subsidies %s, net profit %s, "
                            + "members %s%%, listed sellers %s%n",
                    format(summaries.estimate(platform, Metric.PLATFORM_FEE_REVENUE), new Cells.Column(null, "", 1, 0)),
                    format(summaries.estimate(platform, Metric.PLATFORM_TAKE), new Cells.Column(null, "", 100, 1)),
                    format(summaries.estimate(platform, Metric.SUBSIDY_SPEND), new Cells.Column(null, "", 1, 0)),
                    format(summaries.estimate(platform, Metric.NET_PROFIT), new Cells.Column(null, "", 1, 0)),
                    format(summaries.estimate(platform, Metric.MEMBERS), new Cells.Column(null, "", 100, 1)),
                    format(summaries.estimate(platform, Metric.ACTIVE_SELLERS), new Cells.Column(null, "", 1, 1))));
        }
        int store = summaries.indexOf(EntityType.STORE, "store");
        if (store >= 0) {
            out.append(String.format(Locale.ROOT, "store: fee revenue %s (slotting %s), net profit %s, sellers on the shelf %s%n",
                    format(summaries.estimate(store, Metric.STORE_FEE_REVENUE), new Cells.Column(null, "", 1, 0)),
                    format(summaries.estimate(store, Metric.SLOTTING_REVENUE), new Cells.Column(null, "", 1, 0)),
                    format(summaries.estimate(store, Metric.NET_PROFIT), new Cells.Column(null, "", 1, 0)),
                    format(summaries.estimate(store, Metric.STOCKED_SELLERS), new Cells.Column(null, "", 1, 1))));
        }
        int market = summaries.indexOf(EntityType.MARKET, "market");
        out.append(String.format(Locale.ROOT, "market: HHI %s, no-purchase share %s%%, mean list price %s%n",
                format(summaries.estimate(market, Metric.HHI), new Cells.Column(Metric.HHI, "", 1, 0)),
                format(summaries.estimate(market, Metric.OUTSIDE_SHARE), new Cells.Column(Metric.OUTSIDE_SHARE, "", 100, 1)),
                format(summaries.estimate(market, Metric.MEAN_PRICE), new Cells.Column(Metric.MEAN_PRICE, "", 1, 2))));
        out.append(String.format(Locale.ROOT, "costs paid every week whatever is sold (money/week):%n"));
        for (String line : RunningCosts.lines(config)) {
            out.append("  ").append(line).append(System.lineSeparator());
        }
        return out.toString();
    }

    /**
     * Firms following the archetype at the end of the window (exited firms and entrants yet to enter not counted): the
     * mean across replications, to one decimal unless it is a whole number.
     */
    private static String liveFirms(Estimate firms) {
        if (Double.isNaN(firms.mean())) {
            return "0";
        }
        double rounded = Math.rint(firms.mean());
        return Math.abs(firms.mean() - rounded) < 1e-9 ? String.valueOf((long) rounded)
                : Cells.fixed(firms.mean(), 1, false);
    }

    private static String format(Estimate estimate, Cells.Column col) {
        if (Double.isNaN(estimate.mean())) {
            return "n/a";
        }
        String mean = Cells.fixed(estimate.mean() * col.scale(), col.decimals(), false);
        if (Double.isNaN(estimate.halfWidth())) {
            return mean;
        }
        return mean + " +- " + Cells.fixed(estimate.halfWidth() * col.scale(), col.decimals(), false);
    }
}
