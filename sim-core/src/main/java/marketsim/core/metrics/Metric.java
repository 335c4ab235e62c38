package marketsim.core.metrics;

import java.util.Arrays;
import java.util.Optional;

/**
 * The named metrics of MODEL.md section 5 that a run reports, each a function of an entity's
 * aggregated {@link Field} vector (and the market's, for shares). A ratio with a zero
 * denominator is NaN, written as an empty cell.
 */
public enum Metric {
    UNITS("units", "units", "units sold", Scope.ALL) {
        double of(double[] e, double[] m, double i) { return e[Field.UNITS.ordinal()]; }
    },
    REVENUE("revenue", "money", "money paid by consumers, after loyalty discounts", Scope.ALL) {
        double of(double[] e, double[] m, double i) { return e[Field.REVENUE.ordinal()]; }
    },
    UNIT_SHARE("unit_share", "share", "units / market units", Scope.ALL) {
        double of(double[] e, double[] m, double i) { return ratio(e[Field.UNITS.ordinal()], m[Field.UNITS.ordinal()]); }
    },
    REVENUE_SHARE("revenue_share", "share", "revenue / market revenue", Scope.ALL) {
        double of(double[] e, double[] m, double i) { return ratio(e[Field.REVENUE.ordinal()], m[Field.REVENUE.ordinal()]); }
    },
    MEAN_PRICE("mean_price", "money/unit", "revenue / units: the mean price paid", Scope.ALL) {
        double of(double[] e, double[] m, double i) { return ratio(e[Field.REVENUE.ordinal()], e[Field.UNITS.ordinal()]); }
    },
    GROSS_MARGIN("gross_margin", "share of revenue", "(revenue - cost of goods) / revenue", Scope.ALL) {
        double of(double[] e, double[] m, double i) {
            return ratio(e[Field.REVENUE.ordinal()] - e[Field.COST_OF_GOODS.ordinal()], e[Field.REVENUE.ordinal()]);
        }
    },
    NET_PROFIT("net_profit", "money",
            "revenue - cost of goods - fixed, marketing and personalization costs", Scope.ALL) {
        double of(double[] e, double[] m, double i) { return netProfit(e); }
    },
    NET_MARGIN("net_margin", "share of revenue", "net profit / revenue", Scope.ALL) {
        double of(double[] e, double[] m, double i) { return ratio(netProfit(e), e[Field.REVENUE.ordinal()]); }
    },
    CASH("cash", "money", "cash at the end of the tick", Scope.ALL) {
        double of(double[] e, double[] m, double i) { return e[Field.CASH.ordinal()]; }
    },
    RETENTION("retention", "share",
            "of purchases by consumers whose previous purchase was from this seller, the share bought from it again",
            Scope.ALL) {
        double of(double[] e, double[] m, double i) {
            return ratio(e[Field.RETAINED.ordinal()], e[Field.REPEAT_OPPORTUNITIES.ordinal()]);
        }
    },
    CHURN("churn", "share", "1 - retention", Scope.ALL) {
        double of(double[] e, double[] m, double i) { return 1 - RETENTION.of(e, m, i); }
    },
    REPEAT_RATE("repeat_rate", "share", "share of units sold to the seller's returning customers", Scope.ALL) {
        double of(double[] e, double[] m, double i) { return ratio(e[Field.RETAINED.ordinal()], e[Field.UNITS.ordinal()]); }
    },
    CUSTOMERS("customers", "consumers", "consumers whose last purchase was from this seller", Scope.ALL) {
        double of(double[] e, double[] m, double i) { return e[Field.CUSTOMERS.ordinal()]; }
    },
    NPS("nps", "points (-100..100)",
            "100 x (promoters - detractors) / customers, from each customer's last purchase", Scope.ALL) {
        double of(double[] e, double[] m, double i) {
            return 100 * ratio(e[Field.PROMOTERS.ordinal()] - e[Field.DETRACTORS.ordinal()], e[Field.CUSTOMERS.ordinal()]);
        }
    },
    MEAN_RELATIONSHIP("mean_relationship", "stock (0..1)",
            "mean relationship stock of the seller's customers with it", Scope.ALL) {
        double of(double[] e, double[] m, double i) {
            return ratio(e[Field.RELATIONSHIP_SUM.ordinal()], e[Field.CUSTOMERS.ordinal()]);
        }
    },
    AWARENESS("awareness", "share", "share of consumers aware of the firm (mean over its firms)", Scope.ALL) {
        double of(double[] e, double[] m, double i) {
            return ratio(e[Field.AWARE.ordinal()], m[Field.POPULATION.ordinal()] * e[Field.FIRMS.ordinal()]);
        }
    },
    CLV("clv", "money",
            "customer lifetime value m r / (1 + i - r): m = (revenue - cost of goods - per-customer costs) per "
                    + "customer-tick, r = 1 - lost customers per customer-tick, i = discount rate per tick",
            Scope.ALL) {
        double of(double[] e, double[] m, double i) {
            double customerTicks = e[Field.CUSTOMER_TICKS.ordinal()];
            double margin = ratio(e[Field.REVENUE.ordinal()] - e[Field.COST_OF_GOODS.ordinal()]
                    - e[Field.PER_CUSTOMER_COSTS.ordinal()], customerTicks);
            double r = 1 - ratio(e[Field.LOST_CUSTOMERS.ordinal()], customerTicks);
            return margin * r / (1 + i - r);
        }
    },
    FAILURE_RATE("failure_rate", "share", "failed units / units", Scope.ALL) {
        double of(double[] e, double[] m, double i) { return ratio(e[Field.FAILURES.ordinal()], e[Field.UNITS.ordinal()]); }
    },
    LOYALTY_DISCOUNTS("loyalty_discounts", "money", "list-price revenue given up to returning customers", Scope.ALL) {
        double of(double[] e, double[] m, double i) { return e[Field.LOYALTY_DISCOUNTS.ordinal()]; }
    },
    FIXED_COSTS("fixed_costs", "money", "direct-channel fixed costs", Scope.ALL) {
        double of(double[] e, double[] m, double i) { return e[Field.FIXED_COSTS.ordinal()]; }
    },
    MARKETING_COSTS("marketing_costs", "money", "marketing spend", Scope.ALL) {
        double of(double[] e, double[] m, double i) { return e[Field.MARKETING_COSTS.ordinal()]; }
    },
    PERSONALIZATION_COSTS("personalization_costs", "money", "personalization fixed and per-customer costs",
            Scope.ALL) {
        double of(double[] e, double[] m, double i) { return e[Field.PERSONALIZATION_COSTS.ordinal()]; }
    },
    HHI("hhi", "index (0..10000)", "Herfindahl-Hirschman index of unit shares", Scope.MARKET) {
        double of(double[] e, double[] m, double i) { return 10_000 * e[Field.SQUARED_UNIT_SHARES.ordinal()]; }
    },
    PURCHASE_OCCASIONS("purchase_occasions", "occasions", "consumers who went shopping", Scope.MARKET) {
        double of(double[] e, double[] m, double i) { return e[Field.OCCASIONS.ordinal()]; }
    },
    OUTSIDE_SHARE("outside_share", "share", "share of occasions that ended without a purchase", Scope.MARKET) {
        double of(double[] e, double[] m, double i) {
            return ratio(e[Field.OUTSIDE_CHOICES.ordinal()], e[Field.OCCASIONS.ordinal()]);
        }
    },
    CONSUMER_SURPLUS("consumer_surplus", "money",
            "logit log-sum ln(exp(u0) + sum_o exp(V_o)) / alpha_i summed over occasions; compare runs by "
                    + "differences",
            Scope.MARKET) {
        double of(double[] e, double[] m, double i) { return e[Field.CONSUMER_SURPLUS.ordinal()]; }
    };

    /** Which entities a metric applies to. */
    public enum Scope { ALL, MARKET }

    private final String key;
    private final String unit;
    private final String description;
    private final Scope scope;

    Metric(String key, String unit, String description, Scope scope) {
        this.key = key;
        this.unit = unit;
        this.description = description;
        this.scope = scope;
    }

    /**
     * The metric's value for an entity.
     *
     * @param entity       the entity's aggregated fields
     * @param market       the market's aggregated fields
     * @param discountRate the discount rate per tick for lifetime values
     */
    abstract double of(double[] entity, double[] market, double discountRate);

    /** The value for an entity of {@code type}; NaN where the metric does not apply. */
    public double value(EntityType type, double[] entity, double[] market, double discountRate) {
        if (scope == Scope.MARKET && type != EntityType.MARKET) {
            return Double.NaN;
        }
        return of(entity, market, discountRate);
    }

    public String key() {
        return key;
    }

    public String unit() {
        return unit;
    }

    public String description() {
        return description;
    }

    public Scope scope() {
        return scope;
    }

    public static Optional<Metric> byKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }

    private static double netProfit(double[] e) {
        return e[Field.REVENUE.ordinal()] - e[Field.COST_OF_GOODS.ordinal()] - e[Field.FIXED_COSTS.ordinal()]
                - e[Field.MARKETING_COSTS.ordinal()] - e[Field.PERSONALIZATION_COSTS.ordinal()];
    }

    private static double ratio(double numerator, double denominator) {
        return denominator == 0 ? Double.NaN : numerator / denominator;
    }
}
