package marketsim.results.calibration;

import java.util.List;

import marketsim.scenario.input.InputException;
import marketsim.scenario.input.Problem;

/** A targets file that cannot be used, with every problem found in it (each with its line and column). */
public final class TargetsException extends InputException {
    private static final long serialVersionUID = 1L;
    /** Where the format is described, for every message. */
    static final String FORMAT_HELP = "The format: docs/CALIBRATION.md.";

    public TargetsException(String file, List<Problem> problems) {
        super("Targets file", file, problems, FORMAT_HELP);
    }

    public TargetsException(String file, String message) {
        this(file, List.of(new Problem("", message)));
    }

    /** The problems of a targets file the input toolkit could not read or parse. */
    TargetsException(InputException e) {
        this(e.source(), e.problems());
    }
}
