package marketsim.cli;

import picocli.CommandLine.Option;

/** Options shared by commands that run replications. */
final class RunOptions {
    @Option(names = "--reps", paramLabel = "N", description = "Replications (default: the scenario's).")
    Integer reps;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed (default: the scenario's).")
    Long seed;

    @Option(names = "--ticks", paramLabel = "T", description = "Horizon in ticks (default: the scenario's).")
    Integer ticks;

    @Option(names = "--threads", paramLabel = "K",
            description = "Worker threads (default: available processors). Results do not depend on it.")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;
}
