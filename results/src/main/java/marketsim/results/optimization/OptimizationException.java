package marketsim.results.optimization;

import java.util.List;

import marketsim.scenario.input.InputException;
import marketsim.scenario.input.Problem;

/** An optimization or audit that cannot run as asked, with every problem of its flags found at once. */
public final class OptimizationException extends InputException {
    private static final long serialVersionUID = 1L;
    /** Where the flags are described, for every message. */
    static final String HELP = "The flags: marketsim optimize --help; README.md, 'What should we set?'.";

    /** "The {@code what} of {@code scenario} has N problems:", then each. */
    public OptimizationException(String what, String scenario, List<Problem> problems) {
        super("The " + what + " of", scenario, problems, HELP);
    }
}
