package marketsim.cli;

import picocli.CommandLine.Option;

/** Options shared by commands that run replications. */
final class RunOptions {
    /**
     * Most worker threads. Results do not depend on the count, and a worker per processor is the
     * fastest; each worker holds a whole model run in memory, so threads beyond the processors only
     * add memory and thread-creation failures ("unable to create native thread" came at 1000 on a
     * machine limited to a few hundred processes). 256 covers the largest machines we run on; a fixed
     * cap rather than one relative to the processors keeps a command valid on every machine.
     */
    static final int MAX_THREADS = 256;
    @Option(names = "--reps", paramLabel = "N", description = "Replications (default: the scenario's).")
    Integer reps;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed (default: the scenario's).")
    Long seed;

    @Option(names = "--ticks", paramLabel = "T", description = "Horizon in ticks (default: the scenario's).")
    Integer ticks;

    @Option(names = "--threads", paramLabel = "K",
            description = "Worker threads, 1 to " + MAX_THREADS + " (default: available processors). Results do not "
                    + "depend on it.")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    /** {@code --threads} checked, or the processors (at most {@link #MAX_THREADS}) when not given. */
    static int threads(Integer given) throws BadInputException {
        if (given == null) {
            return Math.min(Runtime.getRuntime().availableProcessors(), MAX_THREADS);
        }
        if (given < 1 || given > MAX_THREADS) {
            throw new BadInputException("--threads " + given + ": must be " + (given < 1 ? "at least 1"
                    : "at most " + MAX_THREADS + " (results do not depend on it; a thread per processor is fastest)"));
        }
        return given;
    }
}
