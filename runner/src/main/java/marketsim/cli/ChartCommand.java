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
    @Override
    Figures.Redrawn redraw(Path folder) throws IOException {
        return Figures.redraw(folder);
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
