package marketsim.charts;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Optimization charts from evaluations.csv and levers.csv: the objective against each lever (every candidate, the
 * start and the chosen levers marked); and from audit.csv, each firm's price now and its best response.
 */
final class OptimizationCharts {
    private static final Ellipse2D DOT = new Ellipse2D.Double(-3, -3, 6, 6);
    private static final Rectangle2D MARK = new Rectangle2D.Double(-7, -7, 14, 14);
    private static final Color CANDIDATES = new Color(0x99, 0x99, 0x99);

    private OptimizationCharts() {
    }

    static List<Charts.Drawn> drawAll(ResultsData data, ChartFiles target) throws IOException {
        List<Charts.Drawn> drawn = new ArrayList<>();
        for (int i = 0; i < data.levers().size(); i++) {
            String path = data.levers().get(i).get("path");
            JFreeChart chart = objectiveAgainst(data, path);
            if (chart != null) {
                String name = "optimize-lever-" + (i + 1);
                target.save(chart, name);
                drawn.add(new Charts.Drawn(name, "The objective against " + path));
            }
        }
        if (!data.audit().isEmpty()) {
            target.save(audit(data), "audit-prices");
            drawn.add(new Charts.Drawn("audit-prices", "Each firm's price now and its best response"));
        }
        return drawn;
    }

    /** Each candidate's objective (mean over its runs) against one lever's value; null if the lever has no column. */
    static JFreeChart objectiveAgainst(ResultsData data, String path) {
        if (data.evaluations().isEmpty() || !data.evaluations().get(0).isMapped(path)) {
            return null;
        }
        XYSeries candidates = new XYSeries("candidates", true, true);
        XYSeries start = new XYSeries("start (the scenario as given)");
        XYSeries chosen = new XYSeries("chosen");
        List<CSVRecord> rows = new ArrayList<>(data.evaluations());
        rows.sort(Comparator.comparingDouble(r -> ResultsData.numberOrNaN(r.get(path))));
        for (CSVRecord r : rows) {
            double x = ResultsData.numberOrNaN(r.get(path));
            double y = ResultsData.numberOrNaN(r.get("objective"));
            if (Double.isNaN(x) || Double.isNaN(y)) {
                continue;
            }
            if (r.get("kind").equals("start")) {
                start.add(x, y);
            } else {
                candidates.add(x, y);
            }
            if (r.get("chosen").equals("true")) {
                chosen.add(x, y);
            }
        }
        boolean grid = data.evaluations().stream().anyMatch(r -> r.get("kind").equals("grid"));
        XYSeriesCollection dataset = new XYSeriesCollection();
        dataset.addSeries(candidates);
        dataset.addSeries(start);
        dataset.addSeries(chosen);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesLinesVisible(0, grid);
        renderer.setSeriesPaint(0, CANDIDATES);
        renderer.setSeriesShape(0, DOT);
        renderer.setSeriesLinesVisible(1, false);
        renderer.setSeriesPaint(1, Palette.series(0));
        renderer.setSeriesShape(1, MARK);
        renderer.setSeriesLinesVisible(2, false);
        renderer.setSeriesPaint(2, Palette.series(1));
        renderer.setSeriesShape(2, MARK);
        var m = data.manifest();
        String objective = m.path("objective").asText("objective");
        NumberAxis x = new NumberAxis(path);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(objective + " (" + Report.withMoney("(" + m.path("objective_unit")
                .asText("outcome units"), data).substring(1) + "), mean over replications"
                + (m.path("uncertainty_scenarios").asInt(1) > 1 ? " and uncertainty scenarios" : ""));
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        return Charts.styled(new JFreeChart("Optimization: " + objective + " against " + path, Palette.TITLE, plot,
                true), m.path("method").path("search").asText("") + ", each candidate on the same "
                + m.path("replications").asText("?") + " replications; chosen by "
                + m.path("method").path("robustness").asText("mean") + (m.path("feasible").asBoolean(true) ? ""
                : ", no candidate met every constraint"));
    }

    /** Each firm's price now and its best-response price. */
    static JFreeChart audit(ResultsData data) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (CSVRecord r : data.audit()) {
            dataset.addValue(ResultsData.numberOrNaN(r.get("price_before")), "price now", r.get("firm"));
            dataset.addValue(ResultsData.numberOrNaN(r.get("price_after")), "best response", r.get("firm"));
        }
        BarRenderer renderer = new BarRenderer();
        renderer.setDrawBarOutline(false);
        renderer.setSeriesPaint(0, Palette.series(0));
        renderer.setSeriesPaint(1, Palette.series(1));
        CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis("firm"),
                new NumberAxis(Report.withMoney("mean price over the summary window (money per unit)", data)), renderer);
        return Charts.styled(new JFreeChart("Audit: price now and best response", Palette.TITLE, plot, true),
                "each firm in turn best-responds, its rivals holding; common random numbers");
    }
}
