package marketsim.scenario;

import java.util.List;

/**
 * The parameters of a firm (its levers, under {@code firms[]} and {@code archetypes.NAME}) and of seller
 * pools: part of {@link Params}, the one commented place where defaults live.
 */
public final class FirmParams {
    private FirmParams() {
    }

    // ---- firm levers -----------------------------------------------------------------------
    public static final Param FIRM_NAME = Param.text("name", "",
            "Firm name (unique); results and random streams are keyed by it.");
    public static final Param ARCHETYPE = Param.choice("archetype", "", List.of("product-focused",
            "customer-focused", "hybrid-platform"), "Strategy: the lever bundle under archetypes: the firm "
            + "starts from, and the category its results are reported in. A hybrid-platform firm is the "
            + "platform's private label: it sells only on the platform, pays it no fees and is ranked with "
            + "its self-preferencing weight.")
            .withSource("essay 002 (Jeo sections 1-3)");
    public static final Param POSITION = Param.number("position", "circle position", 0, 0, 1,
            "x_j: product position on the taste circle (1 is the same as 0).")
            .withSource(Sources.SALOP);
    public static final Param QUALITY = Param.number("quality", "quality", 0.5, 0, 10,
            "q_j: quality index.");
    public static final Param UNIT_COST = Param.number("unit_cost", "money/unit", 8, 0, 1e6,
            "c_j: cost of goods per unit sold.");
    public static final Param PRICING = Param.choice("pricing", "cost-plus",
            List.of("cost-plus", "hill-climbing", "best-response"),
            "Pricing rule. cost-plus: price = full unit cost x (1 + markup) (see fee_aware). hill-climbing: the "
                    + "markup moves by dynamics.adaptation.markup_step each review, reversing when profit fell. "
                    + "best-response: the price that maximizes profit after each channel's fees on the logit demand "
                    + "the firm faced since its last review, from every occasion's choice probabilities (with "
                    + "homogeneous consumers in one channel (c + f) / (1 - tau) + 1 / (alpha (1 - s))); firms of one "
                    + "owner solve for their prices jointly; the price moves toward it by "
                    + "dynamics.adaptation.price_adjustment (logit Bertrand-Nash when all firms do it).")
            .withSource("best-response: Anderson, de Palma & Thisse 1992; Berry, Levinsohn & Pakes 1995 (multi-product)");
    public static final Param OWNER = Param.text("owner", "",
            "Who sets the firm's prices: firms with the same owner price jointly under best-response pricing, as "
                    + "one multi-product firm (e.g. the platform's private label and the platform's other products). "
                    + "Empty: the firm itself.");
    public static final Param MARKUP = Param.number("markup", "share of full unit cost", 0.3, 0, 100,
            "Cost-plus markup: price = (1 + markup) x full unit cost (the unit cost with channel fees passed "
                    + "on; see fee_aware). Also hill-climbing's starting markup, and best response's until its first "
                    + "review.");
    public static final Param FEE_AWARE = Param.bool("fee_aware", true,
            "Prices off the full marginal cost in each channel: a unit sold at list price p with commission "
                    + "tau (the platform's take rate) and per-unit fee f (fulfilment fee, ad fees of sponsored sales) "
                    + "earns (1 - tau) p - c - f (in the store, p - c: the store pays the list price and adds its margin "
                    + "for consumers to pay), so cost-plus and hill-climbing mark up (c + f) / (1 - tau), weighted "
                    + "by the seller's units by channel in its last review period (equal weights before its first), "
                    + "and best response nets them out of each unit's margin. false: off unit cost alone (fees "
                    + "ignored, as before fee-aware pricing).")
            .withSource("MODEL.md 3 (every pricing rule prices off the full marginal cost in each channel)");
    public static final Param FAILURE_RATE = Param.number("failure_rate", "share of sales", 0.05, 0, 1,
            "f_j: probability a sale fails (a strongly negative experience).")
            .withSource(Sources.SEDDON);
    public static final Param LEARNING_RATE = Param.number("rate", "elasticity", 0, 0, 2,
            "b in c(Q) = unit_cost (1 + Q / scale)^(-b), Q the firm's cumulative units; 0: no learning. "
                    + "b = 0.32 is an 80% curve (cost x0.8 per doubling).")
            .withSource("Wright 1936; BCG experience curve (80% curve: b = 0.32)");
    public static final Param LEARNING_SCALE = Param.number("scale", "units", 10_000, 1, 1e12,
            "Q0: cumulative units at which learning begins to bite.");
    public static final Param QUALITY_SPEND = Param.number("spend", "money/tick", 0, 0, 1e9,
            "Quality investment per tick; failure rate = failure_rate / (1 + spend / halving_spend).")
            .withSource("essay 001 (better products remove failure demand and its cost)");
    public static final Param QUALITY_HALVING = Param.number("halving_spend", "money/tick", 100, 1e-9, 1e9,
            "Spend per tick that halves the failure rate.");
    public static final Param SERVICE_COST = Param.number("cost_per_contact", "money/contact", 2, 0, 1e6,
            "What a service contact costs the seller (failure and value demand alike).")
            .withSource("essay 001 (Seddon: failure demand is a cost of service)");
    public static final Param RELATIONSHIP_RATE = Param.number("relationship_rate", "share", 0.2, 0, 1,
            "eta_j: share of the gap to a full relationship closed by a fully satisfying purchase.");
    public static final Param INITIAL_CASH = Param.number("initial_cash", "money", 10_000, 0, 1e12,
            "Owners' capital at tick 0.");

    public static final Param LOYALTY_ENABLED = Param.bool("enabled", false, "Runs a loyalty program.");
    public static final Param LOYALTY_DISCOUNT = Param.number("discount", "share of price", 0.05, 0, 0.9,
            "Price discount to returning customers (last purchase from this firm).");
    public static final Param LOYALTY_BONUS = Param.number("relationship_bonus", "share", 0.1, 0, 1,
            "Added to relationship_rate (capped at 1) while the program runs.");

    public static final Param PERSONALIZATION_ENABLED = Param.bool("enabled", true,
            "Whether the firm runs personalization at all. false: no personalization and none of its costs; true: "
                    + "fixed_cost and cost_per_customer are paid every tick whatever the level, even at level 0.");
    public static final Param PERSONALIZATION_LEVEL = Param.number("level", "share", 0, 0, 1,
            "Most personalization phi_j the direct channel achieves (its costs run whatever the level while enabled).")
            .withSource("essay 002 (Jeo section 2: personalized experiences)");
    public static final Param PERSONALIZATION_DATA_SCALE = Param.number("data_scale", "transactions", 0, 0, 1e12,
            "phi_j = level (1 - exp(-D / data_scale)), D the firm's cumulative direct sales (its own data); "
                    + "0: the full level from the start.")
            .withSource("essay 000 (Dawar: advantage from accumulating customer data)");
    public static final Param PERSONALIZATION_FIXED = Param.number("fixed_cost", "money/tick", 0, 0, 1e9,
            "Fixed cost of personalization per tick, paid while enabled whatever the level.")
            .withSource(Sources.JEO_COST);
    public static final Param PERSONALIZATION_PER_CUSTOMER = Param.number("cost_per_customer",
            "money/customer/tick", 0, 0, 1e6, "Cost per customer in the firm's customer base per tick, paid while enabled "
                    + "whatever the level.")
            .withSource(Sources.JEO_COST);

    public static final Param PERSONALIZATION_RELATIONSHIP = Param.number("relationship_bonus", "share per phi", 0.25,
            0, 1, "Added to the relationship rate per unit of personalization achieved: eta_j + relationship_bonus x "
                    + "phi_j (capped at 1). Personalized service builds the relationship faster, not only the fit.")
            .withSource("MODEL.md 2.2 (personalization raises eta); essay 002 (Jeo section 2)");

    public static final Param INITIAL_AWARENESS = Param.number("initial_awareness", "share", 0.5, 0, 1,
            "Probability each consumer knows the firm's web store at tick 0 (platform and store offers "
                    + "need no awareness).");
    public static final Param MARKETING_SPEND = Param.number("spend", "money/tick", 0, 0, 1e9,
            "Marketing spend per tick; buys spend / market.cost_per_contact contacts with uniformly drawn "
                    + "consumers, who learn of the web store (only firms with a web store advertise).")
            .withSource("Bass 1969 (innovation p = contacts / N per tick)");

    public static final Param EDUCATION_SPEND = Param.number("spend", "money/tick", 0, 0, 1e9,
            "Teaching consumers new purchase criteria: buys spend / market.cost_per_contact contacts a tick, each "
                    + "raising a consumer's tilt toward this firm by dynamics.teaching.step; its own customers first, then "
                    + "the consumers aware of it (dynamics.teaching.audience_share).")
            .withSource(Sources.DAWAR);
    public static final Param INNOVATION_SPEND = Param.number("spend", "money/tick", 0, 0, 1e9,
            "Moves the product toward where its target's tastes are going (target, lead) by at most spend / "
                    + "dynamics.innovation_cost_per_step of the circle per tick.")
            .withSource("essay 002 (Jeo section 2: ever-changing preferences need constant innovation)");
    public static final Param INNOVATION_TARGET = Param.choice("target", "customers", List.of("customers", "market"),
            "Whose tastes innovation follows. customers: its own customers' circular mean taste (the clientele it "
                    + "has). market: the whole market's movement, its starting position carried along by the mean "
                    + "displacement of every consumer's taste (its place in a market that moves).")
            .withSource("MODEL.md 2.5 (where its customers' (or the market's) tastes are going)");
    public static final Param INNOVATION_LEAD = Param.number("lead", "ticks", 0, 0, 520,
            "How far ahead innovation aims: the target's position plus its observed velocity (an exponentially "
                    + "weighted mean of its moves per tick over about lead ticks) times lead. 0: where the target "
                    + "is now.")
            .withSource("MODEL.md 2.5 (where tastes are going); essay 002 (Jeo section 2: agility)");
    // ---- categories and range (essay 004) --------------------------------------------------
    public static final Param CATEGORIES = Param.text("categories", "",
            "The categories the firm offers at the start: a list of names from market.categories, e.g. [staples, "
                    + "fresh]. Absent or empty: every category. Consumers consider a firm only on occasions in a "
                    + "category it offers.")
            .withSource("MODEL.md 3 (a firm offers a range of categories); essay 004 (Vandermerwe)");
    public static final Param RANGE_EXPAND = Param.bool("expand", false,
            "Range expansion: at each review (dynamics.adaptation.review_every) the firm adds the category, not yet "
                    + "in its range, on which its customers spent most with other sellers since the last review "
                    + "(their unmet need). Deep customer focus extends the range toward the customers' needs; "
                    + "product focus keeps a few broad-reach categories.")
            .withSource("essay 004 (Vandermerwe: customers spend \"on a greater variety of offerings\"); MODEL.md 3");
    public static final Param RANGE_COST = Param.number("cost_per_category", "money/tick", 0, 0, 1e9,
            "Running cost per tick of each category range expansion added (sourcing, staff, know-how).")
            .withSource("essay 004 (deep focus is costly organizational change)");
    public static final Param PERSONALIZATION_TENURE = Param.number("tenure_scale", "purchases", 0, 0, 1e6,
            "The fit grows with each customer's own purchases from the firm, n: personalization for that consumer "
                    + "is phi_j (1 - exp(-n / tenure_scale)) (the firm learns the customer). 0: the full phi_j for "
                    + "every consumer from the first offer.")
            .withSource("essay 004 (Vandermerwe: the firm learns each customer); MODEL.md 3");

    // ---- channels --------------------------------------------------------------------------
    public static final Param DIRECT_FIXED_COST = Param.number("fixed_cost", "money/tick", 100, 0, 1e9,
            "Fixed cost of running the direct web store per tick.");
    public static final Param AD_BID = Param.number("ad_bid", "share of price", 0, 0, 1,
            "Most the seller pays per sale from a sponsored result; it never bids above its unit margin "
                    + "after fees.");
    // ---- seller pools ----------------------------------------------------------------------
    public static final Param POOL_NAME = Param.text("name", "",
            "Pool name; its sellers are named NAME-001, NAME-002, ... and reported together.");
    public static final Param POOL_COUNT = Param.integer("count", "sellers", 10, 1, 5_000,
            "Number of sellers the pool generates.");
    public static final Param POOL_ENTRANTS = Param.integer("entrants", "sellers", 0, 0, 5_000,
            "Further sellers drawn the same way that start outside the market and enter the platform when "
                    + "expected profit after fees is positive (platform-only sellers).");
}
