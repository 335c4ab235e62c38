package marketsim.charts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Draws a results folder's charts and report; used by run and compare, and by chart / report. */
public final class Figures {
    private Figures() {
    }

    /** Charts into {@code folder}/charts and report.html into {@code folder} (being written), from its files. */
    public static List<Charts.Drawn> drawInto(Path folder) throws IOException {
        ResultsData data = ResultsData.readStaged(folder);
        List<Charts.Drawn> drawn = Charts.drawAll(data, folder.resolve(Charts.FOLDER));
        Report.write(data, drawn, folder.resolve(Charts.FOLDER), folder);
        return drawn;
    }

    /**
     * Redraws an existing folder's charts: drawn into a hidden sibling first and then swapped in,
     * so a failure leaves the old charts; then the report.
     */
    public static List<Charts.Drawn> redraw(Path folder) throws IOException {
        ResultsData data = ResultsData.read(folder);
        Path fresh = Files.createTempDirectory(folder, ".charts.partial-");
        try {
            List<Charts.Drawn> drawn = Charts.drawAll(data, fresh);
            Path charts = folder.resolve(Charts.FOLDER);
            deleteRecursively(charts);
            Files.move(fresh, charts);
            Report.write(data, drawn, charts, folder);
            return drawn;
        } finally {
            deleteRecursively(fresh);
        }
    }

    /** Rewrites report.html from the folder's files and existing charts. */
    public static Path report(Path folder) throws IOException {
        ResultsData data = ResultsData.read(folder);
        Path charts = folder.resolve(Charts.FOLDER);
        List<Charts.Drawn> drawn = Files.isDirectory(charts) ? Charts.drawAll(data, charts) : List.of();
        return Report.write(data, drawn, charts, folder);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
