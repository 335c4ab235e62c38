package marketsim.results.calibration;

import java.util.List;
import java.util.stream.Collectors;

import marketsim.scenario.input.Problem;

/** A targets file that cannot be used, with every problem found in it (each with its line and column). */
public final class TargetsException extends Exception {
    private static final long serialVersionUID = 1L;
    /** Where the format is described, for every message. */
    static final String FORMAT_HELP = "The format: docs/CALIBRATION.md.";
    private final transient List<Problem> problems;

    public TargetsException(String file, List<Problem> problems) {
        super(format(file, problems));
        this.problems = List.copyOf(problems);
    }

    public TargetsException(String file, String message) {
        this(file, List.of(new Problem("", message)));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String format(String file, List<Problem> problems) {
        String header = problems.size() == 1
                ? "Targets file " + file + " has a problem:"
                : "Targets file " + file + " has " + problems.size() + " problems:";
        return header + problems.stream().map(p -> "\n  - " + p).collect(Collectors.joining()) + "\n" + FORMAT_HELP;
    }
}
