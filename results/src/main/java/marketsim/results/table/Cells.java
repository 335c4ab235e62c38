package marketsim.results.table;

import java.util.Locale;

import marketsim.core.metrics.Metric;

/** Formatting shared by the printed tables: a metric column and its fixed-decimal cells. */
final class Cells {
    private Cells() {
    }

    /** A printed column: a metric, its title, a scale (100 for percent) and decimals. */
    record Column(Metric metric, String title, double scale, int decimals) {
    }

    /** Fixed decimals, signed if asked, without the "-0" that rounding a tiny negative gives. */
    static String fixed(double x, int decimals, boolean signed) {
        String text = String.format(Locale.ROOT, "%" + (signed ? "+" : "") + "." + decimals + "f", x);
        if (text.matches("[-+]?0\\.?0*")) {
            text = (signed ? "+" : "") + text.replaceFirst("^[-+]", "");
        }
        return text;
    }
}
