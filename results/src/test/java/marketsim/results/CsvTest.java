package marketsim.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

class CsvTest {
    /**
     * The fast digits ({@link Csv#putRounded}) are Double.toString's of the rounded value, character for character:
     * 3,000,000 values (a fixed seed) spread evenly over the logarithm of magnitudes 1e-14 to 1e11 with either sign,
     * decimals of a few digits as money and shares are, and values next to the layout's boundaries (1e-3, 1e7) and
     * to powers of ten, where rounding carries into a new digit. Any difference fails: the files must not change.
     */
    @Test
    void fastDigitsAreDoubleToStringsOfTheRoundedValue() {
        SplittableRandom random = new SplittableRandom(20261206);
        int checked = 0;
        byte[] cell = new byte[32];
        byte[] scratch = new byte[20]; // reused, as a file's rows reuse theirs: a longer number's digits stay in it
        for (int n = 0; n < 3_000_000; n++) {
            double x = switch (n % 4) {
                case 0 -> Math.pow(10, -14 + 25 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
                case 1 -> random.nextLong(-100_000_000_000L, 100_000_000_000L) / Math.pow(10, random.nextInt(0, 14));
                case 2 -> Math.pow(10, random.nextInt(-13, 11)) * (1 + (random.nextInt(-5, 6) * Math.ulp(1.0)))
                        * (1 - random.nextInt(0, 2) * 1e-11 * random.nextDouble());
                default -> (random.nextBoolean() ? 1e-3 : 1e7) * (1 + (random.nextDouble() - 0.5) * 1e-9);
            };
            if (x == Math.rint(x) || Double.isNaN(x)) {
                continue; // whole numbers are written as longs before this
            }
            int end = Csv.putRounded(cell, 0, x, scratch);
            if (end >= 0) {
                checked++;
                String expected = Double.toString(Csv.round(x));
                String written = new String(cell, 0, end, StandardCharsets.US_ASCII);
                if (!written.equals(expected)) {
                    assertThat(written).as("x = %s (bits %x)", x, Double.doubleToRawLongBits(x)).isEqualTo(expected);
                }
            }
        }
        assertThat(checked).as("most values take the fast way").isGreaterThan(2_000_000);
    }

    @Test
    void textThatIsNotValidUtf16IsRefusedAsTheEncoderRefusedIt() throws Exception {
        try (Csv.Rows rows = new Csv.Rows(new ByteArrayOutputStream(), "a", "b")) {
            rows.integer(1);
            assertThatThrownBy(() -> rows.text("lone \ud800 surrogate"))
                    .isInstanceOf(CharacterCodingException.class);
        }
    }

    /**
     * What a run's charts draw from memory ({@link Csv#asWritten}) is what they would read back from its files: the
     * cell's value, bit for bit, on 1,000,000 values of every kind a file holds (whole numbers, -0, NaN, infinities,
     * the fast digits' range and beyond it).
     */
    @Test
    void aValueAsWrittenIsTheValueItsCellReadsBack() {
        SplittableRandom random = new SplittableRandom(20261207);
        for (int n = 0; n < 1_000_000; n++) {
            double x = switch (n % 5) {
                case 0 -> Math.pow(10, -320 + 640 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
                case 1 -> random.nextLong(-100_000_000_000L, 100_000_000_000L) / Math.pow(10, random.nextInt(0, 14));
                case 2 -> (double) random.nextLong(-(1L << 55), 1L << 55);
                case 3 -> new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
                        Double.MIN_VALUE, -Double.MAX_VALUE, 1e15, 999_999_999_999_999.0}[random.nextInt(9)];
                default -> Double.longBitsToDouble(random.nextLong());
            };
            String cell = Csv.number(x);
            double read = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
            if (Double.doubleToLongBits(read) != Double.doubleToLongBits(Csv.asWritten(x))) {
                assertThat(Csv.asWritten(x)).as("x = %s, cell '%s'", x, cell).isEqualTo(read);
            }
        }
    }

    @Test
    void fileNamesKeepSafeCharactersAndStayShortAndDistinct() {
        assertThat(Csv.fileName("jeo-baseline platform.take_rate=0.25")).isEqualTo("jeo-baseline_platform.take_rate_0.25");
        String a = Csv.fileName("x".repeat(300) + "a");
        String b = Csv.fileName("x".repeat(300) + "b");
        assertThat(a).hasSizeLessThanOrEqualTo(Csv.MAX_FILE_NAME).startsWith("x".repeat(100)).isNotEqualTo(b);
        assertThat(b).hasSizeLessThanOrEqualTo(Csv.MAX_FILE_NAME);
    }

    /**
     * The fast rows of timeseries.csv, aggregate.csv and summary.csv write byte for byte what the commons-csv printer
     * wrote before them (golden outputs hold the files; this holds the cells no built-in scenario happens to have):
     * numbers of every magnitude and sign, whole numbers, NaN and infinities (empty cells, quoted when first in a row),
     * and text that needs quoting (commas, quotes, line ends, a leading '#' or space, a trailing space, empty).
     */
    @Test
    void rowsWriteWhatThePrinterWrote() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        List<Object> cells = new ArrayList<>(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                0.0, -0.0, 1.0, -3.0, 1e15, 9.999999999999e14, 1e-300, 4.9e-324, Double.MAX_VALUE, 9.200000000000001,
                0.1 + 0.2, 123456789.123456789, -0.000123456789012, 1e-5, 1e7, 12345678.9, "plain", "a,b", "say \"hi\"",
                "two\nlines", "cr\r", "#hash", " lead", "trail ", "", "tab\t", "ünï",
                "a cell longer than the rows' buffer, \"quoted\", ünï: " + "x".repeat(100_000)));
        for (int k = 0; k < 5_000; k++) {
            double magnitude = Math.pow(10, random.nextInt(-320, 320));
            cells.add((random.nextBoolean() ? 1 : -1) * random.nextDouble() * magnitude);
            cells.add((double) random.nextLong(-2_000_000_000_000_000L, 2_000_000_000_000_000L));
        }
        for (int first = 0; first < cells.size(); first += 1_009) { // each kind of cell first in a row too
            ByteArrayOutputStream fast = new ByteArrayOutputStream();
            StringWriter printed = new StringWriter();
            String[] header = {"a", "b,c", ""};
            try (Csv.Rows rows = new Csv.Rows(fast, header);
                 CSVPrinter printer = Csv.printer(printed, header)) {
                List<String> row = new ArrayList<>();
                for (int k = 0; k < cells.size(); k++) {
                    Object cell = cells.get((first + k) % cells.size());
                    if (cell instanceof Double x) {
                        rows.number(x);
                        row.add(Csv.number(x));
                    } else {
                        rows.text((String) cell);
                        row.add((String) cell);
                    }
                    if (k % 7 == 6) {
                        rows.end();
                        printer.printRecord(row);
                        row.clear();
                    }
                }
                rows.integer(-42).integer(Long.MAX_VALUE).integer(Long.MIN_VALUE).end();
                row.add("-42");
                row.add(Long.toString(Long.MAX_VALUE));
                row.add(Long.toString(Long.MIN_VALUE));
                printer.printRecord(row);
            }
            assertThat(fast.toString(StandardCharsets.UTF_8)).isEqualTo(printed.toString());
        }
    }

    /** The table of powers of ten rounds every cell as Math.pow did, across the whole range of magnitudes. */
    @Test
    void roundingByTableIsRoundingByPow() {
        SplittableRandom random = new SplittableRandom(11);
        for (int k = 0; k < 200_000; k++) {
            double x = (random.nextBoolean() ? 1 : -1) * random.nextDouble() * Math.pow(10, random.nextInt(-302, 17));
            double magnitude = Math.abs(x);
            double expected = x;
            if (magnitude < 1e15 && magnitude >= 1e-300) {
                double scale = Math.pow(10, 10 - 1 - (int) Math.floor(Math.log10(magnitude)));
                double rounded = Math.round(x * scale) / scale;
                expected = Double.isFinite(rounded) ? rounded : x;
            }
            assertThat(Csv.round(x)).as("%s", x).isEqualTo(expected);
        }
    }
}
