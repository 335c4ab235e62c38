package marketsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import marketsim.charts.Figures;
import marketsim.charts.ResultsData;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code marketsim report DIR}: rewrite a results folder's report.html from its files alone. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Rewrite report.html of a results folder (one offline file: question, summary, charts, manifest).")
final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "A folder written by marketsim run or compare.")
    Path folder;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path report;
        try {
            report = Figures.report(folder);
        } catch (ResultsData.NotAResultsFolderException e) {
            throw new BadInputException(e.getMessage());
        } catch (IOException e) {
            throw new BadInputException(folder + ": cannot write the report (" + e.getMessage() + ")");
        }
        spec.commandLine().getOut().printf("Report: %s%n", report);
        return CommandLine.ExitCode.OK;
    }
}
