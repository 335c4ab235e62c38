package marketsim.scenario;

import java.util.List;

/**
 * The parameters of the intermediaries: the hybrid platform ({@code platform}) and the traditional store
 * ({@code store}); part of {@link Params}, the one commented place where defaults live.
 */
public final class IntermediaryParams {
    private IntermediaryParams() {
    }

    // ---- platform --------------------------------------------------------------------------
    public static final Param TAKE_RATE = Param.number("take_rate", "share of price", 0.15, 0, 0.95,
            "Commission on each third-party sale. At most 0.95, as the store's retail margin: a seller that gave up "
                    + "the whole price could not break even at any price.")
            .withSource("essay 002 (Jeo section 1: producers pay the marketplace for access)");
    public static final Param FULFILMENT_FEE = Param.number("fulfilment_fee", "money/unit", 1, 0, 1e6,
            "Fee per unit charged to third-party sellers.");
    public static final Param FULFILMENT_COST = Param.number("fulfilment_cost", "money/unit", 0.8, 0, 1e6,
            "What fulfilling a unit costs the platform.");
    public static final Param LISTING_FEE = Param.number("listing_fee", "money/tick", 5, 0, 1e9,
            "Fee per tick from each listed third-party seller: the cost of being listed.");
    public static final Param SUBSIDY = Param.number("subsidy", "share of price", 0, 0, 0.9,
            "Discount the platform pays consumers on every platform purchase (deep discounting).")
            .withSource("essay 002 (Jeo section 3: deep discounting)");
    public static final Param PLATFORM_FIXED_COST = Param.number("fixed_cost", "money/tick", 500, 0, 1e9,
            "The platform's own fixed cost per tick.");
    public static final Param PLATFORM_CASH = Param.number("initial_cash", "money", 100_000, 0, 1e12,
            "The platform's cash at tick 0.");
    public static final Param PLATFORM_REVIEW = Param.integer("review_every", "ticks", 4, 1, 1000,
            "Ticks between third-party sellers' list / delist decisions and entry (the lag).");
    public static final Param RELIST_SHARE = Param.number("relist_share", "probability", 0.25, 0, 1,
            "At a review, probability a delisted seller for which listing pays again relists (partial adjustment: "
                    + "1 makes them all return at once, and leave again, a cobweb cycle).")
            .withSource("Ezekiel 1938 (the cobweb cycle that partial adjustment damps)");
    public static final Param MAX_ENTRANTS = Param.integer("max_entrants_per_review", "sellers", 1, 0, 5_000,
            "Most potential entrants that enter at one review (each when its expected profit after fees, at the "
                    + "mean sales of listed sellers, is positive).");
    public static final Param RESULTS = Param.integer("results", "offers", 6, 1, 50,
            "k: offers a member sees per occasion, the top of its taste bin's ranking.")
            .withSource("MODEL.md 2.1 (top k = 6)");
    public static final Param SPONSORED_SLOTS = Param.integer("sponsored_slots", "offers", 2, 0, 50,
            "Of those, slots sold by the ad auction (at most results).")
            .withSource("Edelman, Ostrovsky & Schwarz 2007 (generalized second-price auction)");
    public static final Param TASTE_BINS = Param.integer("taste_bins", "bins", 24, 1, 1000,
            "Bins of the taste circle the ranking is computed for, once per tick each.");
    public static final Param SELF_PREFERENCING = Param.number("self_preferencing", "utils", 0.5, 0, 100,
            "Added to the private label's organic ranking score.");
    public static final Param EXAMINATION_DECAY = Param.number("examination_decay", "", 1, 0, 10,
            "eta: a member examines the result at rank r (1 = top) with probability e_r = r^-eta, drawn per occasion; "
                    + "unexamined results are not in its choice set (the position-based model). 0: every result is "
                    + "examined, rank does not matter. 1: e = 1, 0.5, 0.33, 0.25, 0.2, 0.17.")
            .withSource("Craswell et al. 2008 (position-based model); Chitika 2013 (click shares about r^-1); Ursu 2018");
    public static final Param RECOMMENDATION_MAX = Param.number("max", "share", 0.5, 0, 1,
            "Personalization phi of platform offers with unlimited data.");
    public static final Param RECOMMENDATION_SCALE = Param.number("data_scale", "transactions", 50_000, 1, 1e12,
            "Platform transactions at which phi reaches 63% of max: phi = max (1 - exp(-D / data_scale)).")
            .withSource("essay 000 (Dawar: customer data and network effects)");
    public static final Param RELATIONSHIP_SHARE = Param.number("brand_share", "share", 0.3, 0, 1,
            "omega: share of the relationship gain a brand keeps when it sells through the platform.")
            .withSource(Sources.JEO_CONTROL);
    public static final Param PLATFORM_RELATIONSHIP_RATE = Param.number("platform_rate", "share", 0.2, 0, 1,
            "eta of the platform's own relationship stock with its buyers.")
            .withSource(Sources.JEO_CONTROL);
    public static final Param INITIAL_MEMBERS = Param.number("initial_share", "share", 0.5, 0, 1,
            "Share of consumers who are members at tick 0.");
    public static final Param JOIN_RATE = Param.number("join_rate", "1/tick", 0.05, 0, 1,
            "Most a non-member joins per tick; times the membership pull S.");
    public static final Param LEAVE_RATE = Param.number("leave_rate", "1/tick", 0.05, 0, 1,
            "Most a member leaves per tick; times 1 - S.");
    public static final Param VARIETY_WEIGHT = Param.number("variety_weight", "utils/ln(seller)", 0.5, 0, 100,
            "Pull of membership per unit of ln(1 + listed sellers).")
            .withSource("Rochet & Tirole 2003 (two-sided network effect)");
    public static final Param MEMBERSHIP_UTILITY = Param.number("base_utility", "utils", 0, -100, 100,
            "Constant pull of membership: S = 1/(1+exp(-(base_utility + platform_affinity + variety_weight "
                    + "ln(1 + listed sellers) - price_sensitivity x mean listed price after subsidy))).");
    // ---- platform.fee_rule: how the platform moves its take rate and subsidy ---------------
    public static final Param FEE_RULE = Param.choice("rule", "fixed", List.of("fixed", "hill-climbing", "lifecycle"),
            "How the platform sets its take rate and subsidy. fixed: as configured all run long. hill-climbing: the "
                    + "take rate moves by take_step each review, starting upward, reversing when the platform's profit "
                    + "over the period fell below the previous period's; within [0, max_take_rate]; the subsidy stays. "
                    + "lifecycle: the configured take rate and subsidy (the launch levers) hold until members reach "
                    + "member_threshold or listed sellers reach seller_threshold; from then on each review cuts the "
                    + "subsidy by subsidy_step and raises the take rate by take_step up to max_take_rate. A take rate "
                    + "or subsidy set in the classroom (the browser lesson or the window) freezes the rule at the "
                    + "values set; its fee-rule lever lets the rule move them again from there.")
            .withSource("MODEL.md 4; Rochet & Tirole 2003 (subsidise one side to grow both)");
    public static final Param FEE_REVIEW = Param.integer("review_every", "ticks", 13, 1, 1000,
            "Ticks between the platform's fee reviews (13: a quarter).");
    public static final Param TAKE_STEP = Param.number("take_step", "share of price", 0.01, 0, 0.5,
            "Change in the take rate at a review (hill-climbing, lifecycle after its threshold).");
    public static final Param MAX_TAKE_RATE = Param.number("max_take_rate", "share of price", 0.5, 0, 0.95,
            "The highest take rate the rule moves to (hill-climbing, lifecycle).")
            .withSource("Marketplace Pulse 2023: Amazon's fees reach about half of a third-party seller's revenue");
    public static final Param SUBSIDY_STEP = Param.number("subsidy_step", "share of price", 0.01, 0, 0.9,
            "Cut in the consumer subsidy at each review once the lifecycle platform harvests (not below 0).");
    public static final Param MEMBER_THRESHOLD = Param.number("member_threshold", "share of consumers", 0.5, 0, 1,
            "lifecycle: the member share at a review from which the platform stops growing and harvests.");
    public static final Param SELLER_THRESHOLD = Param.integer("seller_threshold", "sellers", 0, 0, 100_000,
            "lifecycle: listed sellers (private label included) at a review from which the platform harvests, "
                    + "whichever threshold comes first. 0: listings do not count.");
    // ---- store -----------------------------------------------------------------------------
    public static final Param SLOTS = Param.integer("slots", "sellers", 6, 1, 1000, "Shelf slots.");
    public static final Param SLOTTING_FEE = Param.number("slotting_fee", "money/tick", 50, 0, 1e9,
            "Fee per tick from each stocked seller, at the start (the store moves it by slotting_fee_step).")
            .withSource(Sources.JEO_STORE);
    public static final Param SLOTTING_FEE_STEP = Param.number("slotting_fee_step", "share of the fee", 0.1, 0, 0.9,
            "At each shelf review the store raises its slotting fee by this share when more sellers applied than it "
                    + "has slots, and lowers it by this share when slots stay free while a seller that could apply did "
                    + "not (bounded steps toward filling its slots); sellers apply at the new fee at the next review. "
                    + "0: a fixed fee.")
            .withSource("Walras 1874 (tatonnement: a price moves with excess demand); MODEL.md 4");
    public static final Param RETAIL_MARGIN = Param.number("retail_margin", "share of shelf price", 0.25, 0, 0.95,
            "The store's margin: it buys at the seller's list price p and sells at the shelf price p / (1 - "
                    + "retail_margin), which consumers see and pay; the seller is paid p.")
            .withSource(Sources.JEO_STORE);
    public static final Param STORE_FIXED_COST = Param.number("fixed_cost", "money/tick", 300, 0, 1e9,
            "The store's own fixed cost per tick.");
    public static final Param STORE_CASH = Param.number("initial_cash", "money", 50_000, 0, 1e12,
            "The store's cash at tick 0.");
    public static final Param STORE_REVIEW = Param.integer("review_every", "ticks", 13, 1, 1000,
            "Ticks between shelf decisions (sellers apply, the store chooses).");
}
