package marketsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import marketsim.format.OsReason;
import marketsim.charts.Figures;
import marketsim.format.NotAResultsFolderException;
import marketsim.format.ResultFiles;
import picocli.CommandLine;
import picocli.CommandLine.Parameters;

/**
 * A command that redraws part of an existing results folder from its files alone (chart, report): a folder
 * that is not one, is no longer the one marketsim wrote, or cannot be written, is the user's to fix (exit 2).
 */
abstract class FolderCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "A folder written by marketsim run, compare, sweep, calibrate, optimize or audit.")
    Path folder;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Redraws into the folder. */
    abstract Figures.Redrawn redraw(Path folder) throws IOException;

    /** The command's own options checked before anything is read. */
    void check() throws BadInputException {
    }

    /** The line to print once done. */
    abstract String done(Figures.Redrawn redrawn);

    /** What failed, for the message: "draw the charts". */
    abstract String task();

    @Override
    public Integer call() throws Exception {
        check();
        Figures.Redrawn redrawn;
        try {
            redrawn = redraw(folder);
        } catch (NotAResultsFolderException e) {
            throw new BadInputException(e.getMessage());
        } catch (IOException e) {
            throw new BadInputException(folder + ": cannot " + task() + ": " + OsReason.of(e).describe(folder));
        }
        if (!redrawn.verified()) {
            spec.commandLine().getErr().println("Note: " + folder.resolve(ResultFiles.MANIFEST) + " has no checksums "
                    + "(written by an older marketsim): the data files were found present but not verified");
        }
        spec.commandLine().getOut().println(done(redrawn));
        return CommandLine.ExitCode.OK;
    }
}
