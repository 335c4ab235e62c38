package marketsim.charts;

import java.awt.Color;

/** The viridis colour scale of heat maps, and the labels written in their cells. */
final class Viridis {
    private Viridis() {
    }

    /** Viridis (perceptually uniform, readable by colour-blind viewers) at nine stops, from 0 to 1. */
    private static final Color[] STOPS = {new Color(0x44, 0x01, 0x54), new Color(0x47, 0x2D, 0x7B),
        new Color(0x3B, 0x52, 0x8B), new Color(0x2C, 0x72, 0x8E), new Color(0x21, 0x91, 0x8C), new Color(0x28, 0xAE, 0x80),
        new Color(0x5E, 0xC9, 0x62), new Color(0xAD, 0xDC, 0x30), new Color(0xFD, 0xE7, 0x25)};
    /** Above this place on the viridis scale a cell is light enough for black text; below it, white. */
    static final double LIGHT = 0.55;

    /** The viridis colour at {@code t} (clamped to 0..1), interpolated linearly between its stops. */
    static Color at(double t) {
        double u = Math.max(0, Math.min(1, t)) * (STOPS.length - 1);
        int i = Math.min((int) u, STOPS.length - 2);
        double f = u - i;
        Color a = STOPS[i];
        Color b = STOPS[i + 1];
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    /** A cell's value with three significant digits, thousands separated ("1,230", "-0.0512", "45.6"). */
    static String cellLabel(double value) {
        if (value == 0) {
            return "0";
        }
        java.math.BigDecimal rounded = new java.math.BigDecimal(value).round(new java.math.MathContext(3));
        return new java.text.DecimalFormat("#,##0.######", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT))
                .format(rounded);
    }

}
