package marketsim.results;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
        byte[] cell = new byte[CELL];
        int end = putRounded(cell, 0, x, new byte[DIGITS]);
        return end >= 0 ? new String(cell, 0, end, StandardCharsets.US_ASCII) : Double.toString(round(x));
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

    /** Room for a long's digits. */
    private static final int DIGITS = 20;
    /** Room for any cell {@link #putRounded} or {@link #putLong} writes: a sign, digits, point, zeros, exponent. */
    private static final int CELL = 32;

    /**
     * Writes {@code Double.toString(round(x))} without {@code Double.toString} (on Java 17 most of the time of writing
     * a big CSV file), where that is easy to get exactly: for magnitudes from 1e-13 to 1e10, {@link #round}'s scale is
     * an exact power of ten, so the rounded value is the double nearest the decimal {@code m / 10^k} ({@code m} the
     * rounded significand, at most 11 digits), and the shortest decimal that gives that double back, which
     * Double.toString writes, is {@code m} without its trailing zeros: any other decimal of as few digits is at least
     * 1e-11 away, a million times a double's spacing. Laid out as Double.toString lays out: plain from 1e-3 to 1e7,
     * else {@code d.dddE-n}. Returns -1, writing nothing, outside that range. {@code CsvTest} compares the two on
     * millions of values.
     * In ASCII bytes into {@code out} from {@code at} (at least {@value #CELL} free), the digits worked out in
     * {@code scratch} ({@value #DIGITS} bytes); returns where the cell ends.
     */
    static int putRounded(byte[] out, int at, double x, byte[] scratch) {
        double magnitude = Math.abs(x);
        if (!(magnitude >= 1e-13 && magnitude < 1e10)) {
            return -1;
        }
        int k = SIGNIFICANT_DIGITS - 1 - (int) Math.floor(Math.log10(magnitude));
        if (k < 0 || k > EXACT_POWERS) {
            return -1;
        }
        long m = Math.round(x * POWERS[k - LOWEST_POWER]);
        long digits = Math.abs(m);
        if (digits == 0) {
            return -1;
        }
        while (digits % 10 == 0) {
            digits /= 10;
            k--;
        }
        // the significand's digits (at most 11) into the end of scratch, right to left: no String per number
        int from = DIGITS;
        for (long rest = digits; rest != 0; rest /= 10) {
            scratch[--from] = (byte) ('0' + (int) (rest % 10));
        }
        int count = DIGITS - from;
        int exponent = count - 1 - k; // of the leading digit
        int p = at;
        if (m < 0) {
            out[p++] = '-';
        }
        if (exponent >= -3 && exponent < 7) {
            if (exponent >= 0) {
                if (count > exponent + 1) {
                    p = put(out, p, scratch, from, exponent + 1);
                    out[p++] = '.';
                    p = put(out, p, scratch, from + exponent + 1, count - exponent - 1);
                } else {
                    p = put(out, p, scratch, from, count);
                    for (int z = count; z < exponent + 1; z++) {
                        out[p++] = '0';
                    }
                    out[p++] = '.';
                    out[p++] = '0';
                }
            } else {
                out[p++] = '0';
                out[p++] = '.';
                for (int z = -1; z > exponent; z--) {
                    out[p++] = '0';
                }
                p = put(out, p, scratch, from, count);
            }
        } else {
            out[p++] = scratch[from];
            out[p++] = '.';
            if (count > 1) {
                p = put(out, p, scratch, from + 1, count - 1);
            } else {
                out[p++] = '0';
            }
            out[p++] = 'E';
            p = putLong(out, p, exponent, scratch);
        }
        return p;
    }

    /** {@code length} bytes of {@code from} from {@code start} into {@code out} at {@code at}; returns the end. */
    private static int put(byte[] out, int at, byte[] from, int start, int length) {
        System.arraycopy(from, start, out, at, length);
        return at + length;
    }

    /** {@code Long.toString(x)}'s ASCII bytes into {@code out} at {@code at}, by way of {@code scratch}; the end. */
    static int putLong(byte[] out, int at, long x, byte[] scratch) {
        if (x == Long.MIN_VALUE) {
            byte[] text = Long.toString(x).getBytes(StandardCharsets.US_ASCII);
            return put(out, at, text, 0, text.length);
        }
        int p = at;
        if (x < 0) {
            out[p++] = '-';
        }
        int from = DIGITS;
        long rest = Math.abs(x);
        do {
            scratch[--from] = (byte) ('0' + (int) (rest % 10));
            rest /= 10;
        } while (rest != 0);
        return put(out, p, scratch, from, DIGITS - from);
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
     * Rows of a CSV file in this dialect, byte for byte what a {@link #printer} writes in UTF-8, without its per-cell
     * checks and strings: a number is laid out in ASCII as {@link #number} would give it, and a text cell is quoted as
     * commons-csv would quote it and encoded (worked out once per distinct text), straight into a buffer of bytes
     * that goes to the stream as it fills (no characters to encode, no String per buffer). For the big files
     * (timeseries.csv, aggregate.csv, summary.csv), where the printer's way spent most of the writing time.
     */
    public static final class Rows implements Closeable, Flushable {
        /** Bytes gathered before they go to the stream. */
        private static final int CHUNK = 1 << 16;
        private final OutputStream out;
        private byte[] buffer = new byte[CHUNK + 4096];
        private int length;
        private final Map<String, byte[]> quoted = new HashMap<>();
        /** Where a number's digits are worked out. */
        private final byte[] digits = new byte[DIGITS];
        private boolean first = true;

        public Rows(OutputStream out, String... header) throws IOException {
            this.out = out;
            for (String column : header) {
                text(column);
            }
            end();
        }

        /** A text cell. Text that is not valid UTF-16 (a lone surrogate) is refused, as an encoder refuses it. */
        public Rows text(String value) throws CharacterCodingException {
            if (first) {
                put(utf8(FORMAT.format(value))); // rare: a row that starts with text
                first = false;
            } else {
                room(1);
                buffer[length++] = ',';
                byte[] bytes = quoted.get(value);
                if (bytes == null) {
                    bytes = utf8(FORMAT.format("x", value).substring(2));
                    quoted.put(value, bytes);
                }
                put(bytes);
            }
            return this;
        }

        private static byte[] utf8(String text) throws CharacterCodingException {
            ByteBuffer bytes = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(text));
            return Arrays.copyOfRange(bytes.array(), bytes.arrayOffset() + bytes.position(),
                    bytes.arrayOffset() + bytes.limit());
        }

        /** A number cell, as {@link Csv#number}. */
        public Rows number(double x) {
            room(CELL + 3);
            boolean empty = Double.isNaN(x) || Double.isInfinite(x);
            if (first) {
                first = false;
                if (empty) {
                    buffer[length++] = '"'; // commons-csv quotes an empty first cell
                    buffer[length++] = '"';
                    return this;
                }
            } else {
                buffer[length++] = ',';
            }
            if (empty) {
                return this;
            }
            if (x == Math.rint(x) && Math.abs(x) < 1e15) {
                length = putLong(buffer, length, (long) x, digits);
            } else {
                int end = putRounded(buffer, length, x, digits);
                if (end >= 0) {
                    length = end;
                } else {
                    put(Double.toString(round(x)).getBytes(StandardCharsets.US_ASCII)); // Double.toString's digits
                }
            }
            return this;
        }

        /** A whole-number cell. */
        public Rows integer(long x) {
            room(CELL + 1);
            if (!first) {
                buffer[length++] = ',';
            }
            first = false;
            length = putLong(buffer, length, x, digits);
            return this;
        }

        /** An entity's three cells: type, name, archetype. */
        public Rows entity(Entity entity) throws CharacterCodingException {
            return text(entity.type().key()).text(entity.name()).text(entity.archetype());
        }

        /** Ends the row. */
        public void end() throws IOException {
            room(1);
            buffer[length++] = '\n';
            first = true;
            if (length >= CHUNK) {
                out.write(buffer, 0, length);
                length = 0;
            }
        }

        private void put(byte[] bytes) {
            room(bytes.length);
            System.arraycopy(bytes, 0, buffer, length, bytes.length);
            length += bytes.length;
        }

        /** Room for {@code bytes} more in the buffer (a long text cell may need more than a chunk's spare). */
        private void room(int bytes) {
            if (length + bytes > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(2 * buffer.length, length + bytes));
            }
        }

        @Override
        public void flush() throws IOException {
            out.write(buffer, 0, length);
            length = 0;
            out.flush();
        }

        /** Flushes and closes the stream. */
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
