package marketsim.cli;

import java.io.IOException;
import java.nio.file.Path;

import marketsim.charts.Figures;
import picocli.CommandLine.Command;

/** {@code marketsim report DIR}: rewrite a results folder's report.html from its files alone. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Rewrite report.html of a results folder (one offline file: question, summary, charts, manifest).")
final class ReportCommand extends FolderCommand {
    @Override
    Figures.Redrawn redraw(Path folder) throws IOException {
        return Figures.report(folder);
    }

    @Override
    String done(Figures.Redrawn redrawn) {
        return "Report: " + redrawn.report();
    }

    @Override
    String task() {
        return "write the report";
    }
}
