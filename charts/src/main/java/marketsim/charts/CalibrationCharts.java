package marketsim.charts;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVRecord;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Calibration charts from evaluations.csv and parameters.csv: convergence (each candidate's loss
 * and the best so far, against the evaluation number) and the search path (each parameter's
 * candidates as a position in its range, with the fitted value).
 */
final class CalibrationCharts {
    /**
     * Losses spanning more than this factor are drawn on a log scale: a linear one would flatten
     * the end of the search, where the fit improves by orders of magnitude less than at its start.
     */
    private static final double LOG_SCALE_SPAN = 100;
    private static final Ellipse2D DOT = new Ellipse2D.Double(-3, -3, 6, 6);
    private static final Color CANDIDATES = new Color(0x99, 0x99, 0x99);

    private CalibrationCharts() {
    }

    static List<Charts.Drawn> drawAll(ResultsData data, ChartFiles target) throws IOException {
        List<Charts.Drawn> drawn = new ArrayList<>();
        if (data.fit().isEmpty()) { // not a calibration
            return drawn;
        }
        target.save(convergence(data), "calibration-convergence");
        drawn.add(new Charts.Drawn("calibration-convergence", "Loss of each candidate and the best so far"));
        JFreeChart search = search(data);
        if (search != null) {
            target.save(search, "calibration-parameters");
            drawn.add(new Charts.Drawn("calibration-parameters", "Each parameter's candidates within its range"));
        }
        return drawn;
    }

    static JFreeChart convergence(ResultsData data) {
        XYSeries candidates = new XYSeries("candidate");
        XYSeries best = new XYSeries("best so far");
        int incomplete = 0;
        double least = Double.POSITIVE_INFINITY;
        for (CSVRecord row : data.evaluations()) {
            double evaluation = ResultsData.numberOrNaN(row.get("evaluation"));
            if (row.isMapped("missing") && !row.get("missing").equals("0")) {
                incomplete++; // its loss is the penalty for a missing outcome, which would swamp the scale
                continue;
            }
            double loss = ResultsData.numberOrNaN(row.get("loss"));
            candidates.add(evaluation, loss);
            least = Math.min(least, loss);
            best.add(evaluation, least);
        }
        boolean log = candidates.getMinY() > 0 && candidates.getMaxY() / candidates.getMinY() > LOG_SCALE_SPAN;
        XYSeriesCollection dots = new XYSeriesCollection(candidates);
        XYLineAndShapeRenderer dotRenderer = new XYLineAndShapeRenderer(false, true);
        dotRenderer.setSeriesPaint(0, CANDIDATES);
        dotRenderer.setSeriesShape(0, DOT);
        String axisLabel = "loss: sum of weight x (distance / scale)^2" + (log ? ", log scale" : "");
        ValueAxis y;
        if (log) {
            LogAxis logAxis = new LogAxis(axisLabel);
            logAxis.setTickUnit(new NumberTickUnit(1)); // one tick a decade
            logAxis.setNumberFormatOverride(new DecadeFormat()); // 1e-6 reads "1e-6", not "0"
            y = logAxis;
        } else {
            NumberAxis linear = new NumberAxis(axisLabel);
            linear.setAutoRangeIncludesZero(true);
            y = linear;
        }
        NumberAxis x = new NumberAxis("evaluation");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(dots, x, y, dotRenderer);
        XYStepRenderer stepRenderer = new XYStepRenderer();
        stepRenderer.setSeriesPaint(0, Palette.series(1));
        stepRenderer.setSeriesStroke(0, Palette.LINE);
        plot.setDataset(1, new XYSeriesCollection(best));
        plot.setRenderer(1, stepRenderer);
        String subtitle = "CMA-ES, " + data.manifest().path("method").path("population_size").asText("?")
                + " candidates a generation, each on the same " + data.manifest().path("replications").asText("?")
                + " replications" + (incomplete == 0 ? "" : "; " + incomplete + " with a missing outcome not drawn");
        return Charts.styled(new JFreeChart("Calibration: loss by evaluation", Palette.TITLE, plot, true), subtitle);
    }

    /** Each parameter's candidates as % of the way from min to max; the fitted value as a line. Null without ranges. */
    static JFreeChart search(ResultsData data) {
        XYSeriesCollection dots = new XYSeriesCollection();
        XYSeriesCollection fitted = new XYSeriesCollection();
        double last = data.evaluations().size();
        for (CSVRecord p : data.parameters()) {
            String path = p.get("path");
            double min = ResultsData.numberOrNaN(p.get("min"));
            double max = ResultsData.numberOrNaN(p.get("max"));
            if (!(max > min) || !data.evaluations().get(0).isMapped(path)) {
                continue;
            }
            XYSeries series = new XYSeries(path);
            for (CSVRecord row : data.evaluations()) {
                series.add(ResultsData.numberOrNaN(row.get("evaluation")),
                        100 * (ResultsData.numberOrNaN(row.get(path)) - min) / (max - min));
            }
            dots.addSeries(series);
            XYSeries line = new XYSeries(path + " fitted");
            double at = 100 * (ResultsData.numberOrNaN(p.get("fitted")) - min) / (max - min);
            line.add(1, at);
            line.add(last, at);
            fitted.addSeries(line);
        }
        if (dots.getSeriesCount() == 0) {
            return null;
        }
        XYLineAndShapeRenderer dotRenderer = new XYLineAndShapeRenderer(false, true);
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        for (int s = 0; s < dots.getSeriesCount(); s++) {
            dotRenderer.setSeriesPaint(s, Palette.series(s));
            dotRenderer.setSeriesShape(s, DOT);
            lineRenderer.setSeriesPaint(s, Palette.series(s));
            lineRenderer.setSeriesStroke(s, Palette.LINE);
            lineRenderer.setSeriesVisibleInLegend(s, false);
        }
        NumberAxis x = new NumberAxis("evaluation");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("position in range (% from min to max)");
        y.setRange(-2, 102);
        XYPlot plot = new XYPlot(dots, x, y, dotRenderer);
        plot.setDataset(1, fitted);
        plot.setRenderer(1, lineRenderer);
        return Charts.styled(new JFreeChart("Calibration: where the search looked", Palette.TITLE, plot, true),
                "each candidate's parameter values (dots) and the fitted values (lines), ranges from the targets file");
    }

    /**
     * Tick labels of a log axis: plain numbers from 0.001 to 99,999 ("0.01", "100", "1,000"), and powers of ten
     * beyond ("1e-6", "1e8"), so no decade of a small loss reads "0".
     */
    static final class DecadeFormat extends java.text.NumberFormat {
        private static final long serialVersionUID = 1L;
        private static final double PLAIN_LOW = 1e-3;
        private static final double PLAIN_HIGH = 1e5;

        @Override
        public StringBuffer format(double value, StringBuffer to, java.text.FieldPosition pos) {
            double size = Math.abs(value);
            if (value == 0 || (size >= PLAIN_LOW && size < PLAIN_HIGH)) {
                return to.append(new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT))
                        .format(value));
            }
            int exponent = (int) Math.floor(Math.log10(size) + 1e-9);
            double mantissa = value / Math.pow(10, exponent);
            String m = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(mantissa);
            return to.append(m.equals("1") ? "1" : m.equals("-1") ? "-1" : m).append('e').append(exponent);
        }

        @Override
        public StringBuffer format(long value, StringBuffer to, java.text.FieldPosition pos) {
            return format((double) value, to, pos);
        }

        @Override
        public Number parse(String source, java.text.ParsePosition pos) {
            throw new UnsupportedOperationException("tick labels are only written");
        }
    }
}
