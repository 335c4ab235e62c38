package marketsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import marketsim.charts.Charts;
import marketsim.charts.Figures;
import marketsim.charts.ResultsData;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code marketsim chart DIR}: redraw a results folder's charts (and its report) from its files alone. */
@Command(name = "chart", mixinStandardHelpOptions = true,
        description = "Redraw the charts (PNG and SVG in DIR/charts) and report.html of a results folder from its files.")
final class ChartCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "A folder written by marketsim run or compare.")
    Path folder;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Charts.Drawn> drawn;
        try {
            drawn = Figures.redraw(folder);
        } catch (ResultsData.NotAResultsFolderException e) {
            throw new BadInputException(e.getMessage());
        } catch (IOException e) {
            throw new BadInputException(folder + ": cannot draw the charts (" + e.getMessage() + ")");
        }
        spec.commandLine().getOut().printf("%d charts in %s%n", drawn.size(), folder.resolve(Charts.FOLDER));
        return CommandLine.ExitCode.OK;
    }
}
