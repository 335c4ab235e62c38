package marketsim.results.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a printed table is laid out: as aligned text no wider than the terminal, as CSV (for a
 * spreadsheet or a pipe) or as a Markdown table (for a note). A text table wider than the width
 * is wrapped by columns: the columns that fit come first, the rest follow in further blocks, each
 * repeating the first column, so no row is cut and no line overflows (R prints wide data frames
 * so). Cells are never abbreviated: a number cut short is a wrong number.
 *
 * @param format how the table is written
 * @param width  the most characters a text line may take (text format only)
 */
public record Layout(Format format, int width) {
    /** The width when neither {@code --width} nor {@code $COLUMNS} says one. */
    public static final int DEFAULT_WIDTH = 100;
    /** The narrowest width accepted: below it, not even a label and one number fit. */
    public static final int MIN_WIDTH = 40;
    /** The widest width accepted (a wide terminal on a large screen). */
    public static final int MAX_WIDTH = 1000;
    /** What the tables print when the command is not told otherwise. */
    public static final Layout TEXT = new Layout(Format.TABLE, DEFAULT_WIDTH);

    /** A table's written form; the names are the {@code --format} values. */
    public enum Format {
        TABLE, CSV, MARKDOWN;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The format named {@code key}, or null. */
        public static Format of(String key) {
            return Arrays.stream(values()).filter(f -> f.key().equals(key)).findFirst().orElse(null);
        }
    }

    /** Whether the table goes out as data (CSV): then nothing but the table belongs on standard output. */
    public boolean data() {
        return format == Format.CSV;
    }

    /**
     * Renders {@code rows} (the first is the header); column 0 is left-aligned, the rest right-aligned, each line
     * after {@code indent}.
     */
    public String render(List<String[]> rows, String indent) {
        return render(rows, indent, 1);
    }

    /**
     * As {@link #render(List, String)}, a text table split into blocks repeating its first {@code keys} columns
     * (those that say what a row is, e.g. a sweep's point and parameter values) when they take at most half the
     * width, else only the first.
     */
    public String render(List<String[]> rows, String indent, int keys) {
        return switch (format) {
            case CSV -> csv(rows);
            case MARKDOWN -> markdown(rows);
            case TABLE -> text(rows, indent, keys);
        };
    }

    /**
     * Prose lines (notes under a table) folded at spaces to the width, each continuation indented two spaces more
     * than its line; unchanged for CSV and Markdown, and a word longer than the width is left whole.
     */
    public String wrap(String text) {
        if (format != Format.TABLE) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\\R", -1);
        for (int l = 0; l < lines.length; l++) {
            String line = lines[l];
            String indent = line.substring(0, line.length() - line.stripLeading().length()) + "  ";
            while (line.length() > width) {
                int cut = line.lastIndexOf(' ', width);
                if (cut <= indent.length()) {
                    break;
                }
                out.append(line, 0, cut).append(System.lineSeparator());
                line = indent + line.substring(cut + 1);
            }
            out.append(line);
            if (l < lines.length - 1) {
                out.append(System.lineSeparator());
            }
        }
        return out.toString();
    }

    /** The narrowest a column of words is folded to before the table is split into blocks instead. */
    private static final int MIN_FOLDED = 16;

    private String text(List<String[]> rows, String indent, int keys) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        fold(rows, widths, indent.length());
        StringBuilder out = new StringBuilder();
        int repeated = 1;
        int keyWidth = widths[0];
        for (int c = 1; c < Math.min(keys, columns); c++) {
            keyWidth += 2 + widths[c];
        }
        if (keys > 1 && keys < columns && indent.length() + keyWidth <= width / 2) {
            repeated = keys;
        } else {
            keyWidth = widths[0];
        }
        int from = repeated;
        while (from < columns || from == repeated) {
            // the key columns, then as many of the rest as fit in the width (at least one)
            int used = indent.length() + keyWidth;
            int to = from;
            while (to < columns && (to == from || used + 2 + widths[to] <= width)) {
                used += 2 + widths[to];
                to++;
            }
            if (from > repeated) {
                out.append(System.lineSeparator());
            }
            block(out, rows, widths, indent, repeated, from, to);
            if (to >= columns) {
                break;
            }
            from = to;
        }
        return out.toString();
    }

    /**
     * Narrows columns of words (not the first, not numbers), the widest first, to fit the width: their cells are
     * then folded over several lines. Stops at {@link #MIN_FOLDED} characters or a column's longest word.
     */
    private void fold(List<String[]> rows, int[] widths, int indent) {
        int total = indent + Arrays.stream(widths).sum() + 2 * Math.max(0, widths.length - 1);
        while (total > width) {
            int widest = -1;
            for (int c = 1; c < widths.length; c++) {
                if (!numeric(rows, c) && widths[c] > Math.max(MIN_FOLDED, longestWord(rows, c))
                        && (widest < 0 || widths[c] > widths[widest])) {
                    widest = c;
                }
            }
            if (widest < 0) {
                return;
            }
            widths[widest]--; // a character at a time, so the wide columns narrow together
            total--;
        }
    }

    private static int longestWord(List<String[]> rows, int c) {
        int longest = 0;
        for (String[] row : rows) {
            for (String word : cell(row, c).split(" ")) {
                longest = Math.max(longest, word.length());
            }
        }
        return longest;
    }

    /** A cell's text folded at spaces into lines of at most {@code width} characters. */
    private static List<String> lines(String text, int width) {
        List<String> out = new ArrayList<>();
        String rest = text;
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            if (cut <= 0) {
                break;
            }
            out.add(rest.substring(0, cut));
            rest = rest.substring(cut + 1);
        }
        out.add(rest);
        return out;
    }

    private static void block(StringBuilder out, List<String[]> rows, int[] widths, String indent, int keys, int from,
                              int to) {
        boolean[] left = new boolean[widths.length];
        for (int c = 1; c < to; c++) {
            left[c] = !numeric(rows, c);
        }
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            List<List<String>> cells = new ArrayList<>();
            int height = 1;
            for (int c = 0; c < widths.length; c++) {
                List<String> folded = lines(cell(row, c), widths[c]);
                cells.add(folded);
                if (c < keys || c >= from && c < to) {
                    height = Math.max(height, folded.size());
                }
            }
            int length = 0;
            for (int k = 0; k < height; k++) {
                StringBuilder line = new StringBuilder(indent);
                line.append(pad(part(cells.get(0), k), widths[0], true));
                for (int c = 1; c < keys; c++) {
                    line.append("  ").append(pad(part(cells.get(c), k), widths[c], left[c]));
                }
                for (int c = from; c < to; c++) {
                    line.append("  ").append(pad(part(cells.get(c), k), widths[c], left[c]));
                }
                String text = line.toString().stripTrailing();
                length = Math.max(length, line.length());
                out.append(text).append(System.lineSeparator());
            }
            if (r == 0) {
                out.append(indent).append("-".repeat(Math.max(0, length - indent.length())))
                        .append(System.lineSeparator());
            }
        }
    }

    private static String part(List<String> lines, int k) {
        return k < lines.size() ? lines.get(k) : "";
    }

    /** A number as the tables print it: "12.5", "-3,655", "1.2e-05", "74.5 +- 0.1", "+0.3 pp [-0.6, 1.1]". */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile(
            "[-+]?[0-9][0-9.,]*(e[-+]?[0-9]+)?%?( pp)?( \\+- [0-9.,e-]+)?( \\[[-+0-9.,e ]*\\])?");

    /** Whether a column holds numbers (right-aligned) rather than names (left-aligned): every cell under its header. */
    private static boolean numeric(List<String[]> rows, int c) {
        for (int r = 1; r < rows.size(); r++) {
            String cell = cell(rows.get(r), c);
            if (!cell.isEmpty() && !cell.equals("n/a") && !NUMBER.matcher(cell).matches()) {
                return false;
            }
        }
        return true;
    }

    private static String cell(String[] row, int c) {
        return c < row.length ? row[c] : "";
    }

    private static String pad(String s, int width, boolean left) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return left ? s + fill : fill + s;
    }

    private static String csv(List<String[]> rows) {
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            List<String> cells = new ArrayList<>();
            for (String cell : row) {
                cells.add(cell.matches(".*[,\"\\r\\n].*") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
            }
            out.append(String.join(",", cells)).append(System.lineSeparator());
        }
        return out.toString();
    }

    private static String markdown(List<String[]> rows) {
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            List<String> cells = new ArrayList<>();
            for (String cell : rows.get(r)) {
                cells.add(cell.replace("|", "\\|"));
            }
            out.append("| ").append(String.join(" | ", cells)).append(" |").append(System.lineSeparator());
            if (r == 0) {
                List<String> rule = new ArrayList<>();
                for (int c = 0; c < rows.get(0).length; c++) {
                    rule.add(c == 0 ? "---" : "---:");
                }
                out.append("|").append(String.join("|", rule)).append("|").append(System.lineSeparator());
            }
        }
        return out.toString();
    }
}
