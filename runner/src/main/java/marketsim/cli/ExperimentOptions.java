package marketsim.cli;

import marketsim.scenario.Params;
import picocli.CommandLine.Option;

/**
 * What a run, comparison or sweep records in its experiment.yaml beside the model's inputs: the burn-in its time-series
 * charts mark, and (from {@code marketsim experiment}) the file's description, which its report states.
 */
final class ExperimentOptions {
    @Option(names = "--burn-in", paramLabel = "WEEKS",
            description = "Weeks at the start that the time-series charts mark as burn-in and leave out of their value "
                    + "axis; 0 turns it off. Default: 4 (week 1's fixed costs on almost no income read as a -80%% "
                    + "margin and squash the rest), a quarter of a horizon under 16 weeks. Charts only: the data "
                    + "files are the same whatever it is.")
    Integer burnIn;

    /** The experiment file's description, passed on by {@code marketsim experiment}: the report's question. */
    @Option(names = "--description", paramLabel = "TEXT", hidden = true)
    String description;

    /** {@code --burn-in} checked: null when not given. */
    Integer burnIn() throws BadInputException {
        if (burnIn != null && (burnIn < 0 || burnIn > Params.HORIZON.max())) {
            throw new BadInputException("--burn-in " + burnIn + ": must be from 0 (no burn-in) to "
                    + (long) Params.HORIZON.max() + " weeks");
        }
        return burnIn;
    }
}
