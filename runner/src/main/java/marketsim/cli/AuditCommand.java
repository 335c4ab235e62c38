package marketsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;

import marketsim.format.StagedFolder;
import marketsim.results.experiment.Experiment;
import marketsim.results.experiment.ResultsFolder;
import marketsim.results.optimization.Audit;
import marketsim.results.optimization.AuditFolder;
import marketsim.results.optimization.Optimization;
import marketsim.results.table.AuditTable;
import marketsim.scenario.ScenarioDocument;
import marketsim.scenario.ScenarioLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code marketsim audit SCENARIO}: holding the scenario, each named firm in turn prices by best response while its
 * rivals keep their rules; reports per firm its price before and after, its profit change with a paired interval,
 * and whether the scenario's prices are an equilibrium within the tolerance.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Would any firm change its price? Holding the scenario, each named firm in turn prices by best "
                + "response (logit, each unit's margin net of its channel's fees) while its rivals keep their rules, "
                + "on the same seeds. Prints each firm's price before and after, its profit change with a paired 95%% "
                + "interval, and whether the prices are an equilibrium within --tolerance; writes audit.csv.",
                "Example: marketsim audit classroom --reps 4"})
final class AuditCommand extends StudyCommand {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Built-in scenario name or scenario file.")
    String scenario;

    @Option(names = "--tolerance", paramLabel = "SHARE", description = "How far a best response may move a price, "
            + "as a share of it, for the prices to count as an equilibrium (default: 0.02).")
    Double tolerance;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = out();
        PrintWriter stderr = err();
        output.checkFree();
        double share = tolerance(tolerance, "--tolerance");
        Experiment base = RunCommand.experiment(scenario, scenarioOptions.overrides, runOptions);
        ScenarioDocument document = ScenarioLoader.document(scenario);
        ResultsFolder.Destination destination = output.destination("audit-" + base.scenario().name());
        Instant started = Instant.now();
        Audit.Result audit;
        Path folder;
        try (StagedFolder staged = output.stage(destination)) {
            try (ProgressBar progress = ProgressBar.create(stderr, runOptions.quiet, "runs")) {
                audit = Audit.run(document, base.overrides(), base.replications(), base.masterSeed(), base.threads(),
                        share, Optimization.Simulator.MODEL, progress);
            }
            try {
                folder = AuditFolder.write(staged, destination, audit, base.scenario(), base.overrides(), started,
                        output.figures());
            } catch (IOException e) {
                throw output.cannotWrite(destination.where(), e);
            }
        }
        stdout.print(AuditTable.render(audit));
        output.printWhere(stdout, folder);
        return CommandLine.ExitCode.OK;
    }

    /** The tolerance given to {@code flag}, checked, or the default. */
    static double tolerance(Double given, String flag) throws BadInputException {
        if (given == null) {
            return Audit.DEFAULT_TOLERANCE;
        }
        if (!(given > 0 && given < 1)) {
            throw new BadInputException(flag + " " + given + ": must be a share of the price, above 0 and below 1 "
                    + "(e.g. 0.02 for 2%)");
        }
        return given;
    }
}
