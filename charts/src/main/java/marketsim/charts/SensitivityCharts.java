package marketsim.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.XYItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.category.DefaultIntervalCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Charts of a sweep's analyses: Sobol indices (first-order and total, bars with 95% bootstrap
 * whiskers, one chart per outcome), Morris screening (mu* bars with whiskers, and the mu*-sigma
 * plane), and scenario discovery (PRIM's peeling trajectory, and the chosen box against the
 * swept ranges).
 */
final class SensitivityCharts {
    private static final Color FIRST = new Color(0x56, 0xB4, 0xE9);
    private static final Color TOTAL = new Color(0x00, 0x72, 0xB2);
    private static final Color CHOSEN = new Color(0xD5, 0x5E, 0x00);
    /** Room above the highest whisker and beside the outermost point, as a share of the axis. */
    private static final double AXIS_PAD = 0.05;

    private SensitivityCharts() {
    }

    static List<Charts.Drawn> drawAll(ResultsData data, ChartFiles target) throws IOException {
        List<Charts.Drawn> drawn = new ArrayList<>();
        for (String outcome : outcomes(data.sobol())) {
            JFreeChart chart = sobol(data.sobol(), outcome);
            if (chart != null) {
                String name = "sobol-" + fileName(outcome);
                target.save(chart, name);
                drawn.add(new Charts.Drawn(name, "Sobol indices of " + outcome));
            }
        }
        Map<String, String> units = SweepSeriesCharts.units(data);
        for (String outcome : outcomes(data.morris())) {
            String unit = units.getOrDefault(outcome, "outcome units");
            JFreeChart bars = morrisBars(data.morris(), outcome, unit);
            if (bars != null) {
                String name = "morris-" + fileName(outcome);
                target.save(bars, name);
                drawn.add(new Charts.Drawn(name, "Morris mu* of " + outcome));
                String plane = "morris-plane-" + fileName(outcome);
                target.save(morrisPlane(data.morris(), outcome, unit), plane);
                drawn.add(new Charts.Drawn(plane, "Morris mu* against sigma for " + outcome));
            }
        }
        if (!data.discovery().isEmpty()) {
            target.save(trajectory(data.discovery()), "discovery-trajectory");
            drawn.add(new Charts.Drawn("discovery-trajectory", "PRIM peeling trajectory"));
            target.save(box(data.discovery(), data.manifest()), "discovery-box");
            drawn.add(new Charts.Drawn("discovery-box", "PRIM box against the swept ranges"));
        }
        return drawn;
    }

    private static Set<String> outcomes(List<CSVRecord> rows) {
        Set<String> out = new LinkedHashSet<>();
        rows.forEach(r -> out.add(r.get("outcome")));
        return out;
    }

    private static String fileName(String outcome) {
        return outcome.replaceAll("[^A-Za-z0-9-]+", "-");
    }

    private static String shortName(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /**
     * A label per parameter path, as short as keeps them apart: the last part of the path, or more
     * of it where two paths end alike (firms[brand-a].markup and firms[brand-b].markup).
     */
    static Map<String, String> labels(List<CSVRecord> rows) {
        Set<String> paths = new LinkedHashSet<>();
        rows.forEach(r -> paths.add(r.get("parameter")));
        Map<String, String> out = new LinkedHashMap<>();
        for (String path : paths) {
            out.put(path, shortName(path));
        }
        if (new java.util.HashSet<>(out.values()).size() < out.size()) {
            for (String path : paths) {
                int last = path.lastIndexOf('.');
                int before = last > 0 ? path.lastIndexOf('.', last - 1) : -1;
                out.put(path, path.substring(before + 1));
            }
        }
        if (new java.util.HashSet<>(out.values()).size() < out.size()) {
            for (String path : paths) {
                out.put(path, path);
            }
        }
        return out;
    }

    static JFreeChart sobol(List<CSVRecord> rows, String outcome) {
        Map<String, String> label = labels(rows);
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        Map<String, double[]> whiskers = new LinkedHashMap<>();
        for (CSVRecord r : rows) {
            if (!r.get("outcome").equals(outcome) || Double.isNaN(ResultsData.numberOrNaN(r.get("first")))) {
                continue;
            }
            String p = label.get(r.get("parameter"));
            dataset.addValue(ResultsData.numberOrNaN(r.get("first")), "first-order", p);
            dataset.addValue(ResultsData.numberOrNaN(r.get("total")), "total", p);
            whiskers.put("first-order/" + p, new double[] {ResultsData.numberOrNaN(r.get("first_low")),
                ResultsData.numberOrNaN(r.get("first_high"))});
            whiskers.put("total/" + p, new double[] {ResultsData.numberOrNaN(r.get("total_low")),
                ResultsData.numberOrNaN(r.get("total_high"))});
        }
        if (dataset.getColumnCount() == 0) {
            return null;
        }
        WhiskerBarRenderer renderer = new WhiskerBarRenderer(whiskers);
        renderer.setSeriesPaint(0, FIRST);
        renderer.setSeriesPaint(1, TOTAL);
        NumberAxis y = new NumberAxis("share of the outcome's variance");
        fitWhiskers(y, dataset, whiskers);
        CategoryPlot plot = new CategoryPlot(dataset, axis(), y, renderer);
        return Charts.styled(new JFreeChart("Sobol indices of " + outcome, Palette.TITLE, plot, true),
                "first-order: the parameter alone; total: with its interactions; whiskers: 95% bootstrap interval");
    }

    /** Morris mu* bars of one outcome; unit: the outcome's (the scenario's money unit for money), per swept range. */
    static JFreeChart morrisBars(List<CSVRecord> rows, String outcome, String unit) {
        Map<String, String> label = labels(rows);
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        Map<String, double[]> whiskers = new LinkedHashMap<>();
        for (CSVRecord r : rows) {
            if (!r.get("outcome").equals(outcome) || Double.isNaN(ResultsData.numberOrNaN(r.get("mu_star")))) {
                continue;
            }
            String p = label.get(r.get("parameter"));
            dataset.addValue(ResultsData.numberOrNaN(r.get("mu_star")), "mu*", p);
            whiskers.put("mu*/" + p, new double[] {ResultsData.numberOrNaN(r.get("mu_star_low")),
                ResultsData.numberOrNaN(r.get("mu_star_high"))});
        }
        if (dataset.getColumnCount() == 0) {
            return null;
        }
        WhiskerBarRenderer renderer = new WhiskerBarRenderer(whiskers);
        renderer.setSeriesPaint(0, TOTAL);
        NumberAxis y = new NumberAxis("mu*: mean |elementary effect| (" + unit + " per swept range)");
        fitWhiskers(y, dataset, whiskers);
        CategoryPlot plot = new CategoryPlot(dataset, axis(), y, renderer);
        return Charts.styled(new JFreeChart("Morris screening of " + outcome, Palette.TITLE, plot, false),
                "how much the outcome moves when the parameter crosses its range; whiskers: 95% bootstrap interval");
    }

    static JFreeChart morrisPlane(List<CSVRecord> rows, String outcome, String unit) {
        Map<String, String> label = labels(rows);
        XYSeries series = new XYSeries("parameters", false, true);
        List<String> labels = new ArrayList<>();
        for (CSVRecord r : rows) {
            double muStar = ResultsData.numberOrNaN(r.get("mu_star"));
            if (r.get("outcome").equals(outcome) && !Double.isNaN(muStar)) {
                series.add(muStar, ResultsData.numberOrNaN(r.get("sigma")));
                labels.add(label.get(r.get("parameter")));
            }
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesPaint(0, TOTAL);
        renderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-7, -7, 14, 14));
        XYItemLabelGenerator names = (dataset, s, item) -> labels.get(item);
        renderer.setDefaultItemLabelGenerator(names);
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(Palette.LEGEND);
        NumberAxis x = new NumberAxis("mu*: importance (" + unit + " per swept range)");
        NumberAxis y = new NumberAxis("sigma: non-linearity and interactions (" + unit + ")");
        x.setLowerMargin(2 * AXIS_PAD);
        x.setUpperMargin(2 * AXIS_PAD);
        y.setUpperMargin(2 * AXIS_PAD);
        XYPlot plot = new XYPlot(new XYSeriesCollection(series), x, y, renderer);
        return Charts.styled(new JFreeChart("Morris plane of " + outcome, Palette.TITLE, plot, false),
                "right: the parameter matters; up: its effect depends on where the others are");
    }

    /** PRIM's trajectory: density against coverage, one point per peel, the chosen box highlighted. */
    static JFreeChart trajectory(List<CSVRecord> rows) {
        XYSeries steps = new XYSeries("peeling steps", false, true);
        XYSeries chosen = new XYSeries("chosen box", false, true);
        String condition = rows.get(0).get("condition");
        String last = null;
        for (CSVRecord r : rows) {
            if (r.get("step").equals(last)) {
                continue;
            }
            last = r.get("step");
            double coverage = ResultsData.numberOrNaN(r.get("coverage")) * 100;
            double density = ResultsData.numberOrNaN(r.get("density")) * 100;
            steps.add(coverage, density);
            if (Boolean.parseBoolean(r.get("chosen"))) {
                chosen.add(coverage, density);
            }
        }
        XYSeriesCollection dataset = new XYSeriesCollection(steps);
        dataset.addSeries(chosen);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, TOTAL);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesPaint(1, CHOSEN);
        renderer.setSeriesLinesVisible(1, false);
        renderer.setSeriesShape(1, new java.awt.geom.Ellipse2D.Double(-9, -9, 18, 18));
        NumberAxis x = new NumberAxis("coverage: share of the points where it holds that the box contains (%)");
        NumberAxis y = new NumberAxis("density: share of the box's points where it holds (%)");
        x.setAutoRangeIncludesZero(false);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        return Charts.styled(new JFreeChart("PRIM peeling trajectory", Palette.TITLE, plot, true),
                "where " + condition + " holds; each peel trades coverage for density; chosen: the most covering "
                + "box at 80% density or more");
    }

    /** The chosen box's bounds per parameter, as a share of the swept range (grey: the whole range). */
    static JFreeChart box(List<CSVRecord> rows, com.fasterxml.jackson.databind.JsonNode manifest) {
        Map<String, List<String>> named = new LinkedHashMap<>();
        for (com.fasterxml.jackson.databind.JsonNode f : manifest.path("factors")) {
            List<String> values = new ArrayList<>();
            f.path("values").forEach(v -> values.add(v.asText()));
            boolean numbers = values.stream().allMatch(v -> !Double.isNaN(ResultsData.numberOrNaN(v)));
            if (!values.isEmpty() && !numbers) {
                named.put(f.path("path").asText(), values);
            }
        }
        Map<String, String> label = labels(rows);
        List<String> params = new ArrayList<>();
        Map<String, double[]> range = new LinkedHashMap<>();
        Map<String, double[]> chosen = new LinkedHashMap<>();
        Map<String, Boolean> restricted = new LinkedHashMap<>();
        for (CSVRecord r : rows) {
            String p = r.get("parameter");
            List<String> levels = named.get(p);
            double low = levels != null ? levels.indexOf(r.get("low")) : ResultsData.numberOrNaN(r.get("low"));
            double high = levels != null ? levels.indexOf(r.get("high")) : ResultsData.numberOrNaN(r.get("high"));
            if (r.get("step").equals("0")) {
                params.add(p);
                range.put(p, new double[] {low, high});
            }
            if (Boolean.parseBoolean(r.get("chosen"))) {
                chosen.put(p, new double[] {low, high});
                restricted.put(p, !r.isMapped("restricted") || Boolean.parseBoolean(r.get("restricted")));
            }
        }
        int n = params.size();
        Number[][] starts = new Number[1][n];
        Number[][] ends = new Number[1][n];
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            String p = params.get(i);
            double[] all = range.get(p);
            double[] box = chosen.getOrDefault(p, all);
            double width = all[1] > all[0] ? all[1] - all[0] : 1;
            names[i] = label.get(p) + (restricted.getOrDefault(p, true)
                    ? " [" + format(box[0]) + ", " + format(box[1]) + "]" : " (not restricted)");
            starts[0][i] = Double.isNaN(box[0]) ? 0 : 100 * (box[0] - all[0]) / width;
            ends[0][i] = Double.isNaN(box[1]) ? 100 : 100 * (box[1] - all[0]) / width;
        }
        DefaultIntervalCategoryDataset dataset = new DefaultIntervalCategoryDataset(new String[] {"chosen box"}, names,
                starts, ends);
        IntervalBarRenderer renderer = new IntervalBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, CHOSEN);
        NumberAxis x = new NumberAxis("position in the swept range (%): 0 = its low end, 100 = its high end");
        x.setRange(0, 100 + 2 * AXIS_PAD); // room for the last tick label
        CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis("parameter [box bounds]"), x, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        return Charts.styled(new JFreeChart("PRIM box", Palette.TITLE, plot, false),
                "where " + rows.get(0).get("condition") + " mostly holds; full width: not restricted");
    }

    /** A value axis from 0 (or below, for a negative bar or whisker) to above the highest bar or whisker. */
    private static void fitWhiskers(NumberAxis axis, DefaultCategoryDataset bars, Map<String, double[]> whiskers) {
        double low = 0;
        double high = 0;
        for (int r = 0; r < bars.getRowCount(); r++) {
            for (int c = 0; c < bars.getColumnCount(); c++) {
                Number v = bars.getValue(r, c);
                if (v != null) {
                    low = Math.min(low, v.doubleValue());
                    high = Math.max(high, v.doubleValue());
                }
            }
        }
        for (double[] w : whiskers.values()) {
            low = Double.isNaN(w[0]) ? low : Math.min(low, w[0]);
            high = Double.isNaN(w[1]) ? high : Math.max(high, w[1]);
        }
        double pad = (high - low) * AXIS_PAD;
        axis.setRange(low < 0 ? low - pad : 0, high > low ? high + pad : 1);
    }

    private static String format(double x) {
        return Math.abs(x) >= 100 ? String.format(java.util.Locale.ROOT, "%.0f", x)
                : String.format(java.util.Locale.ROOT, "%.3g", x);
    }

    private static CategoryAxis axis() {
        CategoryAxis axis = new CategoryAxis("parameter");
        axis.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        axis.setMaximumCategoryLabelLines(2);
        return axis;
    }

    /** Bars with a whisker from each bar's interval, looked up by "series/category". */
    private static final class WhiskerBarRenderer extends BarRenderer {
        private static final long serialVersionUID = 1L;
        private final transient Map<String, double[]> whiskers;

        WhiskerBarRenderer(Map<String, double[]> whiskers) {
            this.whiskers = whiskers;
            setBarPainter(new StandardBarPainter());
            setShadowVisible(false);
            setDrawBarOutline(false);
        }

        @Override
        public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                             CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column,
                             int pass) {
            super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
            double[] w = whiskers.get(dataset.getRowKey(row) + "/" + dataset.getColumnKey(column));
            if (w == null || Double.isNaN(w[0]) || Double.isNaN(w[1])) {
                return;
            }
            double x = calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, row, column)
                    + state.getBarWidth() / 2;
            double low = rangeAxis.valueToJava2D(w[0], dataArea, plot.getRangeAxisEdge());
            double high = rangeAxis.valueToJava2D(w[1], dataArea, plot.getRangeAxisEdge());
            double cap = state.getBarWidth() / 4;
            g2.setPaint(Color.DARK_GRAY);
            g2.setStroke(new BasicStroke(2f));
            g2.draw(new Line2D.Double(x, low, x, high));
            g2.draw(new Line2D.Double(x - cap, low, x + cap, low));
            g2.draw(new Line2D.Double(x - cap, high, x + cap, high));
        }
    }
}
