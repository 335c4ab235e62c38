package marketsim.charts;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.apache.commons.csv.CSVRecord;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.statistics.StatisticalCategoryDataset;

/**
 * A comparison's paired-difference bars: per archetype for one metric, and the platform's (or store's) money metrics.
 * Each bar has its entity's colour, its 95% interval as whiskers and its value written beyond the whisker's end.
 */
final class DifferenceBars {
    /**
     * The intermediary's metrics (fee revenue, subsidies, net profit: different outcomes) get a panel each with its own
     * scale when the largest reaches this many times the smallest: past it the small bar is a few pixels tall. The
     * archetypes' bars of one metric keep a common scale: comparing them on it is the point, and the labels give the
     * small ones' values.
     */
    static final double PANELS_FROM_RATIO = 5;
    /** Room beyond the whiskers in a panel (a third of a chart's height), as a share of its axis: its labels fit. */
    private static final double PANEL_LABEL_ROOM = 0.3;
    /** Significant digits of the largest value a chart's labels show (the others get the same decimals). */
    static final int SIGNIFICANT_DIGITS = 3;
    private static final String SUBTITLE = "variant minus reference on common random numbers; whiskers: 95% confidence "
            + "interval";

    private DifferenceBars() {
    }

    static List<Charts.Drawn> drawAll(ResultsData data, ChartFiles files) {
        List<Charts.Drawn> drawn = new ArrayList<>();
        String money = Report.money(data);
        for (String[] diff : new String[][] {{"unit_share", "unit share (percentage points)", "100"},
                {"net_margin", "net margin (percentage points)", "100"}, {"retention", "retention (percentage points)", "100"},
                {"fee_share", "fee share of revenue (percentage points)", "100"}, {"net_profit", "net profit (money)", "1"}}) {
            JFreeChart chart = differences(data, diff[0], diff[1].replace("(money)", "(" + money + ")"),
                    Double.parseDouble(diff[2]));
            if (chart != null) {
                String name = "diff-" + diff[0].replace('_', '-');
                files.save(chart, name);
                drawn.add(new Charts.Drawn(name, "Paired difference in " + diff[1] + " against the reference"));
            }
        }
        for (String[] side : new String[][] {
                {"platform", "platform_fee_revenue,subsidy_spend,net_profit", "The platform"},
                {"store", "store_fee_revenue,slotting_revenue,net_profit", "The store"}}) {
            JFreeChart chart = intermediaryDifferences(data, side[0], List.of(side[1].split(",")), side[2], money);
            if (chart != null) {
                String name = "diff-" + side[0];
                files.save(chart, name);
                drawn.add(new Charts.Drawn(name, side[2] + ": paired differences in its money against the reference"));
            }
        }
        return drawn;
    }

    /** For a comparison: the paired difference of a metric by archetype, a bar per variant with its 95% CI. */
    static JFreeChart differences(ResultsData data, String metric, String label, double scale) {
        DefaultStatisticalCategoryDataset dataset = new DefaultStatisticalCategoryDataset();
        for (CSVRecord r : data.comparison()) {
            if (r.get("metric").equals(metric) && r.get("entity_type").equals("archetype")) {
                double d = ResultsData.numberOrNaN(r.get("difference"));
                double low = ResultsData.numberOrNaN(r.get("ci_low"));
                if (!Double.isNaN(d)) {
                    dataset.add(d * scale, Double.isNaN(low) ? 0 : (d - low) * scale, r.get("variant"), r.get("entity"));
                }
            }
        }
        if (dataset.getRowCount() == 0) {
            return null;
        }
        CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis("archetype"),
                valueAxis("difference in " + label), renderer(dataset, Palette::of, format(dataset)));
        return finished("Paired difference in " + label, plot, dataset, SUBTITLE);
    }

    /**
     * For a comparison: the platform's (or the store's) money metrics, a bar per variant with its 95% CI, so the
     * intermediary's side of a fee change shows beside the sellers'; a panel per metric when one dwarfs another
     * (PANELS_FROM_RATIO); null without such rows.
     */
    static JFreeChart intermediaryDifferences(ResultsData data, String type, List<String> metrics, String who,
                                              String money) {
        DefaultStatisticalCategoryDataset dataset = new DefaultStatisticalCategoryDataset();
        for (String metric : metrics) {
            for (CSVRecord r : data.comparison()) {
                if (r.get("metric").equals(metric) && r.get("entity_type").equals(type)) {
                    double d = ResultsData.numberOrNaN(r.get("difference"));
                    double low = ResultsData.numberOrNaN(r.get("ci_low"));
                    if (!Double.isNaN(d)) {
                        dataset.add(d, Double.isNaN(low) ? 0 : d - low, r.get("variant"), metric.replace('_', ' '));
                    }
                }
            }
        }
        return intermediaryBars(dataset, type, who, money);
    }

    /** The intermediary's bars of {@code dataset} (a row per variant, a column per metric); null when empty. */
    static JFreeChart intermediaryBars(DefaultStatisticalCategoryDataset dataset, String type, String who,
                                       String money) {
        if (dataset.getRowCount() == 0) {
            return null;
        }
        Function<String, Color> colour = metric -> Palette.of(type);
        String title = who + ": paired differences in " + money;
        if (!dwarfs(dataset)) {
            CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis(type + " metric (over the summary window)"),
                    valueAxis("difference (" + money + ")"), renderer(dataset, colour, format(dataset)));
            return finished(title, plot, dataset, SUBTITLE);
        }
        CategoryAxis shared = new CategoryAxis("difference (" + money + "), over the summary window; each metric on "
                + "its own scale");
        shared.setTickLabelsVisible(false);
        CombinedDomainCategoryPlot panels = new CombinedDomainCategoryPlot(shared);
        panels.setGap(12);
        for (int column = 0; column < dataset.getColumnCount(); column++) {
            String metric = (String) dataset.getColumnKey(column);
            DefaultStatisticalCategoryDataset one = new DefaultStatisticalCategoryDataset();
            for (int row = 0; row < dataset.getRowCount(); row++) {
                Number mean = dataset.getMeanValue(row, column);
                if (mean != null) {
                    one.add(mean, dataset.getStdDevValue(row, column), dataset.getRowKey(row), "");
                }
            }
            NumberAxis axis = valueAxis(metric);
            axis.setUpperMargin(PANEL_LABEL_ROOM);
            axis.setLowerMargin(PANEL_LABEL_ROOM);
            StatisticalBarRenderer bars = renderer(one, key -> Palette.of(type), format(one));
            bars.setMaximumBarWidth(0.3);
            panels.add(new CategoryPlot(one, null, axis, bars), 1);
        }
        return finished(title, panels, dataset, "variant minus reference on common random numbers; whiskers: 95% "
                + "interval; a panel per metric (one dwarfs another)");
    }

    /** Whether the largest bar or whisker end is PANELS_FROM_RATIO times the smallest non-zero bar or more. */
    static boolean dwarfs(StatisticalCategoryDataset dataset) {
        double largest = 0;
        double smallest = Double.POSITIVE_INFINITY;
        for (int row = 0; row < dataset.getRowCount(); row++) {
            for (int column = 0; column < dataset.getColumnCount(); column++) {
                Number mean = dataset.getMeanValue(row, column);
                if (mean != null) {
                    double half = dataset.getStdDevValue(row, column).doubleValue();
                    largest = Math.max(largest, Math.abs(mean.doubleValue()) + half);
                    if (mean.doubleValue() != 0) { // a zero bar reads as zero on any scale
                        smallest = Math.min(smallest, Math.abs(mean.doubleValue()));
                    }
                }
            }
        }
        return dataset.getColumnCount() > 1 && largest >= PANELS_FROM_RATIO * smallest;
    }

    /**
     * How the labels read: grouped thousands and the decimals that give the largest value SIGNIFICANT_DIGITS digits
     * (13,503 and 4,090, not 13,502.65; 2.31 and 0.05 percentage points), the same for every bar of a chart.
     */
    static DecimalFormat format(StatisticalCategoryDataset dataset) {
        double largest = 0;
        for (int row = 0; row < dataset.getRowCount(); row++) {
            for (int column = 0; column < dataset.getColumnCount(); column++) {
                Number mean = dataset.getMeanValue(row, column);
                largest = mean == null ? largest : Math.max(largest, Math.abs(mean.doubleValue()));
            }
        }
        int decimals = largest == 0 ? 0 : Math.max(0, SIGNIFICANT_DIGITS - 1 - (int) Math.floor(Math.log10(largest)));
        return new DecimalFormat("#,##0" + (decimals > 0 ? "." + "0".repeat(decimals) : ""),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    private static NumberAxis valueAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setUpperMargin(0.12); // room for the labels beyond the highest whisker and the lowest
        axis.setLowerMargin(0.12);
        return axis;
    }

    private static JFreeChart finished(String title, CategoryPlot plot, DefaultStatisticalCategoryDataset dataset,
                                       String subtitle) {
        LegendItemCollection legend = new LegendItemCollection();
        for (int row = 0; row < dataset.getRowCount(); row++) { // the variants: shades, as on every entity's bars
            legend.add(new LegendItem((String) dataset.getRowKey(row), shade(Color.DARK_GRAY, row)));
        }
        plot.setFixedLegendItems(legend);
        return Charts.styled(new JFreeChart(title, Palette.TITLE, plot, dataset.getRowCount() > 1),
                subtitle + (dataset.getRowCount() > 1 ? "; lighter: later variants" : ""));
    }

    /**
     * Bars in their entity's colour ({@code colourOf} of the category), a lighter shade for each further variant, each
     * with its value written beyond the end of its whisker, where the whisker cannot cross it.
     */
    private static StatisticalBarRenderer renderer(StatisticalCategoryDataset dataset, Function<String, Color> colourOf,
                                                   DecimalFormat format) {
        StatisticalBarRenderer renderer = new StatisticalBarRenderer() {
            private static final long serialVersionUID = 1L;
            private transient Rectangle2D dataArea;

            @Override
            public java.awt.Paint getItemPaint(int row, int column) {
                return shade(colourOf.apply((String) dataset.getColumnKey(column)), row);
            }

            @Override
            public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D area, CategoryPlot plot,
                                 CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset data, int row,
                                 int column, int pass) {
                dataArea = area; // where drawItemLabel finds the whisker's end
                super.drawItem(g2, state, area, plot, domainAxis, rangeAxis, data, row, column, pass);
            }

            @Override
            protected void drawItemLabel(Graphics2D g2, CategoryDataset data, int row, int column, CategoryPlot plot,
                                         CategoryItemLabelGenerator generator, Rectangle2D bar, boolean negative) {
                Number mean = dataset.getMeanValue(row, column);
                Number half = dataset.getStdDevValue(row, column);
                Rectangle2D beyond = bar;
                if (mean != null && half != null && dataArea != null) {
                    double end = mean.doubleValue() + (negative ? -1 : 1) * half.doubleValue();
                    double y = plot.getRangeAxis().valueToJava2D(end, dataArea, plot.getRangeAxisEdge());
                    beyond = bar.createUnion(new Rectangle2D.Double(bar.getX(), y, bar.getWidth(), 0));
                }
                super.drawItemLabel(g2, data, row, column, plot, generator, beyond, negative);
            }
        };
        renderer.setErrorIndicatorPaint(Color.DARK_GRAY);
        renderer.setDrawBarOutline(false);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", format));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(Palette.TICK_LABEL);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12,
                TextAnchor.BOTTOM_CENTER));
        renderer.setDefaultNegativeItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE6,
                TextAnchor.TOP_CENTER));
        return renderer;
    }

    /** The colour for the {@code row}-th variant: the entity's own for the first, then lighter (mixed with white). */
    static Color shade(Color colour, int row) {
        double white = Math.min(0.7, row * 0.3);
        return new Color((int) Math.round(colour.getRed() + white * (255 - colour.getRed())),
                (int) Math.round(colour.getGreen() + white * (255 - colour.getGreen())),
                (int) Math.round(colour.getBlue() + white * (255 - colour.getBlue())));
    }
}
