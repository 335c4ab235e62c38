package marketsim.charts;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;


import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws a results folder's charts into its {@code charts/} folder, each as PNG (for slides) and
 * SVG (for papers): time series by archetype with 95% confidence bands across replications,
 * end-of-run box plots across replications, and for a comparison the paired differences with
 * their confidence intervals. Charts with no data in the folder are skipped.
 */
public final class Charts {
    public static final String FOLDER = marketsim.format.ResultFiles.CHARTS;
    static final int WIDTH = 1280;
    static final int HEIGHT = 720;
    /**
     * Weeks at the start of a run that a time series marks as burn-in and leaves out of its value axis range.
     * Every firm starts with no customers: in week 1 its fixed costs fall on almost no income, so a margin reads
     * -80% or -900% and, on an axis fitted to it, squashes the steady state into a flat line. Four weeks (a month)
     * covers that first dip in the built-in scenarios; the values are still drawn (off the scale), only the axis
     * ignores them. A run shorter than four times this keeps a quarter of its horizon as burn-in instead.
     */
    public static final int BURN_IN_WEEKS = 4;
    /** Room right of the plot so the last tick label of an axis ("260", "1.0") is not cut at the image's edge. */
    static final double EDGE_PADDING = 28;

    private Charts() {
    }

    /** A chart drawn: its file stem and title. */
    public record Drawn(String name, String title, boolean linked) {
        /** A chart the report shows inline (SVG). */
        public Drawn(String name, String title) {
            this(name, title, false);
        }
    }

    /** Draws every chart the folder's data supports into {@code target} (created); returns them in order. */
    public static List<Drawn> drawAll(ResultsData data, Path target) throws IOException {
        Files.createDirectories(target);
        ChartFiles files = new ChartFiles(target);
        // a run's charts are built on the threads that write them; the other kinds' charts here, listed after them
        List<Supplier<Drawn>> run = new ArrayList<>();
        String money = Report.money(data);
        for (ChartKind kind : ChartKind.TIME_SERIES) {
            ChartFiles.Later chart = files.later(() -> timeSeries(data, kind), kind.file());
            run.add(() -> chart.drawn() ? new Drawn(kind.file(), kind.title()) : null);
        }
        for (String[] box : new String[][] {{"net_profit", "Net profit over the summary window", "net profit (money)", "1"},
                {"net_margin", "Net margin over the summary window", "net margin (% of income)", "100"},
                {"retention", "Retention over the summary window", "retained buyers (%)", "100"}}) {
            String name = "box-" + box[0].replace('_', '-');
            ChartFiles.Later chart = files.later(() -> BoxPlots.boxPlot(data, box[0], box[1],
                    box[2].replace("(money)", "(" + money + ")"), Double.parseDouble(box[3])), name);
            run.add(() -> chart.drawn() ? new Drawn(name, box[1] + ", across replications") : null);
        }
        for (String[] tenure : new String[][] {
                {"revenue_per_customer", "Spend per customer by tenure", "spend per customer per week (money)"},
                {"categories_per_customer", "Categories per customer by tenure", "categories per customer"}}) {
            String name = "tenure-" + tenure[0].replace('_', '-');
            ChartFiles.Later chart = files.later(() -> byTenure(data, tenure[0], tenure[1], tenure[2]), name);
            run.add(() -> chart.drawn() ? new Drawn(name, tenure[1] + " over the summary window") : null);
        }
        List<Drawn> drawn = new ArrayList<>();
        drawn.addAll(DifferenceBars.drawAll(data, files));
        drawn.addAll(VariantSeriesCharts.drawAll(data, files));
        drawn.addAll(SweepCharts.drawAll(data, files));
        drawn.addAll(SweepSeriesCharts.drawAll(data, files));
        drawn.addAll(SensitivityCharts.drawAll(data, files));
        drawn.addAll(CalibrationCharts.drawAll(data, files));
        drawn.addAll(OptimizationCharts.drawAll(data, files));
        files.write();
        List<Drawn> all = new ArrayList<>();
        for (Supplier<Drawn> chart : run) {
            Drawn d = chart.get();
            if (d != null) {
                all.add(d);
            }
        }
        all.addAll(drawn);
        return all;
    }

    /** Mean line and 95% band per entity of the kind's types; null without data. */
    static JFreeChart timeSeries(ResultsData data, ChartKind kind) {
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        List<String> names = new ArrayList<>();
        for (String type : kind.entityTypes()) {
            for (String entity : data.entities(type)) {
                List<ResultsData.Band> bands = data.bands(type, entity, kind.metric());
                YIntervalSeries series = new YIntervalSeries(entity);
                for (ResultsData.Band b : bands) {
                    if (!Double.isNaN(b.mean())) {
                        double low = Double.isNaN(b.low()) ? b.mean() : b.low();
                        double high = Double.isNaN(b.high()) ? b.mean() : b.high();
                        series.add(b.tick(), b.mean() * kind.scale(), low * kind.scale(), high * kind.scale());
                    }
                }
                if (series.getItemCount() > 0) {
                    dataset.addSeries(series);
                    names.add(entity);
                }
            }
        }
        if (dataset.getSeriesCount() == 0) {
            return null;
        }
        return timeSeries(dataset, names, kind.title(), kind.axis().replace("(money)", "(" + Report.money(data) + ")"),
                data.burnIn());
    }

    /**
     * The time-series chart of {@code dataset}, whose series are {@code names}' (archetypes and the like, coloured
     * as everywhere): mean lines with their bands, the weeks of burn-in shaded ({@code burnIn}, null: the default
     * for the horizon).
     */
    static JFreeChart timeSeries(YIntervalSeriesCollection dataset, List<String> names, String title, String axis,
                                 Integer burnIn) {
        NumberAxis x = new NumberAxis("week");
        NumberAxis y = new NumberAxis(axis);
        y.setAutoRangeIncludesZero(false);
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        for (int s = 0; s < names.size(); s++) {
            renderer.setSeriesPaint(s, Palette.of(names.get(s)));
            renderer.setSeriesFillPaint(s, Palette.band(names.get(s)));
            renderer.setSeriesStroke(s, Palette.LINE);
        }
        renderer.setAlpha(0.35f);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        org.jfree.data.Range weeks = org.jfree.data.general.DatasetUtils.findDomainBounds(dataset);
        x.setRange(Math.max(0, weeks.getLowerBound() - 1), weeks.getUpperBound() + 1);
        int weeksOfBurnIn = burnIn != null ? burnIn : burnIn((int) weeks.getUpperBound());
        String subtitle = "mean and 95% confidence band across replications"
                + markBurnIn(plot, dataset, weeksOfBurnIn);
        return styled(new JFreeChart(title, Palette.TITLE, plot, true), subtitle);
    }

    /**
     * Shades weeks 1 to {@code burnIn} and fits the value axis to the bands after them (5% margin); the subtitle's
     * words for it, or "" when there is no burn-in or nothing after it.
     */
    static String markBurnIn(XYPlot plot, YIntervalSeriesCollection dataset, int burnIn) {
        org.jfree.data.Range values = rangeAfter(dataset, burnIn);
        if (values == null || burnIn <= 0) {
            return "";
        }
        double margin = Math.max(values.getLength() * 0.05, Math.abs(values.getUpperBound()) * 1e-3);
        plot.getRangeAxis().setRange(values.getLowerBound() - (margin > 0 ? margin : 1),
                values.getUpperBound() + (margin > 0 ? margin : 1));
        org.jfree.chart.plot.IntervalMarker marker = new org.jfree.chart.plot.IntervalMarker(
                plot.getDomainAxis().getLowerBound(), burnIn + 0.5, new Color(0xEE, 0xEE, 0xEE));
        marker.setLabel("burn-in");
        marker.setLabelFont(Palette.TICK_LABEL);
        marker.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
        plot.addDomainMarker(marker, org.jfree.chart.ui.Layer.BACKGROUND);
        return "; grey: burn-in (weeks 1-" + burnIn + "), left out of the value axis";
    }

    /**
     * The default burn-in of a run of {@code horizon} weeks: {@link #BURN_IN_WEEKS}, or a quarter of a short run
     * (an experiment's burn_in, from --burn-in, replaces it).
     */
    static int burnIn(int horizon) {
        return Math.min(BURN_IN_WEEKS, horizon / 4);
    }

    /** The range of the bands' values after week {@code burnIn}; null if there are none. */
    static org.jfree.data.Range rangeAfter(YIntervalSeriesCollection dataset, int burnIn) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < dataset.getSeriesCount(); s++) {
            for (int i = 0; i < dataset.getItemCount(s); i++) {
                if (dataset.getXValue(s, i) > burnIn) {
                    low = Math.min(low, Math.min(dataset.getStartYValue(s, i), dataset.getYValue(s, i)));
                    high = Math.max(high, Math.max(dataset.getEndYValue(s, i), dataset.getYValue(s, i)));
                }
            }
        }
        return low <= high ? new org.jfree.data.Range(low, high) : null;
    }

    /** The tenure bands of the wallet metrics (docs/RESULTS.md), in order, with their labels. */
    private static final String[][] TENURE_BANDS = {{"_new", "new"}, {"_established", "established"},
            {"_longstanding", "long-standing"}};

    /**
     * A wallet metric of summary.csv by archetype and tenure band (new, established, long-standing customers): the
     * mean across replications with its 95% interval; null without data (a market without categories or tenure).
     */
    static JFreeChart byTenure(ResultsData data, String metric, String title, String axis) {
        Map<String, Map<String, SummaryStatistics>> values = new LinkedHashMap<>();
        for (CSVRecord r : data.summary()) {
            if (!r.get("entity_type").equals("archetype")) {
                continue;
            }
            for (String[] band : TENURE_BANDS) {
                String key = metric + band[0];
                double v = r.isMapped(key) ? ResultsData.numberOrNaN(r.get(key)) : Double.NaN;
                if (!Double.isNaN(v)) {
                    values.computeIfAbsent(band[1], k -> new LinkedHashMap<>())
                            .computeIfAbsent(r.get("entity"), k -> new SummaryStatistics()).addValue(v);
                }
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        DefaultStatisticalCategoryDataset dataset = new DefaultStatisticalCategoryDataset();
        values.forEach((band, byEntity) -> byEntity.forEach((entity, s) -> dataset.add(s.getMean(),
                s.getN() > 1 ? 1.96 * s.getStandardDeviation() / Math.sqrt(s.getN()) : 0, band, entity)));
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        renderer.setErrorIndicatorPaint(Color.DARK_GRAY);
        renderer.setDrawBarOutline(false);
        for (int row = 0; row < dataset.getRowCount(); row++) {
            renderer.setSeriesPaint(row, VARIANT_COLOURS[row % VARIANT_COLOURS.length]);
        }
        CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis("archetype"),
                new NumberAxis(Report.withMoney(axis, data)), renderer);
        return styled(new JFreeChart(title, Palette.TITLE, plot, true), "customers by weeks since their first "
                + "purchase from the firm (metrics.tenure_band); mean across replications, whiskers: 95% interval");
    }

    private static final Color[] VARIANT_COLOURS = {new Color(0x56, 0xB4, 0xE9), new Color(0xD5, 0x5E, 0x00),
            new Color(0x88, 0x22, 0x55), new Color(0x99, 0x99, 0x99)};

    static JFreeChart styled(JFreeChart chart, String subtitle) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, EDGE_PADDING));
        chart.addSubtitle(new TextTitle(subtitle, Palette.AXIS_LABEL));
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(Palette.LEGEND);
            legend.setItemLabelPadding(new org.jfree.chart.ui.RectangleInsets(2, 4, 2, 24));
        }
        if (chart.getPlot() instanceof XYPlot xy) {
            style(xy.getDomainAxis());
            style(xy.getRangeAxis());
            xy.setBackgroundPaint(Color.WHITE);
            xy.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
            xy.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        } else if (chart.getPlot() instanceof CategoryPlot cp) {
            style(cp.getDomainAxis());
            for (Object each : cp instanceof CombinedDomainCategoryPlot c ? c.getSubplots() : List.of(cp)) {
                CategoryPlot panel = (CategoryPlot) each;
                style(panel.getRangeAxis()); // a box plot's panels: each its own value axis
                panel.setBackgroundPaint(Color.WHITE);
                panel.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
            }
        }
        return chart;
    }

    /**
     * The chart as PNG bytes, drawn on an opaque image and encoded in memory ({@link Png}). In one call, so a failed
     * write (a full disk) is one plain IOException and nothing is left half-written by an encoder's cache.
     */
    static byte[] png(JFreeChart chart) {
        BufferedImage image = CANVAS.get();
        Arrays.fill(((DataBufferInt) image.getRaster().getDataBuffer()).getData(), 0);
        Graphics2D g2 = image.createGraphics();
        try {
            chart.draw(g2, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT), null, null);
        } finally {
            g2.dispose();
        }
        return Png.encode(image);
    }

    /**
     * Each thread's image to draw a chart on, cleared to black before each chart as a new image is: drawn as
     * JFreeChart's createBufferedImage draws, without a new 3.7 MB image per chart (a humongous object to the garbage
     * collector).
     */
    private static final ThreadLocal<BufferedImage> CANVAS = ThreadLocal.withInitial(
            () -> new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB));

    private static void style(org.jfree.chart.axis.Axis axis) {
        axis.setLabelFont(Palette.AXIS_LABEL);
        axis.setTickLabelFont(Palette.TICK_LABEL);
    }

    /** Writes NAME.png and NAME.svg. */
    static void save(JFreeChart chart, Path folder, String name) throws IOException {
        Files.write(folder.resolve(name + ".png"), png(chart));
        SVGGraphics2D svg = new SVGGraphics2D(WIDTH, HEIGHT);
        svg.setDefsKeyPrefix(name + "-"); // JFreeSVG's default prefix is a clock reading: same data, same file
        chart.draw(svg, new Rectangle(0, 0, WIDTH, HEIGHT));
        Files.writeString(folder.resolve(name + ".svg"), svg.getSVGDocument(), StandardCharsets.UTF_8);
    }
}
