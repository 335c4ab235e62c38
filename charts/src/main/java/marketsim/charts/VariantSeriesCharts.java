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
 * A comparison's outcomes over time, from variants-timeseries.csv: per outcome, a line and 95% band per variant (the
 * reference dark grey, each variant in a colour of its own), the burn-in shaded and off the value axis as in a run's
 * time series. Shares and margins read in percent.
 */
final class VariantSeriesCharts {
    /** The reference's line: dark grey, so the variants' colours stand against it. */
    private static final Color REFERENCE = new Color(0x33, 0x33, 0x33);
    /** Band opacity: two or three overlapping bands stay readable. */
    private static final float BAND_ALPHA = 0.2f;

    private VariantSeriesCharts() {
    }

    static List<Charts.Drawn> drawAll(ResultsData data, ChartFiles target) throws IOException {
        Path file = data.folder().resolve(ResultFiles.VARIANT_SERIES);
        List<Charts.Drawn> drawn = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return drawn;
        }
        // outcome -> variant -> its series
        Map<String, Map<String, YIntervalSeries>> outcomes = new LinkedHashMap<>();
        Map<String, String> axisOf = new LinkedHashMap<>();
        Map<String, Double> scaleOf = new LinkedHashMap<>();
        List<String> variants = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            for (CSVRecord row : csv) {
                String outcome = row.get("entity") + "." + row.get("metric");
                String unit = row.get("unit");
                boolean percent = unit.startsWith("share") && !unit.contains("(0..1)");
                scaleOf.putIfAbsent(outcome, percent ? 100.0 : 1.0);
                axisOf.putIfAbsent(outcome, row.get("metric").replace('_', ' ') + " (" + (percent
                        ? "%" + unit.substring("share".length()) : unit.replace("money", Report.money(data))) + ")");
                String variant = row.get("variant");
                if (!variants.contains(variant)) {
                    variants.add(variant);
                }
                double mean = ResultsData.numberOrNaN(row.get("mean"));
                if (Double.isNaN(mean)) {
                    continue;
                }
                double low = ResultsData.numberOrNaN(row.get("ci_low"));
                double high = ResultsData.numberOrNaN(row.get("ci_high"));
                double k = scaleOf.get(outcome);
                outcomes.computeIfAbsent(outcome, o -> new LinkedHashMap<>())
                        .computeIfAbsent(variant, v -> new YIntervalSeries(v))
                        .add(Integer.parseInt(row.get("tick")), mean * k, (Double.isNaN(low) ? mean : low) * k,
                                (Double.isNaN(high) ? mean : high) * k);
            }
        }
        for (Map.Entry<String, Map<String, YIntervalSeries>> e : outcomes.entrySet()) {
            String name = "variants-" + e.getKey().replaceAll("[^A-Za-z0-9]+", "-");
            target.save(chart(data, e.getKey(), axisOf.get(e.getKey()), e.getValue(), variants), name);
            drawn.add(new Charts.Drawn(name, e.getKey() + " over time, each variant against the reference"));
        }
        return drawn;
    }

    private static JFreeChart chart(ResultsData data, String outcome, String axis, Map<String, YIntervalSeries> byVariant,
                                    List<String> variants) {
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        for (Map.Entry<String, YIntervalSeries> e : byVariant.entrySet()) {
            int s = dataset.getSeriesCount();
            int v = variants.indexOf(e.getKey());
            Color c = v == 0 ? REFERENCE : Palette.series(v - 1);
            dataset.addSeries(e.getValue());
            renderer.setSeriesPaint(s, c);
            renderer.setSeriesFillPaint(s, c);
            renderer.setSeriesStroke(s, Palette.LINE);
        }
        renderer.setAlpha(BAND_ALPHA);
        NumberAxis x = new NumberAxis("week");
        NumberAxis y = new NumberAxis(axis);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        org.jfree.data.Range weeks = org.jfree.data.general.DatasetUtils.findDomainBounds(dataset);
        x.setRange(Math.max(0, weeks.getLowerBound() - 1), weeks.getUpperBound() + 1);
        int burnIn = data.burnIn() != null ? data.burnIn() : Charts.burnIn((int) weeks.getUpperBound());
        return Charts.styled(new JFreeChart(outcome + " over time by variant", Palette.TITLE, plot, true),
                "mean and 95% band across replications on common random numbers; dark grey: the reference"
                        + Charts.markBurnIn(plot, dataset, burnIn));
    }
}
