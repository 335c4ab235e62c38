package marketsim.cli;

import picocli.CommandLine.Mixin;

/**
 * A command that runs replications of a scenario into a results folder (run, compare, sweep, calibrate): the
 * scenario's {@code --set} overrides and the replication options beside the folder's.
 */
abstract class StudyCommand extends WritingCommand {
    @Mixin
    ScenarioOptions scenarioOptions;

    @Mixin
    RunOptions runOptions;
}
