package marketsim.scenario;

import java.util.ArrayList;
import java.util.List;

import marketsim.scenario.input.Document;
import marketsim.scenario.input.Problem;

/**
 * A scenario file found, parsed and its {@code extends} chain resolved, once: each
 * {@link #read(List)} applies overrides to a fresh copy of the resolved tree (with the file's
 * lines and columns) and reads it. A calibration or a sweep reads hundreds of candidates from one
 * document without touching the file again. Never changed after it is made, so threads may read
 * it at once.
 */
public final class ScenarioDocument {
    private final String name;
    private final String label;
    private final Document resolved;

    ScenarioDocument(String name, String label, Document resolved) {
        this.name = name;
        this.label = label;
        this.resolved = resolved;
    }

    /** The scenario's name (a built-in name, or the file name without its extension). */
    public String name() {
        return name;
    }

    /** How messages name the scenario: "built-in NAME" or the path as given. */
    public String label() {
        return label;
    }

    /** The scenario with {@code --set} overrides applied; exactly what loading the file afresh would give. */
    public Scenario read(List<String> overrides) throws ScenarioException {
        Document document = resolved.copy();
        Overrides.apply(label, document.root(), document.locations(), overrides);
        try {
            return ScenarioReader.read(name, label, document.root(), document.locations());
        } catch (ScenarioException e) {
            throw blameOverrides(e, overrides);
        }
    }

    /** Marks the problems at paths a command-line override set, so the user looks there, not in the file. */
    private static ScenarioException blameOverrides(ScenarioException e, List<String> overrides) {
        List<Problem> problems = new ArrayList<>();
        for (Problem p : e.problems()) {
            String given = null;
            for (String override : overrides) {
                int eq = override.indexOf('=');
                String path = eq < 0 ? override : override.substring(0, eq).strip();
                if (!path.isEmpty() && (p.path().equals(path) || p.path().startsWith(path + ".")
                        || p.path().startsWith(path + "["))) {
                    given = override;
                }
            }
            boolean placed = p.location() != null && p.location().startsWith("--set ");
            problems.add(given == null || placed ? p
                    : new Problem(p.path(), p.message() + " [set on the command line: " + given + "]", p.location()));
        }
        return new ScenarioException(e.source(), problems);
    }
}
