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
        return Double.toString(round(x));
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
        double scale = Math.pow(10, SIGNIFICANT_DIGITS - 1 - (int) Math.floor(Math.log10(magnitude)));
        double rounded = Math.round(x * scale) / scale;
        return Double.isFinite(rounded) ? rounded : x;
    }

    private static final int SIGNIFICANT_DIGITS = 10;

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
