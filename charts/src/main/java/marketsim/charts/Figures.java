package marketsim.charts;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import marketsim.format.AggregateRow;
import marketsim.format.StagedFolder;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws a results folder's charts and report; used by run and compare, and by chart / report.
 *
 * <p>A redraw of a finished folder never writes over its files in place: the new charts and report are drawn whole
 * into a staged folder inside it ({@code .redraw.partial-*}, on the same file system), and each file is then moved
 * over the old one in one atomic rename, the charts first and report.html last. Stopped at any moment (killed, a full
 * disk), the folder holds for each file the old one or the new one, whole; a killed redraw's staged folder is removed
 * by the next one.
 */
public final class Figures {
    private Figures() {
    }

    /**
     * A finished folder redrawn: the charts drawn (none if the report had no charts to inline), the report, and
     * whether the folder's data files were checked against checksums (false: a folder written before them).
     */
    public record Redrawn(List<Charts.Drawn> charts, Path report, boolean verified) {
    }

    /**
     * Starts drawing throw-away charts on a background thread, shaped as a run's time series are (bands across
     * replications, burn-in shading, legend), to PNG and SVG: the charts' first drawing in a process loads the chart,
     * Java 2D, font, PNG and SVG classes and the fonts themselves, and runs their code interpreted until the compiler
     * has compiled it; drawn while the command reads its scenario (one processor is idle then), that is done before
     * the results are. Nothing is written; the results do not depend on it. Once per process.
     */
    public static void warmUp() {
        if (WARMING.getAndSet(true)) {
            return;
        }
        Thread warm = new Thread(Figures::drawThrowAway, "chart-warm-up");
        warm.setDaemon(true);
        warm.start();
    }

    private static final AtomicBoolean WARMING = new AtomicBoolean();

    /** How many throw-away charts {@link #warmUp} draws (system property {@code marketsim.warmup}, for measuring). */
    private static final int WARM_UP_CHARTS = Integer.getInteger("marketsim.warmup", 3);

    private static void drawThrowAway() {
        try {
            SplittableRandom random = new SplittableRandom(1);
            List<String> names = List.of("product-focused", "customer-focused", "hybrid-platform");
            for (int c = 0; c < WARM_UP_CHARTS; c++) {
                YIntervalSeriesCollection data = new YIntervalSeriesCollection();
                for (String name : names) {
                    YIntervalSeries series = new YIntervalSeries(name);
                    for (int t = 1; t <= 260; t++) {
                        double mean = 50 + 10 * Math.sin(t / 8.0) + random.nextDouble(-5, 5);
                        double half = random.nextDouble(1, 8);
                        series.add(t, mean, mean - half, mean + half);
                    }
                    data.addSeries(series);
                }
                JFreeChart chart = Charts.timeSeries(data, names, "warm-up", "value", null);
                Charts.png(chart);
                SVGGraphics2D svg = new SVGGraphics2D(Charts.WIDTH, Charts.HEIGHT);
                chart.draw(svg, new Rectangle(0, 0, Charts.WIDTH, Charts.HEIGHT));
                svg.getSVGDocument();
            }
        } catch (RuntimeException | LinkageError e) {
            // a warm-up only: the real charts report their own failures
        }
    }

    /** Charts into {@code folder}/charts and report.html into {@code folder} (being written), from its files. */
    public static List<Charts.Drawn> drawInto(Path folder) throws IOException {
        return drawInto(folder, ResultsData.readStaged(folder));
    }

    /**
     * As {@link #drawInto(Path)} for a run's folder, its aggregate.csv's rows taken from where they were written
     * from: the same charts and report, without reading the file back.
     */
    public static List<Charts.Drawn> drawInto(Path folder, AggregateRow.Source aggregate) throws IOException {
        return drawInto(folder, ResultsData.readStaged(folder, aggregate));
    }

    /** Draws {@code folder}'s {@code data} into it. */
    private static List<Charts.Drawn> drawInto(Path folder, ResultsData data) throws IOException {
        List<Charts.Drawn> drawn = Charts.drawAll(data, folder.resolve(Charts.FOLDER));
        Report.write(data, drawn, folder.resolve(Charts.FOLDER), folder);
        return drawn;
    }

    /** Redraws a finished folder's charts and its report, each file swapped in whole; charts no longer drawn go. */
    public static Redrawn redraw(Path folder) throws IOException {
        return redraw(folder, null);
    }

    /** As {@link #redraw(Path)}, the time series with {@code burnIn} weeks of burn-in (null: the folder's). */
    public static Redrawn redraw(Path folder, Integer burnIn) throws IOException {
        ResultsData data = ResultsData.read(folder).withBurnIn(burnIn);
        Path charts = chartsFolder(folder);
        try (StagedFolder staged = StagedFolder.create(folder, "redraw")) {
            Path fresh = staged.dir().resolve(Charts.FOLDER);
            List<Charts.Drawn> drawn = Charts.drawAll(data, fresh);
            Report.write(data, drawn, fresh, staged.dir());
            List<String> files = chartFiles(drawn);
            files.add(Report.FILE);
            staged.replaceIn(folder, files);
            removeOthers(charts, drawn);
            return new Redrawn(drawn, folder.resolve(Report.FILE), data.verified());
        }
    }

    /** Rewrites report.html from the folder's files, with its charts inlined if it has any; swapped in whole. */
    public static Redrawn report(Path folder) throws IOException {
        ResultsData data = ResultsData.read(folder);
        boolean hasCharts = Files.isDirectory(chartsFolder(folder));
        try (StagedFolder staged = StagedFolder.create(folder, "report")) {
            Path fresh = staged.dir().resolve(Charts.FOLDER);
            List<Charts.Drawn> drawn = hasCharts ? Charts.drawAll(data, fresh) : List.of();
            Report.write(data, drawn, fresh, staged.dir());
            staged.replaceIn(folder, List.of(Report.FILE));
            return new Redrawn(drawn, folder.resolve(Report.FILE), data.verified());
        }
    }

    /** The folder's charts/, which must be a folder of its own if it exists: not a link to somewhere else. */
    private static Path chartsFolder(Path folder) throws IOException {
        Path charts = folder.resolve(Charts.FOLDER);
        if (Files.isSymbolicLink(charts)) {
            // charts are written, and the ones no longer drawn removed, in there: never outside the results folder
            throw new FileSystemException(charts.toString(), null, "it is a symbolic link (to "
                    + Files.readSymbolicLink(charts) + "); the charts are drawn only into a folder of the results "
                    + "folder's own: remove the link");
        }
        if (Files.exists(charts) && !Files.isDirectory(charts)) {
            throw new FileSystemException(charts.toString(), null,
                    "a file is where the charts folder goes; move it away");
        }
        return charts;
    }

    private static List<String> chartFiles(List<Charts.Drawn> drawn) {
        List<String> files = new ArrayList<>();
        for (Charts.Drawn chart : drawn) {
            files.add(Charts.FOLDER + "/" + chart.name() + ".png");
            files.add(Charts.FOLDER + "/" + chart.name() + ".svg");
        }
        return files;
    }

    /** Removes the charts (PNG and SVG) the redraw did not draw: they no longer follow from the folder's files. */
    private static void removeOthers(Path charts, List<Charts.Drawn> drawn) throws IOException {
        if (!Files.isDirectory(charts)) {
            return; // nothing drawn, and no charts before
        }
        Set<String> kept = drawn.stream().map(Charts.Drawn::name).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(charts)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                int dot = name.lastIndexOf('.');
                if (dot > 0 && (name.endsWith(".png") || name.endsWith(".svg"))
                        && !kept.contains(name.substring(0, dot))) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }
}
