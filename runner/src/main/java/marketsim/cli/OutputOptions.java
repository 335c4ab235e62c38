package marketsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;

import marketsim.format.OsReason;
import marketsim.charts.Figures;
import marketsim.format.StagedFolder;
import marketsim.results.experiment.AggregateTable;
import marketsim.results.experiment.ResultsFolder;
import picocli.CommandLine.Option;

/** {@code --out} and {@code --no-charts}, shared by the commands that write a results folder. */
final class OutputOptions {
    /** Where folders go without --out. */
    static final Path DEFAULT_PARENT = Path.of("runs");

    @Option(names = "--out", paramLabel = "DIR",
            description = "Results folder to create (must not exist; default: a new folder under runs/).")
    Path out;

    @Option(names = "--no-charts", description = "Skip the charts and report.html (faster for many runs).")
    boolean noCharts;

    /** Refuses an empty or existing --out before any work is done. */
    void checkFree() throws BadInputException {
        if (out != null && out.toString().isBlank()) {
            throw new BadInputException("--out: the folder name is empty");
        }
        if (out != null && Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException("--out " + out + ": already exists" + (Files.isSymbolicLink(out)
                    ? " (a symbolic link; a results folder is never moved over one)" : "")
                    + "; results are never overwritten. Choose a new folder or remove this one.");
        }
        Path above = out == null ? null : out.toAbsolutePath().getParent();
        while (above != null && !Files.exists(above)) {
            above = above.getParent(); // folders that do not exist yet are made
        }
        if (above != null && !Files.isDirectory(above)) {
            throw new BadInputException("--out " + out + ": " + above + " is a file, not a folder");
        }
    }

    /** --out, or a fresh folder NAME-TIMESTAMP under runs/. */
    Path folder(String name) {
        return out != null ? out : ResultsFolder.defaultFolder(DEFAULT_PARENT, name, Instant.now());
    }

    /** --out, or a fresh folder NAME-TIMESTAMP under runs/ named when it is moved into place. */
    ResultsFolder.Destination destination(String name) {
        return out != null ? ResultsFolder.Destination.exactly(out)
                : ResultsFolder.Destination.fresh(DEFAULT_PARENT, name);
    }

    /** The results folder staged now, before any work: a place that cannot be written is exit 2 at once. */
    StagedFolder stage(ResultsFolder.Destination destination) throws BadInputException {
        try {
            return destination.stage();
        } catch (IOException e) {
            throw cannotWrite(destination.where(), e);
        }
    }

    /**
     * Draws the charts and report into the folder before it is moved into place, unless --no-charts; asked for before
     * the replications start, it starts warming the chart code on a background thread meanwhile ({@link
     * Figures#warmUp}).
     */
    ResultsFolder.Finisher figures() {
        if (noCharts) {
            return ResultsFolder.Finisher.NONE;
        }
        Figures.warmUp();
        return new ResultsFolder.Finisher() {
            @Override
            public void finish(Path folder) throws IOException {
                Figures.drawInto(folder);
            }

            @Override
            public void finishRun(Path folder, AggregateTable aggregate) throws IOException {
                Figures.drawInto(folder, aggregate); // a run's aggregate.csv not read back
            }
        };
    }

    /** A write failure as the user's problem to fix (a path it cannot write, a full disk), with the OS's reason. */
    BadInputException cannotWrite(Path folder, IOException e) {
        return new BadInputException((out != null ? "--out " : "") + folder + ": cannot write the results folder: "
                + OsReason.of(e).describe(folder));
    }

    /** The closing lines every writing command prints. */
    void printWhere(PrintWriter stdout, Path folder) {
        stdout.printf("%nResults: %s%n", folder);
        if (!noCharts) {
            stdout.printf("Report:  %s%n", folder.resolve("report.html"));
        }
        stdout.flush();
    }
}
