package marketsim.core;

import java.util.Locale;

/** What a {@link LiveLever}'s value is, and how the levers show and step it. */
public enum LeverScale {
    /** A share, shown in whole percent (0.15: "15%"), stepped by 1%. */
    SHARE(0.01),
    /** A number, shown with two decimals, stepped by 0.05. */
    NUMBER(0.05),
    /** A whole number. */
    COUNT(1),
    /** Money a tick, shown and stepped in whole money units. */
    MONEY(1),
    /** A price, money a unit, shown and stepped in hundredths. */
    PRICE(0.01),
    /** 0 (off) or 1 (on). */
    SWITCH(1);

    private final double step;

    LeverScale(double step) {
        this.step = step;
    }

    /** The smallest move a slider makes, in the lever's own unit. */
    public double step() {
        return step;
    }

    /** The value as the levers show it: "15%", "1.50", "2", "on". */
    public String format(double value) {
        return switch (this) {
            case SHARE -> String.format(Locale.ROOT, "%.0f%%", 100 * value);
            case NUMBER, PRICE -> String.format(Locale.ROOT, "%.2f", value);
            case COUNT, MONEY -> String.format(Locale.ROOT, "%.0f", value);
            case SWITCH -> value != 0 ? "on" : "off";
        };
    }
}
