package marketsim.scenario.input;

import java.util.List;
import java.util.stream.Collectors;


/**
 * An input file that cannot be used, with every problem found in it: "{@code <Kind> <source> has
 * N problems:}", then each problem on its own line, then an optional pointer to the format's
 * description. Each kind of input ({@code ScenarioException}, the targets file's) is a subclass
 * naming itself; the reading tools here throw this class, and their callers rethrow as their kind.
 */
public class InputException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final transient List<Problem> problems;

    /** Problems of {@code source} (a file path or a built-in name), reported as an input of {@code kind}. */
    protected InputException(String kind, String source, List<Problem> problems, String help) {
        super(format(kind, source, problems, help));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** One problem with the whole of {@code source} (it cannot be read, or parsed). */
    public InputException(String source, String message) {
        this("Input", source, List.of(new Problem("", message)), "");
    }

    /** The file path or built-in name the problems are in. */
    public String source() {
        return source;
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * {@code text} as a message may show it: control characters a terminal would swallow or obey
     * written as escapes (a NUL as {@code \0}, a carriage return as {@code \r}, others by their code,
     * ESC as backslash-u001b); line breaks and tabs kept.
     */
    public static String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f;
            if (control && out == null) {
                out = new StringBuilder(text.substring(0, i));
            }
            if (out != null) {
                out.append(!control ? String.valueOf(c) : c == 0 ? "\\0" : c == '\r' ? "\\r"
                        : String.format("\\u%04x", (int) c));
            }
        }
        return out == null ? text : out.toString();
    }

    private static String format(String kind, String source, List<Problem> problems, String help) {
        String header = problems.size() == 1
                ? kind + " " + source + " has a problem:"
                : kind + " " + source + " has " + problems.size() + " problems:";
        return printable(header + problems.stream().map(p -> "\n  - " + p).collect(Collectors.joining())
                + (help.isEmpty() ? "" : "\n" + help));
    }
}
