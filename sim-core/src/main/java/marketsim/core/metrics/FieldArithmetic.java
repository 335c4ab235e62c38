package marketsim.core.metrics;

/**
 * The arithmetic {@link Metric}s are written in, over an entity's aggregated {@link Field} vector: a field's value,
 * sums of fields, the money an entity paid and earned, and ratios that are NaN (an empty cell) when the denominator
 * is 0. Kept apart so that each metric reads as its definition.
 */
final class FieldArithmetic {
    private FieldArithmetic() {
    }

    static double f(double[] v, Field field) {
        return v[field.ordinal()];
    }

    static double feesPaid(double[] e) {
        return f(e, Field.COMMISSION_PAID) + f(e, Field.AD_FEES_PAID) + f(e, Field.FULFILMENT_PAID)
                + f(e, Field.LISTING_FEES_PAID) + f(e, Field.SLOTTING_PAID);
    }

    /** The store's slotting fees and retail margin: what it earns before its own costs. */
    static double storeIncome(double[] e) {
        return f(e, Field.SLOTTING_REVENUE) + f(e, Field.RETAIL_SALES) - f(e, Field.WHOLESALE_PAID);
    }

    static double income(double[] e) {
        return f(e, Field.REVENUE) + f(e, Field.PLATFORM_FEES_RECEIVED) + storeIncome(e);
    }

    static double netProfit(double[] e) {
        return income(e) - f(e, Field.COST_OF_GOODS) - feesPaid(e) - f(e, Field.FIXED_COSTS)
                - f(e, Field.MARKETING_COSTS) - f(e, Field.PERSONALIZATION_COSTS) - f(e, Field.SUBSIDIES_PAID)
                - f(e, Field.INTERMEDIARY_COSTS) - f(e, Field.SERVICE_COSTS) - f(e, Field.QUALITY_COSTS)
                - f(e, Field.EDUCATION_COSTS) - f(e, Field.INNOVATION_COSTS) - f(e, Field.RANGE_COSTS);
    }

    static double sum(double[] v, Field[] fields) {
        double sum = 0;
        for (Field field : fields) {
            sum += f(v, field);
        }
        return sum;
    }

    /** A tenure band's {@code fields[band]} per customer-tick of that band. */
    static double bandRatio(double[] e, Field[] fields, int band) {
        return ratio(f(e, fields[band]), f(e, Field.BAND_CUSTOMER_TICKS[band]));
    }

    static double ratio(double numerator, double denominator) {
        return denominator == 0 ? Double.NaN : numerator / denominator;
    }
}
