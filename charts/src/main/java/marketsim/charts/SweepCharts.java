package marketsim.charts;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Sweep charts from points.csv: with one swept number, response curves (mean and 95% band across
 * replications against the parameter, one line per archetype or for the platform); with two,
 * heat maps of the mean over the grid.
 */
final class SweepCharts {
    /** A response chart; bands are clipped to [low, high], the values the metric can take (scaled). */
    private SweepCharts() {
    }

    static List<Charts.Drawn> drawAll(ResultsData data, ChartFiles target) throws IOException {
        List<Charts.Drawn> drawn = new ArrayList<>();
        List<String> factors = data.factors();
        if (data.points().isEmpty() || factors.isEmpty()) {
            return drawn;
        }
        if (data.manifest().path("design").asText("grid").equals("lhs")) {
            return scatters(data, target);
        }
        if (!data.manifest().path("design").asText("grid").equals("grid")) {
            return drawn;
        }
        List<Response> responses = Response.of(data);
        if (factors.size() == 1 && numeric(data, factors.get(0))) {
            for (Response r : responses) {
                JFreeChart chart = response(data, factors.get(0), r);
                if (chart != null) {
                    target.save(chart, "sweep-" + r.file());
                    drawn.add(new Charts.Drawn("sweep-" + r.file(), r.title() + " against " + factors.get(0)));
                }
            }
        } else if (factors.size() == 2 && numeric(data, factors.get(0)) != numeric(data, factors.get(1))) {
            String x = numeric(data, factors.get(0)) ? factors.get(0) : factors.get(1);
            String named = x.equals(factors.get(0)) ? factors.get(1) : factors.get(0);
            for (Response r : responses) {
                for (String entity : entities(data, r)) {
                    JFreeChart chart = byLevel(data, x, named, r, entity);
                    if (chart != null) {
                        String name = r.name("sweep-", entity);
                        target.save(chart, name);
                        drawn.add(new Charts.Drawn(name, r.title() + " (" + entity + ") against " + x + ", one line per "
                                + shortName(named)));
                    }
                }
            }
        } else if (factors.size() == 2 && numeric(data, factors.get(0)) && numeric(data, factors.get(1))) {
            for (Response r : responses) {
                for (String entity : entities(data, r)) {
                    JFreeChart chart = heatMap(data, factors, r, entity);
                    if (chart != null) {
                        String name = r.name("heatmap-", entity);
                        target.save(chart, name);
                        drawn.add(new Charts.Drawn(name, r.title() + " (" + entity + ") over the grid"));
                    }
                }
            }
        }
        return drawn;
    }

    /** Most parameters a Latin hypercube gets scatter plots for (two charts each). */
    private static final int MAX_SCATTER_FACTORS = 8;

    /** A Latin hypercube: each point's mean of the unit share and of the platform's fees against each parameter. */
    private static List<Charts.Drawn> scatters(ResultsData data, ChartFiles target) throws IOException {
        List<Charts.Drawn> drawn = new ArrayList<>();
        List<String> factors = data.factors();
        List<Response> chosen = Response.of(data) == Response.RESPONSES ? List.of(Response.RESPONSES.get(0), Response.RESPONSES.get(1),
                Response.RESPONSES.get(4)) : Response.of(data);
        for (String factor : factors.subList(0, Math.min(factors.size(), MAX_SCATTER_FACTORS))) {
            if (!numeric(data, factor)) {
                continue;
            }
            for (Response r : chosen) {
                JFreeChart chart = scatter(data, factor, r);
                if (chart != null) {
                    String name = (r.chosen() == null || r.chosen().size() > 1 ? "scatter-" + r.file()
                            : r.name("scatter-", r.chosen().iterator().next())) + "-" + shortName(factor).replace('_', '-');
                    target.save(chart, name);
                    drawn.add(new Charts.Drawn(name, r.title() + " against " + factor + " at each design point"));
                }
            }
        }
        return drawn;
    }

    static JFreeChart scatter(ResultsData data, String factor, Response r) {
        Map<String, org.jfree.data.xy.XYSeries> series = new LinkedHashMap<>();
        for (CSVRecord row : data.points()) {
            if (r.holds(row)) {
                double mean = ResultsData.numberOrNaN(row.get("mean"));
                if (!Double.isNaN(mean)) {
                    series.computeIfAbsent(row.get("entity"), e -> new org.jfree.data.xy.XYSeries(e, false, true))
                            .add(ResultsData.numberOrNaN(row.get(factor)), mean * r.scale());
                }
            }
        }
        if (series.isEmpty()) {
            return null;
        }
        org.jfree.data.xy.XYSeriesCollection dataset = new org.jfree.data.xy.XYSeriesCollection();
        org.jfree.chart.renderer.xy.XYLineAndShapeRenderer renderer =
                new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(false, true);
        int s = 0;
        for (Map.Entry<String, org.jfree.data.xy.XYSeries> e : series.entrySet()) {
            dataset.addSeries(e.getValue());
            renderer.setSeriesPaint(s, Palette.of(e.getKey()));
            renderer.setSeriesShape(s, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
            s++;
        }
        NumberAxis y = new NumberAxis(Report.withMoney(r.axis(), data));
        y.setAutoRangeIncludesZero(false);
        NumberAxis x = new NumberAxis(factor);
        x.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        return Charts.styled(new JFreeChart(r.title() + " against " + shortName(factor), Palette.TITLE, plot, true),
                "one dot per design point (mean across replications); the other parameters vary too");
    }

    private static boolean numeric(ResultsData data, String factor) {
        for (CSVRecord row : data.points()) {
            if (Double.isNaN(ResultsData.numberOrNaN(row.get(factor)))) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> entities(ResultsData data, Response r) {
        Set<String> out = new LinkedHashSet<>();
        for (CSVRecord row : data.points()) {
            if (r.holds(row)) {
                out.add(row.get("entity"));
            }
        }
        return out;
    }

    static JFreeChart response(ResultsData data, String factor, Response r) {
        Map<String, YIntervalSeries> series = curves(data, factor, r, row -> true, row -> row.get("entity"));
        if (series.isEmpty()) {
            return null;
        }
        List<Color> colours = new ArrayList<>();
        series.keySet().forEach(entity -> colours.add(Palette.of(entity)));
        return chart(data, factor, r, series, colours, r.title() + " against " + shortName(factor),
                "mean and 95% confidence band across " + replications(data)
                        + " replications, common random numbers at every point");
    }

    /** Colours of the lines of a named parameter's levels (Okabe-Ito, after the archetypes' own). */
    private static final Color[] LEVEL_COLOURS = {new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00),
        new Color(0x00, 0x9E, 0x73), new Color(0xCC, 0x79, 0xA7), new Color(0xE6, 0x9F, 0x00),
        new Color(0x56, 0xB4, 0xE9), new Color(0x33, 0x33, 0x33), new Color(0x88, 0x22, 0x55)};

    /** A grid of a number and a named parameter: the response to the number, one line per named level. */
    static JFreeChart byLevel(ResultsData data, String x, String named, Response r, String entity) {
        Map<String, YIntervalSeries> series = curves(data, x, r, row -> row.get("entity").equals(entity),
                row -> shortName(named) + "=" + row.get(named));
        if (series.isEmpty()) {
            return null;
        }
        List<Color> colours = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            colours.add(LEVEL_COLOURS[s % LEVEL_COLOURS.length]);
        }
        String who = r.type().equals("archetype") ? " (" + entity + ")" : "";
        return chart(data, x, r, series, colours, r.title() + who + " against " + shortName(x),
                "one line per " + shortName(named) + "; mean and 95% band across " + replications(data)
                        + " replications");
    }

    private static String replications(ResultsData data) {
        return data.manifest().path("replications").asText("the");
    }

    /**
     * Mean and band of the response's metric against {@code x}, one series per key of the rows
     * kept; bands clipped to the values the metric can take.
     */
    private static Map<String, YIntervalSeries> curves(ResultsData data, String x, Response r,
                                                       java.util.function.Predicate<CSVRecord> keep,
                                                       java.util.function.Function<CSVRecord, String> key) {
        Map<String, YIntervalSeries> series = new LinkedHashMap<>();
        for (CSVRecord row : data.points()) {
            if (!r.holds(row) || !keep.test(row)) {
                continue;
            }
            double mean = ResultsData.numberOrNaN(row.get("mean"));
            if (Double.isNaN(mean)) {
                continue;
            }
            double low = ResultsData.numberOrNaN(row.get("ci_low"));
            double high = ResultsData.numberOrNaN(row.get("ci_high"));
            series.computeIfAbsent(key.apply(row), YIntervalSeries::new).add(ResultsData.numberOrNaN(row.get(x)),
                    mean * r.scale(), Math.max(r.low(), (Double.isNaN(low) ? mean : low) * r.scale()),
                    Math.min(r.high(), (Double.isNaN(high) ? mean : high) * r.scale()));
        }
        return series;
    }

    private static JFreeChart chart(ResultsData data, String x, Response r, Map<String, YIntervalSeries> series,
                                    List<Color> colours, String title, String subtitle) {
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        int s = 0;
        for (YIntervalSeries line : series.values()) {
            dataset.addSeries(line);
            Color c = colours.get(s);
            renderer.setSeriesPaint(s, c);
            renderer.setSeriesFillPaint(s, new Color(c.getRed(), c.getGreen(), c.getBlue(), BAND_ALPHA));
            renderer.setSeriesStroke(s, Palette.LINE);
            s++;
        }
        renderer.setAlpha(BAND_OPACITY);
        NumberAxis y = new NumberAxis(Report.withMoney(r.axis(), data));
        y.setAutoRangeIncludesZero(false);
        NumberAxis xAxis = new NumberAxis(x);
        xAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(dataset, xAxis, y, renderer);
        return Charts.styled(new JFreeChart(title, Palette.TITLE, plot, series.size() > 1), subtitle);
    }

    /** Bands: the fill colour's alpha, and the renderer's opacity over it. */
    private static final int BAND_ALPHA = 110;
    private static final float BAND_OPACITY = 0.3f;

    /** The colour of a grid cell without a value (e.g. no sales to take a margin of). */
    private static final Color NO_VALUE = new Color(0xCC, 0xCC, 0xCC);

    static JFreeChart heatMap(ResultsData data, List<String> factors, Response r, String entity) {
        List<double[]> cells = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int missing = 0;
        for (CSVRecord row : data.points()) {
            if (row.get("entity_type").equals(r.type()) && row.get("entity").equals(entity)
                    && row.get("metric").equals(r.metric())) {
                double z = ResultsData.numberOrNaN(row.get("mean")) * r.scale();
                cells.add(new double[] {ResultsData.numberOrNaN(row.get(factors.get(0))),
                    ResultsData.numberOrNaN(row.get(factors.get(1))), z});
                if (Double.isNaN(z)) {
                    missing++;
                } else {
                    min = Math.min(min, z);
                    max = Math.max(max, z);
                }
            }
        }
        if (cells.isEmpty() || missing == cells.size()) {
            return null;
        }
        double[][] xyz = new double[3][cells.size()];
        for (int k = 0; k < cells.size(); k++) {
            xyz[0][k] = cells.get(k)[0];
            xyz[1][k] = cells.get(k)[1];
            xyz[2][k] = cells.get(k)[2];
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries(entity, xyz);
        XYBlockRenderer renderer = new XYBlockRenderer();
        double xStep = step(xyz[0]);
        double yStep = step(xyz[1]);
        renderer.setBlockWidth(xStep);
        renderer.setBlockHeight(yStep);
        double lo = min;
        double hi = max > min ? max : min + 1;
        PaintScale scale = new PaintScale() {
            public double getLowerBound() {
                return lo;
            }

            public double getUpperBound() {
                return hi;
            }

            public java.awt.Paint getPaint(double value) {
                if (Double.isNaN(value)) {
                    return NO_VALUE;
                }
                return Viridis.at((value - lo) / (hi - lo));
            }
        };
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(dataset, levelAxis(factors.get(0), xyz[0], xStep), levelAxis(factors.get(1), xyz[1],
                yStep), renderer);
        for (double[] cell : cells) { // the value in each cell, so a reader need not match colours to the scale
            String text = Double.isNaN(cell[2]) ? "n/a" : Viridis.cellLabel(cell[2]);
            org.jfree.chart.annotations.XYTextAnnotation label =
                    new org.jfree.chart.annotations.XYTextAnnotation(text, cell[0], cell[1]);
            label.setFont(Palette.TICK_LABEL);
            label.setPaint(Double.isNaN(cell[2]) || (cell[2] - lo) / (hi - lo) > Viridis.LIGHT ? Color.BLACK : Color.WHITE);
            plot.addAnnotation(label);
        }
        String who = r.type().equals("archetype") ? " (" + entity + ")" : "";
        JFreeChart chart = new JFreeChart(r.title() + who, Palette.TITLE, plot, false);
        NumberAxis bar = new NumberAxis(Report.withMoney(r.axis(), data));
        bar.setLabelFont(Palette.AXIS_LABEL);
        bar.setTickLabelFont(Palette.TICK_LABEL);
        PaintScaleLegend legend = new PaintScaleLegend(scale, bar);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 40, 4);
        legend.setStripWidth(20);
        chart.addSubtitle(legend);
        return Charts.styled(chart, "mean across " + replications(data) + " replications at each grid point"
                + (missing > 0 ? "; grey: no value (" + missing + " points)" : ""));
    }

    /** An axis whose ticks are the grid's levels and whose range holds whole cells. */
    private static NumberAxis levelAxis(String label, double[] values, double step) {
        NumberAxis axis = new NumberAxis(label);
        double lo = java.util.Arrays.stream(values).min().orElse(0);
        double hi = java.util.Arrays.stream(values).max().orElse(1);
        axis.setRange(lo - step / 2, hi + step / 2);
        axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(step));
        return axis;
    }

    private static double step(double[] values) {
        double[] sorted = java.util.Arrays.stream(values).distinct().sorted().toArray();
        return sorted.length < 2 ? 1 : sorted[1] - sorted[0];
    }

    private static String shortName(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
