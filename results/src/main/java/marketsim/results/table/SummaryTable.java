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

    /** Renders the table for {@code summaries} of an experiment, as wide as the default terminal. */
    public static String render(ExperimentResult result, SummaryEstimates summaries) {
        return render(result, summaries, Layout.TEXT);
    }

    /** The first line: what ran. */
    public static String header(ExperimentResult result) {
        var experiment = result.experiment();
        var config = experiment.scenario().config();
        int reps = experiment.replications();
        return String.format(Locale.ROOT, "%s: %d %s x %d ticks, %s, %d %s, master seed %d%n",
                experiment.scenario().name(), reps, reps == 1 ? "replication" : "replications", config.horizon(),
                consumers(config.population()), config.firms().size(), config.firms().size() == 1 ? "firm" : "firms",
                experiment.masterSeed());
    }

    /** The rows of {@code selection} (--entity, --metric) under the header; as CSV, the rows alone. */
    public static String render(ExperimentResult result, SummaryEstimates summaries, Selection selection,
                                Layout layout) {
        String money = result.experiment().scenario().moneyUnit();
        String table = EntityTable.run(summaries, selection, money, layout);
        if (layout.data()) {
            return table;
        }
        int reps = result.experiment().replications();
        return layout.wrap(header(result)) + layout.wrap(String.format(Locale.ROOT, "Over the last %d ticks of each run (money "
                        + "amounts summed over them); %s; shares and margins in %%. Metrics: docs/RESULTS.md.%n%n",
                result.experiment().scenario().config().summaryWindow(), reps == 1
                        ? "one replication, so no confidence intervals" : "mean +- 95% CI half-width across replications"))
                + table;
    }

    /** Renders the table for {@code summaries} of an experiment as {@code layout} says (CSV: the archetypes' rows). */
    public static String render(ExperimentResult result, SummaryEstimates summaries, Layout layout) {
        var experiment = result.experiment();
        var config = experiment.scenario().config();
        String money = experiment.scenario().moneyUnit();
        if (layout.data()) {
            List<Selection.Row> selected = new ArrayList<>();
            for (int e : summaries.archetypes()) {
                selected.add(new Selection.Row(e, Metric.FIRMS));
                for (Cells.Column c : COLUMNS) {
                    selected.add(new Selection.Row(e, c.metric()));
                }
            }
            return EntityTable.run(summaries, new Selection(selected), money, layout);
        }
        StringBuilder out = new StringBuilder(layout.wrap(header(result)));
        int reps = experiment.replications();
        out.append(layout.wrap(String.format(Locale.ROOT, "Last %d ticks of each run; %s. Firms in the market at the end (not "
                        + "exited); price in %s per unit; fees as %% of revenue; net margin of income; NPS -100..100; "
                        + "loyalty = mean relationship stock 0..1%s.%n%n",
                config.summaryWindow(), reps == 1 ? "one replication, so no confidence intervals"
                        : "mean +- 95% CI half-width across replications", money, inMoney(money))));
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
        out.append(layout.render(rows, ""));
        StringBuilder notes = new StringBuilder();
        int platform = summaries.indexOf(EntityType.PLATFORM, "platform");
        if (platform >= 0) {
            notes.append(String.format(Locale.ROOT, "%nplatform: fee revenue %s (take %s%% of GMV), subsidies %s, net profit %s, "
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
            notes.append(String.format(Locale.ROOT, "store: fee revenue %s (slotting %s), net profit %s, sellers on the shelf %s%n",
                    format(summaries.estimate(store, Metric.STORE_FEE_REVENUE), new Cells.Column(null, "", 1, 0)),
                    format(summaries.estimate(store, Metric.SLOTTING_REVENUE), new Cells.Column(null, "", 1, 0)),
                    format(summaries.estimate(store, Metric.NET_PROFIT), new Cells.Column(null, "", 1, 0)),
                    format(summaries.estimate(store, Metric.STOCKED_SELLERS), new Cells.Column(null, "", 1, 1))));
        }
        int market = summaries.indexOf(EntityType.MARKET, "market");
        notes.append(String.format(Locale.ROOT, "market: HHI %s, no-purchase share %s%%, mean list price %s%n",
                format(summaries.estimate(market, Metric.HHI), new Cells.Column(Metric.HHI, "", 1, 0)),
                format(summaries.estimate(market, Metric.OUTSIDE_SHARE), new Cells.Column(Metric.OUTSIDE_SHARE, "", 100, 1)),
                format(summaries.estimate(market, Metric.MEAN_PRICE), new Cells.Column(Metric.MEAN_PRICE, "", 1, 2))));
        notes.append(String.format(Locale.ROOT, "costs paid every week whatever is sold (%s/week):%n", money));
        for (String line : RunningCosts.lines(config)) {
            notes.append("  ").append(line).append(System.lineSeparator());
        }
        List<String> firms = new ArrayList<>();
        for (var entity : summaries.entities()) {
            if (entity.type() == EntityType.FIRM || entity.type() == EntityType.POOL) {
                firms.add(entity.name());
            }
        }
        notes.append(String.format(Locale.ROOT, "%nOne firm's every metric: --entity NAME (%s); one metric of every "
                + "firm: --metric KEY (docs/RESULTS.md); the costs each lever carries: marketsim scenarios show %s "
                + "--levers.%n", String.join(", ", firms), experiment.scenario().name()));
        out.append(layout.wrap(notes.toString()));
        return out.toString();
    }

    /** "; money in EUR" when the scenario names its money (money_unit), nothing for the default "money". */
    static String inMoney(String money) {
        return money.equals("money") ? "" : "; money in " + money;
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
