package marketsim.results.study;

import java.util.List;

import marketsim.scenario.input.InputException;
import marketsim.scenario.input.Problem;

/** An experiment file that cannot be used, with every problem found in it (each with its key, line and column). */
public final class ExperimentFileException extends InputException {
    private static final long serialVersionUID = 1L;
    /** Where the format is described, for every message. */
    static final String FORMAT_HELP = "The format: docs/EXPERIMENTS.md.";

    public ExperimentFileException(String file, List<Problem> problems) {
        super("Experiment file", file, problems, FORMAT_HELP);
    }
}
