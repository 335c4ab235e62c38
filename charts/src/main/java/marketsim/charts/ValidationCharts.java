package marketsim.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.Reader;
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
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of {@code marketsim validate}, from its figures.csv: per figure, theory dashed and
 * the model solid, each firm or branch in its own colour, as charts/validation-CHECK.png and .svg.
 */
public final class ValidationCharts {
    /** Okabe-Ito colours, one per line pair (a firm's model and theory lines share one). */
    private static final Color[] COLOURS = {new Color(0xE6, 0x9F, 0x00), new Color(0x00, 0x72, 0xB2),
        new Color(0x00, 0x9E, 0x73), new Color(0xCC, 0x79, 0xA7), new Color(0xD5, 0x5E, 0x00)};
    private static final float[] DASH = {10f, 8f};

    private ValidationCharts() {
    }

    /** Draws every figure of {@code folder}/figures.csv into {@code folder}/charts; returns the chart names. */
    public static List<String> drawInto(Path folder) throws IOException {
        Path file = folder.resolve(ResultFiles.FIGURES);
        List<String> drawn = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return drawn;
        }
        Map<String, List<CSVRecord>> byCheck = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(file);
             CSVParser parser = CSVParser.builder().setReader(reader)
                     .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            for (CSVRecord r : parser.getRecords()) {
                byCheck.computeIfAbsent(r.get("check"), k -> new ArrayList<>()).add(r);
            }
        }
        Path target = folder.resolve(Charts.FOLDER);
        Files.createDirectories(target);
        for (Map.Entry<String, List<CSVRecord>> e : byCheck.entrySet()) {
            String name = ResultFiles.validationChart(e.getKey());
            Charts.save(chart(e.getValue()), target, name);
            drawn.add(name);
        }
        return drawn;
    }

    static JFreeChart chart(List<CSVRecord> rows) {
        Map<String, XYSeries> lines = new LinkedHashMap<>();
        Map<String, Boolean> theory = new LinkedHashMap<>();
        for (CSVRecord r : rows) {
            String label = r.get("line");
            XYSeries s = lines.computeIfAbsent(label, k -> new XYSeries(k, false, true));
            theory.put(label, Boolean.parseBoolean(r.get("theory")));
            double y = ResultsData.numberOrNaN(r.get("y"));
            s.add(ResultsData.numberOrNaN(r.get("x")), Double.isNaN(y) ? null : y);
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        Map<String, Integer> colourOf = new LinkedHashMap<>();
        int s = 0;
        for (Map.Entry<String, XYSeries> e : lines.entrySet()) {
            dataset.addSeries(e.getValue());
            String owner = e.getKey().replaceFirst(": (model|theory)$", "");
            int colour = colourOf.computeIfAbsent(owner, k -> colourOf.size());
            boolean dashed = theory.get(e.getKey());
            renderer.setSeriesPaint(s, lines.size() <= 3 && !e.getKey().contains(": ")
                    ? (dashed ? COLOURS[(s + 1) % COLOURS.length] : Color.BLACK) : COLOURS[colour % COLOURS.length]);
            renderer.setSeriesStroke(s, dashed ? new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                    10f, DASH, 0f) : Palette.LINE);
            if (!dashed && e.getValue().getItemCount() < 20) {
                renderer.setSeriesShapesVisible(s, true);
            }
            s++;
        }
        CSVRecord first = rows.get(0);
        NumberAxis x = new NumberAxis(first.get("x_label"));
        x.setAutoRangeIncludesZero(false);
        if (rows.stream().allMatch(r -> ResultsData.numberOrNaN(r.get("x")) % 1 == 0)) {
            x.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // ranks, ticks: no 1.5th rank
        }
        NumberAxis y = new NumberAxis(first.get("y_label"));
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        return Charts.styled(new JFreeChart(first.get("title"), Palette.TITLE, plot, true),
                "dashed: theory; solid: the model (marketsim validate, " + first.get("check") + ")");
    }
}
