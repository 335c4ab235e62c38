package marketsim.scenario.input;

import java.io.StringReader;

import com.fasterxml.jackson.core.StreamReadConstraints;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * The YAML an input file may be: one document, no anchors ({@code &name}), aliases ({@code *name})
 * or tags ({@code !!str}, {@code !custom}), keys that are plain text (not a mapping or list), no
 * whole number with a leading zero (read as octal by some readers, as decimal by others), nested
 * at most {@value #MAX_DEPTH} levels. Checked on
 * the event stream of SnakeYAML (the parser under Jackson's YAML module) before the tree is built,
 * because Jackson would silently read something else than the file says: the first document only,
 * an alias as the plain text of its name, a tagged number as text. Supporting aliases faithfully
 * would also mean merge keys ({@code <<}) and lines and columns for copied values, for files of a
 * few dozen lines that need none of it. Syntax errors are placed here too, at the problem's line
 * and column: Jackson's own error points at its context (the start of the mapping being read),
 * often lines away.
 */
final class YamlSubset {
    /** Deepest nesting of mappings and lists: Jackson's limit, here with the line where it is passed. */
    static final int MAX_DEPTH = StreamReadConstraints.DEFAULT_MAX_DEPTH;
    /** A whole number written with a leading zero: YAML 1.1 (and Jackson) read {@code 010} as 8, YAML 1.2 as 10. */
    private static final java.util.regex.Pattern LEADING_ZERO = java.util.regex.Pattern.compile("[-+]?0[0-9_]+");

    private YamlSubset() {
    }

    /** Throws, placed at line and column, if {@code text} is not YAML or not of this subset. */
    static void check(String label, String text) throws InputException {
        int documents = 0;
        int depth = 0;
        // per open collection: the number of nodes read in it so far, negative for a list
        java.util.ArrayDeque<int[]> open = new java.util.ArrayDeque<>();
        try {
            for (Event event : new Yaml(loaderOptions()).parse(new StringReader(text))) {
                if (event instanceof NodeEvent && !open.isEmpty()) {
                    int[] read = open.peek();
                    if (read[0] >= 0 && read[0]++ % 2 == 0 && !(event instanceof ScalarEvent)) {
                        throw problem(label, event.getStartMark(), "a key must be plain text, not a "
                                + (event instanceof MappingStartEvent ? "mapping" : "list"));
                    }
                }
                if (event instanceof ScalarEvent scalar && scalar.isPlain() && LEADING_ZERO.matcher(scalar.getValue()).matches()) {
                    throw problem(label, event.getStartMark(), "'" + scalar.getValue() + "' has a leading zero, which some "
                            + "YAML readers take for an octal number: write it without the zero (or in quotes if it is text)");
                }
                if (event instanceof DocumentStartEvent start && ++documents > 1) {
                    throw problem(label, event.getStartMark(), "a second YAML document starts here"
                            + (start.getExplicit() ? " ('---')" : "") + "; an input file is one document: remove this "
                            + "line and what follows it, or split the file in two");
                }
                if (event instanceof AliasEvent alias) {
                    throw problem(label, event.getStartMark(), "anchors and aliases are not supported (*"
                            + alias.getAnchor() + "): write the value out");
                }
                if (event instanceof NodeEvent node && node.getAnchor() != null) {
                    throw problem(label, event.getStartMark(), "anchors and aliases are not supported (&"
                            + node.getAnchor() + "): write the value out where it is used");
                }
                String tag = event instanceof ScalarEvent scalar ? scalar.getTag()
                        : event instanceof CollectionStartEvent collection ? collection.getTag() : null;
                if (tag != null) {
                    throw problem(label, event.getStartMark(), "YAML tags are not supported ("
                            + tag.replaceFirst("^tag:yaml.org,2002:", "!!") + "): write the value plainly (text in quotes)");
                }
                if (event instanceof CollectionStartEvent && ++depth > MAX_DEPTH) {
                    throw problem(label, event.getStartMark(), "nested more than " + MAX_DEPTH + " levels deep");
                }
                if (event instanceof CollectionStartEvent) {
                    open.push(new int[] {event instanceof MappingStartEvent ? 0 : -1});
                }
                if (event instanceof CollectionEndEvent) {
                    depth--;
                    open.pop();
                }
            }
        } catch (MarkedYAMLException e) {
            Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            Mark context = e.getContextMark();
            // an unclosed bracket is found at the end of the file: say where it was opened
            String opened = context != null && at != null && context.getLine() != at.getLine() && e.getContext() != null
                    ? " (" + firstLine(e.getContext()) + " at line " + (context.getLine() + 1) + ", column "
                    + (context.getColumn() + 1) + ")" : "";
            throw problem(label, at, "not valid YAML: " + firstLine(problem) + opened);
        } catch (YAMLException e) {
            throw new InputException(label, "not valid YAML: " + firstLine(e.getMessage()));
        }
    }

    /**
     * SnakeYAML's options for input files: no limit of its own on their length (3 Mi code points by
     * default, below a scenario's 4 MiB), since {@link InputFiles} limits each kind of file, in
     * bytes, before it is parsed.
     */
    static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        return options;
    }

    private static InputException problem(String label, Mark at, String message) {
        return new InputException(label, at == null ? message
                : "line " + (at.getLine() + 1) + ", column " + (at.getColumn() + 1) + ": " + message);
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.strip().split("\\R", 2)[0];
    }
}
