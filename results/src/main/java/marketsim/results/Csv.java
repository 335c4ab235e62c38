package marketsim.results;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

import marketsim.core.metrics.Entity;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The CSV dialect of every results file: RFC 4180 with a header line and '\n' line ends;
 * numbers in a locale-independent form (a decimal point, never a comma); a missing value
 * (a ratio with nothing to divide) is an empty cell, which pandas and R read as NaN / NA.
 */
public final class Csv {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private Csv() {
    }

    public static CSVPrinter printer(Writer out, String... header) throws IOException {
        return new CSVPrinter(out, FORMAT.builder().setHeader(header).get());
    }

    /** A number as a CSV cell. */
    public static String number(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return "";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        StringBuilder out = new StringBuilder(24);
        return appendRounded(out, x) ? out.toString() : Double.toString(round(x));
    }

    /**
     * The number a reader gets back from {@link #number}'s cell for {@code x}: NaN for an empty cell (NaN or
     * infinite), else the value of the digits written. So what is drawn from a run in memory is what is drawn from
     * its files (CsvTest compares it with parsing the cell).
     */
    public static double asWritten(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.NaN;
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return (long) x; // written as a long: -0.0 reads back 0
        }
        return round(x);
    }

    /**
     * Rounds to {@value #SIGNIFICANT_DIGITS} significant digits, far beyond what Monte Carlo
     * error lets a run tell apart, so that binary noise such as 9.200000000000001 reads 9.2.
     */
    static double round(double x) {
        double magnitude = Math.abs(x);
        if (magnitude >= 1e15 || magnitude < 1e-300) {
            return x;
        }
        double scale = POWERS[SIGNIFICANT_DIGITS - 1 - (int) Math.floor(Math.log10(magnitude)) - LOWEST_POWER];
        double rounded = Math.round(x * scale) / scale;
        return Double.isFinite(rounded) ? rounded : x;
    }

    /**
     * Appends {@code Double.toString(round(x))} without {@code Double.toString} (on Java 17 most of the time of writing
     * a big CSV file), where that is easy to get exactly: for magnitudes from 1e-13 to 1e10, {@link #round}'s scale is
     * an exact power of ten, so the rounded value is the double nearest the decimal {@code m / 10^k} ({@code m} the
     * rounded significand, at most 11 digits), and the shortest decimal that gives that double back, which
     * Double.toString writes, is {@code m} without its trailing zeros: any other decimal of as few digits is at least
     * 1e-11 away, a million times a double's spacing. Laid out as Double.toString lays out: plain from 1e-3 to 1e7,
     * else {@code d.dddE-n}. Returns false, appending nothing, outside that range. {@code CsvTest} compares the two on
     * millions of values.
     */
    static boolean appendRounded(StringBuilder out, double x) {
        return appendRounded(out, x, new char[DIGITS]);
    }

    /** Room for a long's digits. */
    private static final int DIGITS = 20;

    /** As {@link #appendRounded(StringBuilder, double)}, the digits worked out in {@code scratch} (20 chars). */
    static boolean appendRounded(StringBuilder out, double x, char[] scratch) {
        double magnitude = Math.abs(x);
        if (!(magnitude >= 1e-13 && magnitude < 1e10)) {
            return false;
        }
        int k = SIGNIFICANT_DIGITS - 1 - (int) Math.floor(Math.log10(magnitude));
        if (k < 0 || k > EXACT_POWERS) {
            return false;
        }
        long m = Math.round(x * POWERS[k - LOWEST_POWER]);
        long digits = Math.abs(m);
        if (digits == 0) {
            return false;
        }
        while (digits % 10 == 0) {
            digits /= 10;
            k--;
        }
        // the significand's digits (at most 11) into the end of scratch, right to left: no String per number
        int at = DIGITS;
        for (long rest = digits; rest != 0; rest /= 10) {
            scratch[--at] = (char) ('0' + (int) (rest % 10));
        }
        int count = DIGITS - at;
        int exponent = count - 1 - k; // of the leading digit
        if (m < 0) {
            out.append('-');
        }
        if (exponent >= -3 && exponent < 7) {
            if (exponent >= 0) {
                if (count > exponent + 1) {
                    out.append(scratch, at, exponent + 1).append('.')
                            .append(scratch, at + exponent + 1, count - exponent - 1);
                } else {
                    out.append(scratch, at, count);
                    for (int z = count; z < exponent + 1; z++) {
                        out.append('0');
                    }
                    out.append(".0");
                }
            } else {
                out.append("0.");
                for (int z = -1; z > exponent; z--) {
                    out.append('0');
                }
                out.append(scratch, at, count);
            }
        } else {
            out.append(scratch[at]).append('.');
            if (count > 1) {
                out.append(scratch, at + 1, count - 1);
            } else {
                out.append('0');
            }
            out.append('E').append(exponent);
        }
        return true;
    }

    /** The largest power of ten a double holds exactly, 10^22. */
    private static final int EXACT_POWERS = 22;

    private static final int SIGNIFICANT_DIGITS = 10;
    /**
     * The scales {@link #round} takes, 10^(digits - 1 - e) for the decimal exponents e of magnitudes from 1e-300 to
     * 1e15 (and e = -301, should log10's last bit fall below a power of ten): a table, not a Math.pow per cell.
     */
    private static final int LOWEST_POWER = SIGNIFICANT_DIGITS - 1 - 15;
    private static final double[] POWERS = new double[SIGNIFICANT_DIGITS - 1 + 302 - LOWEST_POWER];

    static {
        for (int k = 0; k < POWERS.length; k++) {
            POWERS[k] = Math.pow(10, k + LOWEST_POWER); // Math.pow's own values: the same roundings as before
        }
    }

    /**
     * Rows of a CSV file in this dialect, byte for byte what a {@link #printer} writes, without its per-cell
     * checks and strings: a number is appended as {@link #number} would give it, and a text cell is quoted as
     * commons-csv would quote it (worked out once per distinct text). For the big files (timeseries.csv,
     * aggregate.csv, a sweep's runs.csv), where the printer's way spent most of the writing time.
     */
    public static final class Rows implements java.io.Closeable, java.io.Flushable {
        /** Characters gathered before they go to the writer. */
        private static final int CHUNK = 1 << 16;
        private final Writer out;
        private final StringBuilder chunk = new StringBuilder(CHUNK + 4096);
        private final java.util.Map<String, String> quoted = new java.util.HashMap<>();
        /** Where {@link Csv#appendRounded} works out a number's digits. */
        private final char[] digits = new char[DIGITS];
        private boolean first = true;

        public Rows(Writer out, String... header) throws IOException {
            this.out = out;
            for (String column : header) {
                text(column);
            }
            end();
        }

        /** A text cell. */
        public Rows text(String value) {
            if (first) {
                chunk.append(FORMAT.format(value)); // rare: a row that starts with text
                first = false;
            } else {
                chunk.append(',').append(quoted.computeIfAbsent(value, v -> FORMAT.format("x", v).substring(2)));
            }
            return this;
        }

        /** A number cell, as {@link Csv#number}. */
        public Rows number(double x) {
            boolean empty = Double.isNaN(x) || Double.isInfinite(x);
            if (first) {
                first = false;
                if (empty) {
                    chunk.append("\"\""); // commons-csv quotes an empty first cell
                    return this;
                }
            } else {
                chunk.append(',');
            }
            if (empty) {
                return this;
            }
            if (x == Math.rint(x) && Math.abs(x) < 1e15) {
                chunk.append((long) x);
            } else if (!appendRounded(chunk, x, digits)) {
                chunk.append(round(x)); // the digits of Double.toString
            }
            return this;
        }

        /** A whole-number cell. */
        public Rows integer(long x) {
            if (!first) {
                chunk.append(',');
            }
            first = false;
            chunk.append(x);
            return this;
        }

        /** An entity's three cells: type, name, archetype. */
        public Rows entity(Entity entity) {
            return text(entity.type().key()).text(entity.name()).text(entity.archetype());
        }

        /** Ends the row. */
        public void end() throws IOException {
            chunk.append('\n');
            first = true;
            if (chunk.length() >= CHUNK) {
                out.append(chunk);
                chunk.setLength(0);
            }
        }

        @Override
        public void flush() throws IOException {
            out.append(chunk);
            chunk.setLength(0);
            out.flush();
        }

        /** Flushes and closes the writer. */
        @Override
        public void close() throws IOException {
            try (out) {
                flush();
            }
        }
    }

    /**
     * Longest name {@link #fileName} gives: a file name may have 255 bytes, and the name is often a
     * part of one (a journal's {@code .sweep-NAME-HASH.journal}, a staging folder's {@code .NAME.partial-N}).
     */
    public static final int MAX_FILE_NAME = 120;


    /**
     * A name (a variant, a scenario) as a file name: letters, digits, dot, dash and underscore kept,
     * anything else replaced by '_'; a name longer than {@link #MAX_FILE_NAME} is cut and ends with
     * 8 hex digits of its hash, so that two long names differing only at the end stay two files.
     */
    public static String fileName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]+", "_");
        if (safe.length() <= MAX_FILE_NAME) {
            return safe;
        }
        String hash = String.format(Locale.ROOT, "%08x", name.hashCode());
        return safe.substring(0, MAX_FILE_NAME - hash.length() - 1) + "-" + hash;
    }

    public static void addEntity(List<String> row, Entity entity) {
        row.add(entity.type().key());
        row.add(entity.name());
        row.add(entity.archetype());
    }
}
