package marketsim.scenario;

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
    // ---- store -----------------------------------------------------------------------------
    public static final Param SLOTS = Param.integer("slots", "sellers", 6, 1, 1000, "Shelf slots.");
    public static final Param SLOTTING_FEE = Param.number("slotting_fee", "money/tick", 50, 0, 1e9,
            "Fee per tick from each stocked seller.")
            .withSource(Sources.JEO_STORE);
    public static final Param RETAIL_MARGIN = Param.number("retail_margin", "share of price", 0.25, 0, 0.95,
            "Share of the price the store keeps on each sale.")
            .withSource(Sources.JEO_STORE);
    public static final Param STORE_FIXED_COST = Param.number("fixed_cost", "money/tick", 300, 0, 1e9,
            "The store's own fixed cost per tick.");
    public static final Param STORE_CASH = Param.number("initial_cash", "money", 50_000, 0, 1e12,
            "The store's cash at tick 0.");
    public static final Param STORE_REVIEW = Param.integer("review_every", "ticks", 13, 1, 1000,
            "Ticks between shelf decisions (sellers apply, the store chooses).");
}
