package marketsim.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.data.statistics.BoxAndWhiskerCalculator;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;

/** End-of-run box plots across replications, each replication a point on its archetype's box. */
final class BoxPlots {
    private BoxPlots() {
    }

    /** Box plots of a summary.csv metric by archetype across replications; null without data. */
    static JFreeChart boxPlot(ResultsData data, String metric, String title, String axis, double scale) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (CSVRecord r : data.summary()) {
            if (r.get("entity_type").equals("archetype") && r.isMapped(metric)) {
                double v = ResultsData.numberOrNaN(r.get(metric));
                if (!Double.isNaN(v)) {
                    values.computeIfAbsent(r.get("entity"), k -> new ArrayList<>()).add(v * scale);
                }
            }
        }
        return values.isEmpty() ? null : boxPlot(values, title, axis);
    }

    /** Box plots of each archetype's values across replications, in one plot or a panel each (PANELS_BELOW). */
    static JFreeChart boxPlot(Map<String, List<Double>> values, String title, String axis) {
        if (values.size() > 1 && widestSpread(values) < PANELS_BELOW * span(values.values().stream()
                .flatMap(List::stream).toList())) {
            return panels(values, title, axis);
        }
        DefaultBoxAndWhiskerCategoryDataset dataset = new DefaultBoxAndWhiskerCategoryDataset();
        values.forEach((entity, list) -> dataset.add(box(list), "replications", entity));
        List<String> archetypes = new ArrayList<>(values.keySet());
        List<List<Double>> points = new ArrayList<>(values.values());
        CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis("archetype"), valueAxis(axis,
                values.values().stream().flatMap(List::stream).toList()), renderer(archetypes, points));
        return Charts.styled(new JFreeChart(title, Palette.TITLE, plot, false),
                "points: one per replication; box: quartiles and median; whiskers: 1.5 x IQR");
    }

    /**
     * Archetypes whose widest spread across replications is under this share of the common axis get a panel each
     * with its own value scale: on a shared axis such boxes are lines (jeo-baseline's net margin: a spread of 0.5
     * points on an axis of -16..26, 1%). A tenth keeps a box at least about a tenth of the plot's height tall.
     */
    static final double PANELS_BELOW = 0.1;

    /** A panel per archetype, stacked, each with its own value axis named after the archetype. */
    private static JFreeChart panels(Map<String, List<Double>> values, String title, String axis) {
        CategoryAxis shared = new CategoryAxis(axis + "; each archetype on its own scale");
        shared.setTickLabelsVisible(false);
        shared.setTickMarksVisible(false);
        CombinedDomainCategoryPlot combined = new CombinedDomainCategoryPlot(shared);
        combined.setGap(12);
        values.forEach((entity, list) -> {
            DefaultBoxAndWhiskerCategoryDataset dataset = new DefaultBoxAndWhiskerCategoryDataset();
            dataset.add(box(list), "replications", "");
            CategoryPlot panel = new CategoryPlot(dataset, null, valueAxis(entity, list),
                    renderer(List.of(entity), List.of(list)));
            combined.add(panel, 1);
        });
        return Charts.styled(new JFreeChart(title, Palette.TITLE, combined, false),
                "a panel per archetype (they differ by far more than their spread); points: one per replication; "
                        + "box: quartiles and median; whiskers: 1.5 x IQR");
    }

    /** The widest difference between an archetype's highest and lowest replication. */
    private static double widestSpread(Map<String, List<Double>> values) {
        return values.values().stream().mapToDouble(BoxPlots::span).max().orElse(0);
    }

    private static double span(List<Double> list) {
        DoubleSummaryStatistics s = list.stream().mapToDouble(Double::doubleValue).summaryStatistics();
        return s.getMax() - s.getMin();
    }

    /** The box and whiskers as JFreeChart computes them, without its outlier circles: every replication is a point. */
    private static BoxAndWhiskerItem box(List<Double> list) {
        BoxAndWhiskerItem box = BoxAndWhiskerCalculator.calculateBoxAndWhiskerStatistics(list);
        return new BoxAndWhiskerItem(box.getMean(), box.getMedian(), box.getQ1(), box.getQ3(),
                box.getMinRegularValue(), box.getMaxRegularValue(), null, null, List.of());
    }

    /** A value axis around every point (not only the whiskers), 5% beyond them. */
    private static NumberAxis valueAxis(String label, List<Double> all) {
        NumberAxis range = new NumberAxis(label);
        range.setAutoRangeIncludesZero(false);
        double low = all.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double high = all.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double margin = high > low ? (high - low) * 0.05 : Math.max(Math.abs(high) * 0.05, 1);
        range.setRange(low - margin, high + margin);
        return range;
    }

    /** Boxes in their archetype's band colour with each replication a point in its colour; column i is archetypes[i]. */
    private static BoxAndWhiskerRenderer renderer(List<String> archetypes, List<List<Double>> points) {
        BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public java.awt.Paint getItemPaint(int row, int column) {
                return Palette.band(archetypes.get(column));
            }

            @Override
            public void drawItem(java.awt.Graphics2D g2, org.jfree.chart.renderer.category.CategoryItemRendererState state,
                                 java.awt.geom.Rectangle2D dataArea, CategoryPlot plot, CategoryAxis domainAxis,
                                 org.jfree.chart.axis.ValueAxis rangeAxis, org.jfree.data.category.CategoryDataset data,
                                 int row, int column, int pass) {
                super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, data, row, column, pass);
                double middle = domainAxis.getCategoryMiddle(column, data.getColumnCount(), dataArea,
                        plot.getDomainAxisEdge());
                double spread = state.getBarWidth() * 0.8;
                Color colour = Palette.of(archetypes.get(column));
                List<Double> list = points.get(column);
                for (int i = 0; i < list.size(); i++) {
                    double x = middle + (jitter(i) - 0.5) * spread;
                    double y = rangeAxis.valueToJava2D(list.get(i), dataArea, plot.getRangeAxisEdge());
                    java.awt.geom.Ellipse2D dot = new java.awt.geom.Ellipse2D.Double(x - POINT_RADIUS,
                            y - POINT_RADIUS, 2 * POINT_RADIUS, 2 * POINT_RADIUS);
                    g2.setPaint(colour);
                    g2.fill(dot);
                    g2.setPaint(Color.BLACK);
                    g2.setStroke(new java.awt.BasicStroke(0.8f));
                    g2.draw(dot);
                }
            }
        };
        renderer.setMeanVisible(false); // JFreeChart scales the mean marker with the box: unreadable when narrow
        renderer.setMedianVisible(true);
        renderer.setMaximumBarWidth(0.25);
        renderer.setFillBox(true);
        renderer.setMaxOutlierVisible(false);
        renderer.setMinOutlierVisible(false);
        return renderer;
    }

    /** Radius (pixels) of a replication's point on a box plot. */
    static final double POINT_RADIUS = 4.5;

    /**
     * The horizontal place (0..1) of the i-th point on a box plot: the golden-ratio sequence, so points spread evenly,
     * never on top of one another for the first few, and the same every time (no random numbers in a chart).
     */
    static double jitter(int i) {
        double golden = 0.6180339887498949;
        double t = (0.5 + i * golden) % 1.0;
        return t;
    }

}
