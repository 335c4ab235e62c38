package marketsim.cli;

import java.io.IOException;
import java.nio.file.Path;

import marketsim.charts.Charts;
import marketsim.charts.Figures;
import picocli.CommandLine.Command;

/** {@code marketsim chart DIR}: redraw a results folder's charts (and its report) from its files alone. */
@Command(name = "chart", mixinStandardHelpOptions = true,
        description = "Redraw the charts (PNG and SVG in DIR/charts) and report.html of a results folder from its files.")
final class ChartCommand extends FolderCommand {
    @picocli.CommandLine.Option(names = "--burn-in", paramLabel = "WEEKS",
            description = "Weeks the time-series charts mark as burn-in and leave out of their value axis; 0 turns it "
                    + "off (default: the folder's experiment.yaml burn_in, else 4, a quarter of a horizon under 16 "
                    + "weeks). The folder's files are not changed.")
    Integer burnIn;

    @Override
    void check() throws BadInputException {
        if (burnIn != null && burnIn < 0) {
            throw new BadInputException("--burn-in " + burnIn + ": must be 0 (no burn-in) or more weeks");
        }
    }

    @Override
    Figures.Redrawn redraw(Path folder) throws IOException {
        return Figures.redraw(folder, burnIn);
    }

    @Override
    String done(Figures.Redrawn redrawn) {
        return redrawn.charts().size() + " charts in " + folder.resolve(Charts.FOLDER);
    }

    @Override
    String task() {
        return "draw the charts";
    }
}
