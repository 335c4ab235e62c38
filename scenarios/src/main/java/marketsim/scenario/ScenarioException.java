package marketsim.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario that cannot be run, with every problem found in it. */
public final class ScenarioException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final transient List<Problem> problems;

    public ScenarioException(String source, List<Problem> problems) {
        super(format(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public ScenarioException(String source, String message) {
        this(source, List.of(new Problem("", message)));
    }

    public String source() {
        return source;
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String format(String source, List<Problem> problems) {
        String header = problems.size() == 1
                ? "Scenario " + source + " has a problem:"
                : "Scenario " + source + " has " + problems.size() + " problems:";
        return header + problems.stream().map(p -> "\n  - " + p).collect(Collectors.joining());
    }
}
