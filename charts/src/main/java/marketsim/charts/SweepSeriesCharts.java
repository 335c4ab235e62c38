package marketsim.charts;

import java.awt.Color;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import marketsim.format.ResultFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A sweep's outcomes over time, from points-timeseries.csv: for each outcome, one line per design point (mean and
 * 95% band across its replications); a design of more points than {@value #MAX_LINES} shows that many, spread
 * evenly over the points in their order (a grid's first factor, then the next), and says so. The file is read as
 * a stream, keeping only the shown points' rows, however large the sweep; the report links the charts' PNGs
 * rather than holding their SVGs.
 */
final class SweepSeriesCharts {
    /** Most lines on one chart: more are not told apart. */
    static final int MAX_LINES = 7;
    /**
     * The share of the weeks at the start left out of the value axis's range (drawn, but not deciding the
     * scale): a market's first weeks, before customers have sorted themselves, dip far below the steady state.
     */
    static final double START_SHARE = 0.1;
    /** Up to this many lines, their bands are drawn plainly; more, faintly, so the lines stay legible. */
    private static final int FEW_LINES = 3;
    private static final float FEW_BANDS_ALPHA = 0.2f;
    private static final float MANY_BANDS_ALPHA = 0.07f;
    /** Room above and below the means' range, as a share of it, for the bands around them. */
    private static final double MEAN_PADDING = 0.15;
    /** Room right of the plot, in pixels, for the label of the last week (clipped to "10." without it). */
    private static final double RIGHT_PADDING = 24;
    /** The Okabe-Ito colours without yellow, which is hard to see on white: told apart by colour-blind readers. */
    private static final Color[] COLOURS = {new Color(0xE6, 0x9F, 0x00), new Color(0x56, 0xB4, 0xE9),
        new Color(0x00, 0x9E, 0x73), new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00),
        new Color(0xCC, 0x79, 0xA7), new Color(0x33, 0x33, 0x33)};

    private SweepSeriesCharts() {
    }

    /**
     * Each outcome's unit (ENTITY.METRIC to its unit column, "money" in the scenario's money unit), from the first
     * design point's rows of points-timeseries.csv; empty without the file.
     */
    static Map<String, String> units(ResultsData data) throws IOException {
        Path file = data.folder().resolve(ResultFiles.POINT_SERIES);
        Map<String, String> units = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return units;
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            String first = null;
            for (CSVRecord row : csv) {
                if (first == null) {
                    first = row.get("point");
                } else if (!first.equals(row.get("point"))) {
                    break; // every outcome is in every point's rows
                }
                units.putIfAbsent(row.get("entity") + "." + row.get("metric"), Report.withMoney("(" + row.get("unit"),
                        data).substring(1));
            }
        }
        return units;
    }

    static List<Charts.Drawn> drawAll(ResultsData data, ChartFiles target) throws IOException {
        Path file = data.folder().resolve(ResultFiles.POINT_SERIES);
        List<Charts.Drawn> drawn = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return drawn;
        }
        int points = data.manifest().path("points").asInt(0);
        Set<Integer> shown = shown(points);
        List<String> factors = data.factors();
        // outcome -> point -> its series
        Map<String, Map<Integer, YIntervalSeries>> outcomes = new LinkedHashMap<>();
        Map<String, String> axisOf = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            for (CSVRecord row : csv) {
                int point = Integer.parseInt(row.get("point"));
                if (!shown.contains(point)) {
                    continue;
                }
                String outcome = row.get("entity") + "." + row.get("metric");
                axisOf.putIfAbsent(outcome, row.get("metric") + " (" + row.get("unit").replace("money",
                        Report.money(data)) + ")");
                double mean = ResultsData.numberOrNaN(row.get("mean"));
                if (Double.isNaN(mean)) {
                    continue;
                }
                double low = ResultsData.numberOrNaN(row.get("ci_low"));
                double high = ResultsData.numberOrNaN(row.get("ci_high"));
                outcomes.computeIfAbsent(outcome, o -> new LinkedHashMap<>())
                        .computeIfAbsent(point, p -> new YIntervalSeries(label(row, factors)))
                        .add(Integer.parseInt(row.get("tick")), mean, Double.isNaN(low) ? mean : low,
                                Double.isNaN(high) ? mean : high);
            }
        }
        String subtitle = "mean and 95% band across each point's replications"
                + (shown.size() < points ? "; " + shown.size() + " of the " + points + " design points, spread evenly"
                : "; one line per design point");
        for (Map.Entry<String, Map<Integer, YIntervalSeries>> e : outcomes.entrySet()) {
            JFreeChart chart = chart(e.getKey(), axisOf.get(e.getKey()), e.getValue(), subtitle, data.burnIn());
            String name = "series-" + e.getKey().replaceAll("[^A-Za-z0-9]+", "-");
            target.save(chart, name);
            // linked, not inline: a long sweep's series would otherwise make the report megabytes
            drawn.add(new Charts.Drawn(name, e.getKey() + " over time at " + (shown.size() < points
                    ? shown.size() + " of the design points" : "each design point"), true));
        }
        return drawn;
    }

    /** The points shown (1-based): all, or {@link #MAX_LINES} spread evenly from the first to the last. */
    static Set<Integer> shown(int points) {
        Set<Integer> out = new TreeSet<>();
        if (points <= MAX_LINES) {
            for (int p = 1; p <= points; p++) {
                out.add(p);
            }
            return out;
        }
        for (int k = 0; k < MAX_LINES; k++) {
            out.add(1 + (int) Math.round((double) k * (points - 1) / (MAX_LINES - 1)));
        }
        return out;
    }

    /** A point's legend: its factors' values, e.g. "take_rate=0.1, subsidy=0.2". */
    private static String label(CSVRecord row, List<String> factors) {
        List<String> parts = new ArrayList<>();
        for (String f : factors) {
            String v = row.get(f);
            try {
                v = new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException notANumber) {
                // a named level stays as it is
            }
            parts.add(f.substring(f.lastIndexOf('.') + 1) + "=" + v);
        }
        return "point " + row.get("point") + ": " + String.join(", ", parts);
    }

    /** The chart of one outcome; burnIn: the experiment's burn-in weeks, marked and off the scale (null: none given). */
    private static JFreeChart chart(String outcome, String axis, Map<Integer, YIntervalSeries> byPoint,
                                    String subtitle, Integer burnIn) {
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        byPoint.values().forEach(dataset::addSeries);
        NumberAxis x = new NumberAxis("week");
        NumberAxis y = new NumberAxis(axis);
        y.setAutoRangeIncludesZero(false);
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        for (int s = 0; s < dataset.getSeriesCount(); s++) {
            Color c = COLOURS[s % COLOURS.length];
            renderer.setSeriesPaint(s, c);
            renderer.setSeriesFillPaint(s, c);
            renderer.setSeriesStroke(s, Palette.LINE);
        }
        renderer.setAlpha(dataset.getSeriesCount() > FEW_LINES ? MANY_BANDS_ALPHA : FEW_BANDS_ALPHA);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        org.jfree.data.Range weeks = org.jfree.data.general.DatasetUtils.findDomainBounds(dataset);
        if (weeks != null) {
            x.setRange(Math.max(0, weeks.getLowerBound() - 1), weeks.getUpperBound() + 1);
            double from = burnIn != null ? burnIn + 0.5
                    : weeks.getLowerBound() + START_SHARE * (weeks.getUpperBound() - weeks.getLowerBound());
            if (burnIn != null && burnIn > 0) {
                org.jfree.chart.plot.IntervalMarker marker = new org.jfree.chart.plot.IntervalMarker(x.getLowerBound(),
                        burnIn + 0.5, new Color(0xEE, 0xEE, 0xEE));
                marker.setLabel("burn-in");
                marker.setLabelFont(Palette.TICK_LABEL);
                marker.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
                marker.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
                plot.addDomainMarker(marker, org.jfree.chart.ui.Layer.BACKGROUND);
            }
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < dataset.getSeriesCount(); s++) {
                for (int i = 0; i < dataset.getItemCount(s); i++) {
                    if (dataset.getXValue(s, i) >= from) {
                        low = Math.min(low, dataset.getYValue(s, i)); // the means set the scale: a band
                        high = Math.max(high, dataset.getYValue(s, i)); // of 2 replications would flatten them
                    }
                }
            }
            if (low < high) {
                double pad = MEAN_PADDING * (high - low);
                y.setRange(low - pad, high + pad);
            }
        }
        JFreeChart chart = new JFreeChart(outcome + " over time", Palette.TITLE, plot, true);
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, RIGHT_PADDING)); // the last week's label whole
        return Charts.styled(chart, subtitle
                + (weeks == null ? "" : burnIn == null ? "; the means after the first " + Math.round(START_SHARE * 100)
                        + "% of weeks set the scale" : burnIn > 0 ? "; grey: burn-in (weeks 1-" + burnIn + "), left out "
                        + "of the value axis" : ""));
    }
}
