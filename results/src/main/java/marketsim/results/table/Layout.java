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
        return switch (format) {
            case CSV -> csv(rows);
            case MARKDOWN -> markdown(rows);
            case TABLE -> text(rows, indent);
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

    private String text(List<String[]> rows, String indent) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        int from = 1;
        while (from < columns || from == 1) {
            // the first column, then as many of the rest as fit in the width (at least one)
            int used = indent.length() + widths[0];
            int to = from;
            while (to < columns && (to == from || used + 2 + widths[to] <= width)) {
                used += 2 + widths[to];
                to++;
            }
            if (from > 1) {
                out.append(System.lineSeparator());
            }
            block(out, rows, widths, indent, from, to);
            if (to >= columns) {
                break;
            }
            from = to;
        }
        return out.toString();
    }

    private static void block(StringBuilder out, List<String[]> rows, int[] widths, String indent, int from, int to) {
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            StringBuilder line = new StringBuilder(indent);
            line.append(pad(cell(row, 0), widths[0], true));
            for (int c = from; c < to; c++) {
                line.append("  ").append(pad(cell(row, c), widths[c], !numeric(rows, c)));
            }
            String text = line.toString().stripTrailing();
            out.append(text).append(System.lineSeparator());
            if (r == 0) {
                out.append(indent).append("-".repeat(Math.max(0, text.length() - indent.length())))
                        .append(System.lineSeparator());
            }
        }
    }

    /** Whether a column holds numbers (right-aligned) rather than names (left-aligned): every cell under its header. */
    private static boolean numeric(List<String[]> rows, int c) {
        for (int r = 1; r < rows.size(); r++) {
            String cell = cell(rows.get(r), c);
            if (!cell.isEmpty() && !cell.equals("n/a") && !cell.matches("[-+]?[0-9].*")) {
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
