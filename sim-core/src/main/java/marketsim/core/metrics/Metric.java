package marketsim.core.metrics;

import static marketsim.core.metrics.FieldArithmetic.*;

import java.util.EnumSet;
import java.util.Set;

/**
 * The named metrics of MODEL.md section 5 that a run reports, each a function of an entity's
 * aggregated {@link Field} vector (and the market's, for shares). A ratio with a zero
 * denominator is NaN, written as an empty cell; a metric outside its scope is NaN too.
 */
public enum Metric {
    FIRMS("firms", "firms", "firms in the market (not exited); for an archetype, how many firms follow it now",
            Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return f(e, Field.FIRMS); }
    },
    UNITS("units", "units", "units sold, all channels", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return f(e, Field.UNITS); }
    },
    DIRECT_UNITS("direct_units", "units", "units sold through the firms' own web stores", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return f(e, Field.DIRECT_UNITS); }
    },
    PLATFORM_UNITS("platform_units", "units", "units sold through the platform", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return f(e, Field.PLATFORM_UNITS); }
    },
    STORE_UNITS("store_units", "units", "units sold through the store", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return f(e, Field.STORE_UNITS); }
    },
    REVENUE("revenue", "money", "money the seller was paid: by consumers (list prices less loyalty discounts) and by "
            + "the store (list prices of the units it sold at its shelf price)", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return f(e, Field.REVENUE); }
    },
    UNIT_SHARE("unit_share", "share", "units / market units", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return ratio(f(e, Field.UNITS), f(m, Field.UNITS)); }
    },
    REVENUE_SHARE("revenue_share", "share", "revenue / market revenue", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return ratio(f(e, Field.REVENUE), f(m, Field.REVENUE)); }
    },
    MEAN_PRICE("mean_price", "money/unit", "revenue / units: the mean price sellers were paid", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return ratio(f(e, Field.REVENUE), f(e, Field.UNITS)); }
    },
    GROSS_MARGIN("gross_margin", "share of revenue", "(revenue - cost of goods) / revenue", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) {
            return ratio(f(e, Field.REVENUE) - f(e, Field.COST_OF_GOODS), f(e, Field.REVENUE));
        }
    },
    COMMISSION_FEES("commission_fees", "money", "platform commission paid", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return f(e, Field.COMMISSION_PAID); }
    },
    AD_FEES("ad_fees", "money", "platform advertising (sponsored results) fees paid", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return f(e, Field.AD_FEES_PAID); }
    },
    FULFILMENT_FEES("fulfilment_fees", "money", "platform fulfilment fees paid", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return f(e, Field.FULFILMENT_PAID); }
    },
    LISTING_FEES("listing_fees", "money", "platform listing fees paid", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return f(e, Field.LISTING_FEES_PAID); }
    },
    STORE_FEES("store_fees", "money", "store slotting fees paid (the store's retail margin is on top of the seller's "
            + "price, paid by consumers)", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return f(e, Field.SLOTTING_PAID); }
    },
    INTERMEDIARY_FEES("intermediary_fees", "money", "all fees paid to the platform and the store", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return feesPaid(e); }
    },
    FEE_SHARE("fee_share", "share of revenue", "intermediary fees / revenue", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return ratio(feesPaid(e), f(e, Field.REVENUE)); }
    },
    CONTRIBUTION_MARGIN("contribution_margin", "share of revenue",
            "(revenue - cost of goods - intermediary fees) / revenue", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) {
            return ratio(f(e, Field.REVENUE) - f(e, Field.COST_OF_GOODS) - feesPaid(e), f(e, Field.REVENUE));
        }
    },
    NET_PROFIT("net_profit", "money",
            "income (revenue and fees received) less every cost (goods, fixed, marketing, personalization, service, "
                    + "quality, education, innovation, range), fee and subsidy paid",
            Scope.ALL) {
        double of(double[] e, double[] m, double i) { return netProfit(e); }
    },
    NET_MARGIN("net_margin", "share of income",
            "net profit / (revenue + fees received); for the market, / revenue (fees are transfers within it)",
            Scope.ALL) {
        double of(double[] e, double[] m, double i) { return ratio(netProfit(e), income(e)); }

        @Override
        public double value(EntityType type, double[] entity, double[] market, double discountRate) {
            return type == EntityType.MARKET ? ratio(netProfit(entity), f(entity, Field.REVENUE))
                    : super.value(type, entity, market, discountRate);
        }
    },
    CASH("cash", "money", "cash at the end of the tick", Scope.ALL) {
        double of(double[] e, double[] m, double i) { return f(e, Field.CASH); }
    },
    RETENTION("retention", "share",
            "of purchases by consumers whose previous purchase was from this seller, the share bought from it again",
            Scope.SELLERS) {
        double of(double[] e, double[] m, double i) {
            return ratio(f(e, Field.RETAINED), f(e, Field.REPEAT_OPPORTUNITIES));
        }
    },
    CHURN("churn", "share", "1 - retention", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return 1 - RETENTION.of(e, m, i); }
    },
    REPEAT_RATE("repeat_rate", "share", "share of units sold to the seller's returning customers", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return ratio(f(e, Field.RETAINED), f(e, Field.UNITS)); }
    },
    CUSTOMERS("customers", "consumers", "consumers whose last purchase was from this seller, within the lapse window",
            Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return f(e, Field.CUSTOMERS); }
    },
    NPS("nps", "points (-100..100)",
            "100 x (promoters - detractors) / customers, from each customer's last purchase", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) {
            return 100 * ratio(f(e, Field.PROMOTERS) - f(e, Field.DETRACTORS), f(e, Field.CUSTOMERS));
        }
    },
    MEAN_RELATIONSHIP("mean_relationship", "stock (0..1)",
            "mean relationship stock of the seller's customers with it", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return ratio(f(e, Field.RELATIONSHIP_SUM), f(e, Field.CUSTOMERS)); }
    },
    AWARENESS("awareness", "share", "share of consumers aware of a firm's web store (mean over its direct firms)",
            Scope.SELLERS) {
        double of(double[] e, double[] m, double i) {
            return ratio(f(e, Field.AWARE), f(m, Field.POPULATION) * f(e, Field.DIRECT_FIRMS));
        }
    },
    CLV("clv", "money",
            "customer lifetime value m r / (1 + i - r): m = (revenue - cost of goods - intermediary fees - "
                    + "per-customer costs) per customer-tick, r = 1 - customers lost (switched or lapsed) per "
                    + "customer-tick, i = discount rate per tick",
            Scope.SELLERS) {
        double of(double[] e, double[] m, double i) {
            double customerTicks = f(e, Field.CUSTOMER_TICKS);
            double margin = ratio(f(e, Field.REVENUE) - f(e, Field.COST_OF_GOODS) - feesPaid(e)
                    - f(e, Field.PER_CUSTOMER_COSTS), customerTicks);
            double r = 1 - ratio(f(e, Field.LOST_CUSTOMERS) + f(e, Field.LAPSED_CUSTOMERS), customerTicks);
            return margin * r / (1 + i - r);
        }
    },
    LAPSE_RATE("lapse_rate", "share/tick",
            "customers lapsed (no purchase for metrics.lapse_window ticks) per customer-tick: the part of the "
                    + "customer loss CLV counts that is not switching",
            Scope.SELLERS) {
        double of(double[] e, double[] m, double i) {
            return ratio(f(e, Field.LAPSED_CUSTOMERS), f(e, Field.CUSTOMER_TICKS));
        }
    },
    SHARE_OF_WALLET("share_of_wallet", "share", "what the seller's wallet customers (who bought from it, in any "
            + "category, within metrics.lapse_window) spent with it / what they spent with any seller", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) {
            return ratio(f(e, Field.CUSTOMER_SPEND_WITH), f(e, Field.CUSTOMER_SPEND));
        }
    },
    WALLET_CUSTOMERS("wallet_customers", "consumers", "consumers who bought from the seller, in any category, within "
            + "metrics.lapse_window (a consumer is a wallet customer of every firm it buys from; customers counts only "
            + "its last supplier)", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return f(e, Field.WALLET_CUSTOMERS); }
    },
    CATEGORIES_PER_CUSTOMER("categories_per_customer", "categories",
            "categories a wallet customer has bought from the seller, per customer-tick", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) {
            return ratio(sum(e, Field.BAND_CATEGORIES), sum(e, Field.BAND_CUSTOMER_TICKS));
        }
    },
    CATEGORIES_PER_CUSTOMER_NEW("categories_per_customer_new", "categories", "categories_per_customer of wallet "
            + "customers whose first purchase was less than metrics.tenure_band ticks ago", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return bandRatio(e, Field.BAND_CATEGORIES, 0); }
    },
    CATEGORIES_PER_CUSTOMER_ESTABLISHED("categories_per_customer_established", "categories", "categories_per_customer "
            + "of wallet customers whose first purchase was 1 to 2 tenure bands ago", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return bandRatio(e, Field.BAND_CATEGORIES, 1); }
    },
    CATEGORIES_PER_CUSTOMER_LONGSTANDING("categories_per_customer_longstanding", "categories", "categories_per_"
            + "customer of wallet customers whose first purchase was 2 tenure bands ago or more", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return bandRatio(e, Field.BAND_CATEGORIES, 2); }
    },
    REVENUE_PER_CUSTOMER("revenue_per_customer", "money/customer/tick",
            "what wallet customers spent with the seller, per customer-tick", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) {
            return ratio(sum(e, Field.BAND_SPEND), sum(e, Field.BAND_CUSTOMER_TICKS));
        }
    },
    REVENUE_PER_CUSTOMER_NEW("revenue_per_customer_new", "money/customer/tick", "revenue_per_customer of wallet "
            + "customers whose first purchase was less than metrics.tenure_band ticks ago", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return bandRatio(e, Field.BAND_SPEND, 0); }
    },
    REVENUE_PER_CUSTOMER_ESTABLISHED("revenue_per_customer_established", "money/customer/tick", "revenue_per_customer "
            + "of wallet customers whose first purchase was 1 to 2 tenure bands ago", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return bandRatio(e, Field.BAND_SPEND, 1); }
    },
    REVENUE_PER_CUSTOMER_LONGSTANDING("revenue_per_customer_longstanding", "money/customer/tick",
            "revenue_per_customer of wallet customers who first bought 2 tenure bands ago or more", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return bandRatio(e, Field.BAND_SPEND, 2); }
    },
    WALLET_CLV("wallet_clv", "money", "clv over every category, per wallet customer: m r / (1 + i - r), m = (revenue - "
            + "cost of goods - intermediary fees - per-customer costs) and r = 1 - wallet customers lost (no purchase "
            + "from the seller for metrics.lapse_window, or forgotten), each per wallet customer-tick", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) {
            double customerTicks = sum(e, Field.BAND_CUSTOMER_TICKS);
            double margin = ratio(f(e, Field.REVENUE) - f(e, Field.COST_OF_GOODS) - feesPaid(e)
                    - f(e, Field.PER_CUSTOMER_COSTS), customerTicks);
            double r = 1 - ratio(f(e, Field.WALLET_LOST), customerTicks);
            return margin * r / (1 + i - r);
        }
    },
    CATEGORIES_OFFERED("categories_offered", "categories",
            "categories the seller offers (for an archetype, summed over its firms)", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return f(e, Field.CATEGORIES_OFFERED); }
    },
    RANGE_COSTS("range_costs", "money", "running cost of the categories range expansion added", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return f(e, Field.RANGE_COSTS); }
    },
    FAILURE_RATE("failure_rate", "share", "failed units / units", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return ratio(f(e, Field.FAILURES), f(e, Field.UNITS)); }
    },
    UNIT_COST("unit_cost", "money/unit", "cost of goods / units: falls along a learning curve", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return ratio(f(e, Field.COST_OF_GOODS), f(e, Field.UNITS)); }
    },
    FAILURE_CONTACTS("failure_contacts", "contacts", "service contacts caused by failures (failure demand)",
            Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return f(e, Field.FAILURE_CONTACTS); }
    },
    VALUE_CONTACTS("value_contacts", "contacts", "service contacts not caused by failures (value demand)",
            Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return f(e, Field.VALUE_CONTACTS); }
    },
    FAILURE_DEMAND_SHARE("failure_demand_share", "share", "failure contacts / all service contacts", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) {
            return ratio(f(e, Field.FAILURE_CONTACTS), f(e, Field.FAILURE_CONTACTS) + f(e, Field.VALUE_CONTACTS));
        }
    },
    SERVICE_COSTS("service_costs", "money", "cost of all service contacts", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return f(e, Field.SERVICE_COSTS); }
    },
    QUALITY_COSTS("quality_costs", "money", "quality investment spend", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return f(e, Field.QUALITY_COSTS); }
    },
    EDUCATION_COSTS("education_costs", "money", "spend on teaching consumers new purchase criteria", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return f(e, Field.EDUCATION_COSTS); }
    },
    INNOVATION_COSTS("innovation_costs", "money", "spend on moving products toward customers' tastes", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return f(e, Field.INNOVATION_COSTS); }
    },
    LOYALTY_DISCOUNTS("loyalty_discounts", "money", "list-price revenue given up to returning customers", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return f(e, Field.LOYALTY_DISCOUNTS); }
    },
    FIXED_COSTS("fixed_costs", "money", "web store fixed costs", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return f(e, Field.FIXED_COSTS); }
    },
    MARKETING_COSTS("marketing_costs", "money", "marketing spend", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return f(e, Field.MARKETING_COSTS); }
    },
    PERSONALIZATION_COSTS("personalization_costs", "money", "personalization fixed and per-customer costs",
            Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return f(e, Field.PERSONALIZATION_COSTS); }
    },
    PLATFORM_FEE_REVENUE("platform_fee_revenue", "money", "commission, ad, fulfilment and listing fees received",
            Scope.PLATFORM) {
        double of(double[] e, double[] m, double i) { return f(e, Field.PLATFORM_FEES_RECEIVED); }
    },
    AD_REVENUE("ad_revenue", "money", "sponsored-results fees received", Scope.PLATFORM) {
        double of(double[] e, double[] m, double i) { return f(e, Field.AD_REVENUE); }
    },
    SUBSIDY_SPEND("subsidy_spend", "money", "discounts the platform paid consumers", Scope.PLATFORM) {
        double of(double[] e, double[] m, double i) { return f(e, Field.SUBSIDIES_PAID); }
    },
    GMV("gmv", "money", "gross merchandise value: list-price value of platform sales, private label included",
            Scope.PLATFORM) {
        double of(double[] e, double[] m, double i) { return f(e, Field.GMV); }
    },
    PLATFORM_TAKE("platform_take", "share of GMV", "platform fee revenue / GMV", Scope.PLATFORM) {
        double of(double[] e, double[] m, double i) { return ratio(f(e, Field.PLATFORM_FEES_RECEIVED), f(e, Field.GMV)); }
    },
    MEMBERS("members", "share", "share of consumers who are platform members", Scope.PLATFORM) {
        double of(double[] e, double[] m, double i) { return ratio(f(e, Field.MEMBERS), f(m, Field.POPULATION)); }
    },
    ACTIVE_SELLERS("active_sellers", "sellers", "sellers listed on the platform, private label included",
            Scope.PLATFORM) {
        double of(double[] e, double[] m, double i) { return f(e, Field.ACTIVE_SELLERS); }
    },
    PLATFORM_BUYERS("platform_buyers", "purchases", "purchases on the platform (a consumer buys at most once a tick)",
            Scope.PLATFORM) {
        double of(double[] e, double[] m, double i) { return f(m, Field.PLATFORM_UNITS); }
    },
    PLATFORM_RETENTION("platform_retention", "share",
            "of purchases by consumers whose previous purchase was on the platform, the share made there again",
            Scope.PLATFORM) {
        double of(double[] e, double[] m, double i) {
            return ratio(f(e, Field.CHANNEL_RETAINED), f(e, Field.CHANNEL_REPEAT_OPPORTUNITIES));
        }
    },
    RECOMMENDATION_QUALITY("recommendation_quality", "share",
            "personalization phi of platform offers, grown from the platform's transaction data", Scope.PLATFORM) {
        double of(double[] e, double[] m, double i) { return f(e, Field.RECOMMENDATION_QUALITY); }
    },
    STORE_FEE_REVENUE("store_fee_revenue", "money",
            "slotting fees and retail margin received (shelf prices less the list prices paid to sellers)", Scope.STORE) {
        double of(double[] e, double[] m, double i) { return storeIncome(e); }
    },
    SLOTTING_REVENUE("slotting_revenue", "money", "slotting fees received", Scope.STORE) {
        double of(double[] e, double[] m, double i) { return f(e, Field.SLOTTING_REVENUE); }
    },
    STOCKED_SELLERS("stocked_sellers", "sellers", "sellers on the store's shelf", Scope.STORE) {
        double of(double[] e, double[] m, double i) { return f(e, Field.STOCKED_SELLERS); }
    },
    HHI("hhi", "index (0..10000)", "Herfindahl-Hirschman index of firms' unit shares (mean over ticks)", Scope.MARKET) {
        double of(double[] e, double[] m, double i) { return 10_000 * ratio(f(e, Field.SQUARED_UNIT_SHARES), f(e, Field.TICKS)); }
    },
    TAUGHT_TILT("taught_tilt", "share (0..1)", "teaching tilt toward the seller's criteria, per consumer: the mean "
            + "over all consumers of the tilt of those it taught", Scope.SELLERS) {
        double of(double[] e, double[] m, double i) { return ratio(f(e, Field.TAUGHT_TILT), f(m, Field.POPULATION)); }
    },
    MEAN_TILT("mean_tilt", "share (0..1)", "consumers' mean teaching tilt: how far criteria moved from price to "
            + "quality and relationship", Scope.MARKET) {
        double of(double[] e, double[] m, double i) { return ratio(f(e, Field.TILT_SUM), f(e, Field.POPULATION)); }
    },
    PURCHASE_OCCASIONS("purchase_occasions", "occasions", "consumers who went shopping", Scope.MARKET) {
        double of(double[] e, double[] m, double i) { return f(e, Field.OCCASIONS); }
    },
    OUTSIDE_SHARE("outside_share", "share", "share of occasions that ended without a purchase", Scope.MARKET) {
        double of(double[] e, double[] m, double i) { return ratio(f(e, Field.OUTSIDE_CHOICES), f(e, Field.OCCASIONS)); }
    },
    CONSUMER_SURPLUS("consumer_surplus", "money",
            "logit log-sum ln(exp(u0) + sum_o exp(V_o)) / alpha_i summed over occasions; compare runs by "
                    + "differences", Scope.MARKET) {
        double of(double[] e, double[] m, double i) { return f(e, Field.CONSUMER_SURPLUS); }
    };

    /** Which entities a metric applies to. */
    public enum Scope {
        ALL(EnumSet.allOf(EntityType.class)),
        SELLERS(EnumSet.of(EntityType.FIRM, EntityType.POOL, EntityType.ARCHETYPE, EntityType.MARKET)),
        PLATFORM(EnumSet.of(EntityType.PLATFORM, EntityType.MARKET)),
        STORE(EnumSet.of(EntityType.STORE, EntityType.MARKET)),
        MARKET(EnumSet.of(EntityType.MARKET));

        private final Set<EntityType> types;

        Scope(Set<EntityType> types) {
            this.types = types;
        }

        public boolean includes(EntityType type) {
            return types.contains(type);
        }

        /** Entity types, for documentation. */
        public String describe() {
            return this == ALL ? "all" : types.stream().map(EntityType::key).reduce((a, b) -> a + ", " + b).orElse("");
        }
    }

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
        if (!scope.includes(type)) {
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
}
