package marketsim.scenario;

import java.util.List;

import marketsim.scenario.input.InputException;
import marketsim.scenario.input.Problem;

/** A scenario that cannot be run, with every problem found in it. */
public final class ScenarioException extends InputException {
    private static final long serialVersionUID = 1L;

    public ScenarioException(String source, List<Problem> problems) {
        super("Scenario", source, problems, "");
    }

    public ScenarioException(String source, String message) {
        this(source, List.of(new Problem("", message)));
    }

    /** The problems of a scenario file the input toolkit could not read or parse. */
    ScenarioException(InputException e) {
        this(e.source(), e.problems());
    }
}
