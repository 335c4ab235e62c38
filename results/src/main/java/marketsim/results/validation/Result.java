package marketsim.results.validation;

/**
 * One line of the validation table: a quantity a check measured, what theory expects (the
 * formula and its value here), the measurement with its 95% interval (NaN when exact), the
 * tolerance and whether the measurement is within it.
 */
public record Result(String check, String quantity, String formula, double expected, double measured, double low,
                     double high, double tolerance, boolean pass) {
    /** A result that passes when {@code |measured - expected| <= tolerance}. */
    public static Result within(String check, String quantity, String formula, double expected, double measured,
                                double low, double high, double tolerance) {
        return new Result(check, quantity, formula, expected, measured, low, high, tolerance,
                Math.abs(measured - expected) <= tolerance);
    }
}
