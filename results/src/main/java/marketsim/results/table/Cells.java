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

    /**
     * How a metric reads in a table: shares and margins (units starting "share") in percent, money in the scenario's
     * money unit, everything else as the metric says.
     */
    static String unit(Metric metric, String money) {
        String unit = metric.unit();
        if (percent(metric)) {
            return "%" + unit.substring("share".length());
        }
        return unit.replace("money", money);
    }

    /** Whether a metric is a share or ratio best read in percent (not a 0..1 stock or tilt). */
    static boolean percent(Metric metric) {
        return metric.unit().startsWith("share") && !metric.unit().contains("(0..1)");
    }

    /** What a metric's values are multiplied by to be shown (100 for percent). */
    static double scale(Metric metric) {
        return percent(metric) ? 100 : 1;
    }

    /** Decimals enough to read a number of this size: none from 1000, one from 10, else two (three below 1). */
    static int decimals(double shown, boolean percent) {
        double a = Math.abs(shown);
        if (percent) {
            return 1;
        }
        return a >= 1000 ? 0 : a >= 10 ? 1 : a >= 1 || a == 0 ? 2 : 3;
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
