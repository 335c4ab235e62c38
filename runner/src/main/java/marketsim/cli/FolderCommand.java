package marketsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import marketsim.charts.ResultsData;
import picocli.CommandLine;
import picocli.CommandLine.Parameters;

/**
 * A command that redraws part of an existing results folder from its files alone (chart, report): a folder
 * that is not one, or cannot be written, is the user's to fix (exit 2).
 */
abstract class FolderCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "A folder written by marketsim run, compare, sweep or calibrate.")
    Path folder;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Redraws into the folder; returns the line to print. */
    abstract String redraw(Path folder) throws IOException;

    /** What failed, for the message: "draw the charts". */
    abstract String task();

    @Override
    public Integer call() throws Exception {
        String done;
        try {
            done = redraw(folder);
        } catch (ResultsData.NotAResultsFolderException e) {
            throw new BadInputException(e.getMessage());
        } catch (IOException e) {
            throw new BadInputException(folder + ": cannot " + task() + ": " + OsReason.of(e).describe(folder));
        }
        spec.commandLine().getOut().println(done);
        return CommandLine.ExitCode.OK;
    }
}
