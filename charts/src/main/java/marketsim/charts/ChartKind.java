package marketsim.charts;

import java.util.List;

/**
 * The time-series charts of a run, each one metric of aggregate.csv for some entity type, with
 * a title and an axis label with units. {@code scale} multiplies values (100 for percentages).
 */
public record ChartKind(String file, String title, String metric, List<String> entityTypes, String axis, double scale) {

    /** Time series drawn for every run (when their data is present). */
    public static final List<ChartKind> TIME_SERIES = List.of(
            new ChartKind("retention", "Retention by archetype", "retention", List.of("archetype"),
                    "retained buyers (%)", 100),
            new ChartKind("nps", "Net promoter score by archetype", "nps", List.of("archetype"), "NPS (-100..100)", 1),
            new ChartKind("relationship", "Mean relationship stock of customers", "mean_relationship",
                    List.of("archetype"), "relationship stock (0..1)", 1),
            new ChartKind("gross-margin", "Gross margin by archetype", "gross_margin", List.of("archetype"),
                    "gross margin (% of revenue)", 100),
            new ChartKind("contribution-margin", "Contribution margin after intermediary fees", "contribution_margin",
                    List.of("archetype"), "contribution margin (% of revenue)", 100),
            new ChartKind("net-margin", "Net margin by archetype", "net_margin", List.of("archetype"),
                    "net margin (% of income)", 100),
            new ChartKind("fee-share", "Intermediary fees as a share of seller revenue", "fee_share",
                    List.of("archetype"), "fees (% of revenue)", 100),
            new ChartKind("failure-demand", "Failure demand: share of service contacts caused by failures",
                    "failure_demand_share", List.of("archetype"), "failure demand (% of contacts)", 100),
            new ChartKind("service-costs", "Service costs by archetype", "service_costs", List.of("archetype"),
                    "service costs per week (money)", 1),
            new ChartKind("awareness", "Awareness of the web stores", "awareness", List.of("archetype"),
                    "consumers aware (%)", 100),
            new ChartKind("firms", "Firms by archetype (the strategy mix)", "firms", List.of("archetype"), "firms", 1),
            new ChartKind("teaching-tilt", "Consumers' teaching tilt", "mean_tilt", List.of("market"),
                    "mean tilt (0..1)", 1),
            new ChartKind("taught-tilt", "Teaching tilt toward each archetype's criteria (who the teaching serves)",
                    "taught_tilt", List.of("archetype"), "tilt per consumer (0..1)", 1),
            new ChartKind("lapse-rate", "Customers lapsing (no purchase for the lapse window)", "lapse_rate",
                    List.of("archetype"), "lapsed customers (% of customers per week)", 100),
            new ChartKind("share-of-wallet", "Share of wallet: customers' spend won by each archetype's firms",
                    "share_of_wallet", List.of("archetype"), "share of customers' spend (%)", 100),
            new ChartKind("categories-per-customer", "Categories each customer buys from the firm",
                    "categories_per_customer", List.of("archetype"), "categories per customer", 1),
            new ChartKind("revenue-per-customer", "Spend per customer with the firm", "revenue_per_customer",
                    List.of("archetype"), "spend per customer per week (money)", 1),
            new ChartKind("unit-share", "Unit share by archetype", "unit_share", List.of("archetype"), "unit share (%)", 100),
            new ChartKind("revenue-share", "Revenue share by archetype", "revenue_share", List.of("archetype"),
                    "revenue share (%)", 100),
            new ChartKind("platform-fees", "Platform fee revenue", "platform_fee_revenue", List.of("platform"),
                    "fee revenue per week (money)", 1),
            new ChartKind("platform-subsidy", "Platform subsidy spend", "subsidy_spend", List.of("platform"),
                    "subsidies per week (money)", 1),
            new ChartKind("platform-members", "Platform members", "members", List.of("platform"),
                    "members (% of consumers)", 100),
            new ChartKind("platform-sellers", "Sellers listed on the platform", "active_sellers", List.of("platform"),
                    "listed sellers", 1),
            new ChartKind("platform-buyers", "Purchases on the platform", "platform_buyers", List.of("platform"),
                    "purchases per week", 1),
            new ChartKind("store-fees", "Store fee revenue", "store_fee_revenue", List.of("store"),
                    "fee revenue per week (money)", 1));
}
