package marketsim.cli;

import java.util.Arrays;
import java.util.List;

import marketsim.results.table.Layout;
import marketsim.scenario.input.Suggestions;
import picocli.CommandLine.Option;

/** {@code --format} and {@code --width}: how the commands that print tables lay them out. */
final class TableOptions {
    @Option(names = "--format", paramLabel = "FORMAT",
            description = "How tables print: table (aligned text, the default), csv (the rows alone, unrounded, for a "
                    + "spreadsheet or a pipe; the closing lines go to standard error) or markdown.")
    String format;

    @Option(names = "--width", paramLabel = "COLUMNS",
            description = "Most characters a table line takes (default: $COLUMNS, else " + Layout.DEFAULT_WIDTH
                    + "); a wider table continues below, its first column repeated.")
    Integer width;

    /** The layout asked for: --format, --width, else $COLUMNS, else the default width. */
    Layout layout() throws BadInputException {
        Layout.Format f = Layout.Format.TABLE;
        if (format != null) {
            f = Layout.Format.of(format.strip());
            if (f == null) {
                List<String> keys = Arrays.stream(Layout.Format.values()).map(Layout.Format::key).toList();
                throw new BadInputException("--format " + format + ": must be one of " + String.join(", ", keys)
                        + Suggestions.didYouMean(format.strip(), keys));
            }
        }
        if (width != null) {
            if (width < Layout.MIN_WIDTH || width > Layout.MAX_WIDTH) {
                throw new BadInputException("--width " + width + ": must be from " + Layout.MIN_WIDTH + " to "
                        + Layout.MAX_WIDTH + " characters");
            }
            return new Layout(f, width);
        }
        return new Layout(f, terminalWidth(System.getenv("COLUMNS")));
    }

    /** $COLUMNS when it is a width we can use (shells set it for interactive terminals), else the default. */
    static int terminalWidth(String columns) {
        try {
            int w = columns == null ? Layout.DEFAULT_WIDTH : Integer.parseInt(columns.strip());
            return w < Layout.MIN_WIDTH || w > Layout.MAX_WIDTH ? Layout.DEFAULT_WIDTH : w;
        } catch (NumberFormatException e) {
            return Layout.DEFAULT_WIDTH;
        }
    }
}
