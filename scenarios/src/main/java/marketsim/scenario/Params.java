package marketsim.scenario;

import java.util.List;
import java.util.Map;

import marketsim.core.config.Trait;

/**
 * Every parameter of the scenario format, with its unit, default and range: the one commented
 * place where defaults live. Sections mirror the file's structure; {@link #SECTIONS} lists them
 * for the generated documentation.
 *
 * <p>A parameter's source (its {@link Param#withSource}) cites what backs its form or default: a
 * paper, one of the five essays (000 Dawar, 001 Seddon, 002 Jeo, 003 Heinonen, 004 Vandermerwe)
 * or a section of MODEL.md. Parameters without one are modelling choices, to be swept.
 */
public final class Params {
    private Params() {
    }

    // ---- sources used by several parameters ----------------------------------------------
    private static final String LOGIT = "McFadden 1974 (conditional logit)";
    private static final String SALOP = "Salop 1979 (circular city)";
    private static final String WATTS_STROGATZ = "Watts & Strogatz 1998 (small world)";
    private static final String SEDDON = "essay 001 (Seddon: failure demand)";
    private static final String DAWAR = "essay 000 (Dawar, Tilt: teaching purchase criteria)";
    private static final String HEINONEN = "essay 003 (Heinonen: customer dominance)";
    private static final String JEO_COST = "essay 002 (Jeo section 2: the high cost of technology)";
    private static final String JEO_CONTROL = "essay 002 (Jeo section 5: losing control over your customers)";
    private static final String JEO_STORE = "essay 002 (Jeo section 1: Indomaret and Alfamart charge producers "
            + "for access)";

    /** A group of parameters at one place in the document. */
    public record Section(String path, String title, List<Param> params) {
    }

    // ---- top level -------------------------------------------------------------------------
    public static final Param DESCRIPTION = Param.text("description", "",
            "The question the scenario answers, what to look at, where it comes from.");
    public static final Param HORIZON = Param.integer("horizon", "ticks (weeks)", 260, 1, 10_000,
            "Length of a run.")
            .withSource("MODEL.md 1 (260 weeks = 5 years)");
    public static final Param REPLICATIONS = Param.integer("replications", "runs", 20, 1, 100_000,
            "Default number of replications (each with its own derived random stream).");
    public static final Param SEED = Param.integer("seed", "", 1, Long.MIN_VALUE, Long.MAX_VALUE,
            "Default master seed; replication seeds are derived from it.")
            .withSource("SplitMix64 seed derivation (Steele, Lea & Flood 2014)");

    // ---- population ------------------------------------------------------------------------
    public static final Param SIZE = Param.integer("size", "consumers", 10_000, 1, 10_000_000,
            "Number of consumers N.")
            .withSource("MODEL.md 2 (N = 10,000)");
    public static final Param MEMORY = Param.integer("relationship_memory", "firms", 4, 1, 16,
            "Relationship stocks a consumer remembers; a new firm replaces the weakest.")
            .withSource("MODEL.md 2 (bounded memory of 4 firms)");
    public static final Param OUTSIDE_UTILITY = Param.number("outside_utility", "utils", 0, -100, 100,
            "u0, utility of not buying on a purchase occasion.")
            .withSource("Berry 1994 (outside good, utility normalized to 0)");

    // ---- segment ---------------------------------------------------------------------------
    public static final Param SEGMENT_NAME = Param.text("name", "",
            "Segment name (unique); results and streams are keyed by it.");
    public static final Param SEGMENT_SHARE = Param.number("share", "share of N", 1, 0, 1,
            "Share of consumers in the segment; shares sum to 1.");

    /** Consumer traits, in the segment section; each a number or a distribution. */
    public static final Map<Trait, Param> TRAITS = Map.ofEntries(
            Map.entry(Trait.PRICE_SENSITIVITY, Param.distribution("price_sensitivity", "utils/money", 0.3,
                    0.001, 100, "alpha_i: utility lost per money unit of price.").withSource(LOGIT)),
            Map.entry(Trait.QUALITY_WEIGHT, Param.distribution("quality_weight", "utils/quality", 2.0,
                    0, 100, "beta_i: utility per unit of quality.").withSource(LOGIT)),
            Map.entry(Trait.RELATIONSHIP_WEIGHT, Param.distribution("relationship_weight", "utils", 1.0,
                    0, 100, "gamma_i: utility per unit of relationship stock with the seller.")
                    .withSource("Weisbuch, Kirman & Herreiner 2000 (loyalty in logit choice)")),
            Map.entry(Trait.MISMATCH_COST, Param.distribution("mismatch_cost", "utils/distance", 2.0,
                    0, 100, "t_i: utility lost per unit of circular distance between taste and product "
                            + "(the largest distance is 0.5).").withSource(SALOP)),
            Map.entry(Trait.PURCHASE_PROBABILITY, Param.distribution("purchase_probability", "1/tick",
                    0.25, 0, 1, "lambda_i: probability of a purchase occasion per tick.")),
            Map.entry(Trait.SWITCHING_COST, Param.distribution("switching_cost", "utils", 0.5, 0, 100,
                    "s_i: utility lost buying from a seller other than the last one.")
                    .withSource("Klemperer 1987 (consumer switching costs)")),
            Map.entry(Trait.DIRECT_AFFINITY, Param.distribution("direct_affinity", "utils", 0.0, -100, 100,
                    "a_i,direct: utility of buying through a firm's own direct channel.")),
            Map.entry(Trait.PLATFORM_AFFINITY, Param.distribution("platform_affinity", "utils", 0.0, -100, 100,
                    "a_i,platform: utility of buying on the platform; also raises the pull of membership.")),
            Map.entry(Trait.STORE_AFFINITY, Param.distribution("store_affinity", "utils", 0.0, -100, 100,
                    "a_i,store: utility of buying in the store.")),
            Map.entry(Trait.PERSONALIZATION_RESPONSIVENESS, Param.distribution(
                    "personalization_responsiveness", "share", 0.5, 0, 1,
                    "pi_i: share of the taste mismatch that full personalization removes.")),
            Map.entry(Trait.QUALITY_EXPECTATION, Param.distribution("quality_expectation", "quality",
                    0.5, 0, 10, "e_i: quality the consumer expects; satisfaction is realized quality "
                            + "minus it.").withSource("Oliver 1980 (expectation disconfirmation)")),
            Map.entry(Trait.TASTE, Param.distribution("taste", "circle position",
                    "{dist: uniform, min: 0, max: 1}", 0, 1,
                    "tau_i: taste position on the unit circle; values wrap modulo 1 instead of "
                            + "being clipped.").withSource(SALOP)));

    // ---- distributions ---------------------------------------------------------------------
    public static final Param DIST = Param.choice("dist", "constant",
            List.of("constant", "normal", "lognormal", "uniform", "beta"), "Distribution family.");
    public static final Param DIST_VALUE = Param.number("value", "trait unit", 0, -1e9, 1e9,
            "constant: the value.");
    public static final Param DIST_MEAN = Param.number("mean", "trait unit", 0, -1e9, 1e9, "normal: mean.");
    public static final Param DIST_SD = Param.number("sd", "trait unit", 1, 0, 1e9, "normal: standard deviation.");
    public static final Param DIST_MEDIAN = Param.number("median", "trait unit", 1, 1e-12, 1e9,
            "lognormal: median exp(mu).");
    public static final Param DIST_SIGMA = Param.number("sigma", "", 0.5, 0, 10,
            "lognormal: sd of the log.");
    public static final Param DIST_MIN = Param.number("min", "trait unit", 0, -1e9, 1e9,
            "uniform, beta: lower end.");
    public static final Param DIST_MAX = Param.number("max", "trait unit", 1, -1e9, 1e9,
            "uniform, beta: upper end.");
    public static final Param DIST_A = Param.number("a", "", 2, 1e-6, 1e6, "beta: first shape.");
    public static final Param DIST_B = Param.number("b", "", 2, 1e-6, 1e6, "beta: second shape.");

    // ---- market rules ----------------------------------------------------------------------
    public static final Param DECAY = Param.number("relationship_decay", "share/tick", 0.02, 0, 1,
            "delta: share of every relationship stock lost per tick.")
            .withSource("Weisbuch, Kirman & Herreiner 2000 (loyalty that fades without purchases)");
    public static final Param SATISFACTION_SENSITIVITY = Param.number("satisfaction_sensitivity",
            "1/quality", 8, 0, 1000, "kappa: steepness of g = 1/(1+exp(-kappa (realized quality - "
                    + "expectation))).");
    public static final Param QUALITY_NOISE = Param.number("quality_noise", "quality", 0.1, 0, 10,
            "sd of realized quality around the seller's quality q_j.");
    public static final Param FAILURE_PENALTY = Param.number("failure_penalty", "g units", 1, 0, 1,
            "g of a failed purchase is -failure_penalty: the stock loses eta x penalty of itself.")
            .withSource(SEDDON);
    public static final Param PROMOTER_THRESHOLD = Param.number("promoter_threshold", "g units", 0.7, 0, 1,
            "g at or above which the consumer becomes a promoter.")
            .withSource("Reichheld 2003 (NPS categories; his promoters score 9-10 of 10)");
    public static final Param DETRACTOR_THRESHOLD = Param.number("detractor_threshold", "g units", 0.3,
            -1, 1, "g at or below which the consumer becomes a detractor; a failure makes one with "
                    + "probability failure_detractor_share.")
            .withSource("Reichheld 2003 (NPS categories; his detractors score 0-6 of 10)");
    public static final Param COST_PER_CONTACT = Param.number("cost_per_contact", "money/contact", 0.05,
            1e-9, 1e9, "Marketing and education money per consumer contact.");
    public static final Param FAILURE_DETRACTOR_SHARE = Param.number("failure_detractor_share", "share", 0.6, 0, 1,
            "Probability a failed purchase makes the consumer a detractor (otherwise passive).")
            .withSource("MODEL.md 2.3; " + SEDDON);
    public static final Param VALUE_CONTACT_RATE = Param.number("value_contact_rate", "contacts/purchase", 0.05, 0, 1,
            "Probability a purchase leads to a value-demand service contact (a question, help), besides "
                    + "failure demand.")
            .withSource("essay 001: Seddon found failure demand 20-50% of call-centre demand; the "
                    + "defaults give 50%");

    // ---- metrics ---------------------------------------------------------------------------
    public static final Param SUMMARY_WINDOW = Param.integer("summary_window", "ticks", 52, 1, 10_000,
            "The last ticks summarised per replication (summary.csv, the printed table); capped "
                    + "at the horizon.");
    public static final Param DISCOUNT_RATE = Param.number("discount_rate", "1/tick", 0.0018, 0, 1,
            "i in customer lifetime value m r / (1 + i - r); 0.0018/week is about 10%/year.")
            .withSource("Gupta & Lehmann 2003 (CLV = m r / (1 + i - r))");

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
            .withSource(SALOP);
    public static final Param QUALITY = Param.number("quality", "quality", 0.5, 0, 10,
            "q_j: quality index.");
    public static final Param UNIT_COST = Param.number("unit_cost", "money/unit", 8, 0, 1e6,
            "c_j: cost of goods per unit sold.");
    public static final Param PRICING = Param.choice("pricing", "cost-plus",
            List.of("cost-plus", "hill-climbing", "best-response"),
            "Pricing rule. cost-plus: price = unit cost x (1 + markup). hill-climbing: the markup moves by "
                    + "dynamics.adaptation.markup_step each review, reversing when profit fell. best-response: "
                    + "the markup that maximizes profit on the logit demand the firm faced since its last review, "
                    + "m = -s / (ds/dp) from every occasion's choice probabilities (with homogeneous consumers "
                    + "1 / (alpha (1 - s))); firms of one owner solve for their markups jointly; the price moves "
                    + "toward it by dynamics.adaptation.price_adjustment (logit Bertrand-Nash when all firms do it).")
            .withSource("best-response: Anderson, de Palma & Thisse 1992; Berry, Levinsohn & Pakes 1995 (multi-product)");
    public static final Param OWNER = Param.text("owner", "",
            "Who sets the firm's prices: firms with the same owner price jointly under best-response pricing, as "
                    + "one multi-product firm (e.g. the platform's private label and the platform's other products). "
                    + "Empty: the firm itself.");
    public static final Param MARKUP = Param.number("markup", "share of unit cost", 0.3, 0, 100,
            "Cost-plus markup.");
    public static final Param FAILURE_RATE = Param.number("failure_rate", "share of sales", 0.05, 0, 1,
            "f_j: probability a sale fails (a strongly negative experience).")
            .withSource(SEDDON);
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

    public static final Param PERSONALIZATION_LEVEL = Param.number("level", "share", 0, 0, 1,
            "Most personalization phi_j the direct channel achieves.")
            .withSource("essay 002 (Jeo section 2: personalized experiences)");
    public static final Param PERSONALIZATION_DATA_SCALE = Param.number("data_scale", "transactions", 0, 0, 1e12,
            "phi_j = level (1 - exp(-D / data_scale)), D the firm's cumulative direct sales (its own data); "
                    + "0: the full level from the start.")
            .withSource("essay 000 (Dawar: advantage from accumulating customer data)");
    public static final Param PERSONALIZATION_FIXED = Param.number("fixed_cost", "money/tick", 0, 0, 1e9,
            "Fixed cost of personalization per tick.")
            .withSource(JEO_COST);
    public static final Param PERSONALIZATION_PER_CUSTOMER = Param.number("cost_per_customer",
            "money/customer/tick", 0, 0, 1e6, "Cost per customer in the firm's customer base per tick.")
            .withSource(JEO_COST);

    public static final Param INITIAL_AWARENESS = Param.number("initial_awareness", "share", 0.5, 0, 1,
            "Probability each consumer knows the firm's web store at tick 0 (platform and store offers "
                    + "need no awareness).");
    public static final Param MARKETING_SPEND = Param.number("spend", "money/tick", 0, 0, 1e9,
            "Marketing spend per tick; buys spend / market.cost_per_contact contacts with uniformly drawn "
                    + "consumers, who learn of the web store (only firms with a web store advertise).")
            .withSource("Bass 1969 (innovation p = contacts / N per tick)");

    public static final Param EDUCATION_SPEND = Param.number("spend", "money/tick", 0, 0, 1e9,
            "Teaching consumers new purchase criteria: buys spend / market.cost_per_contact contacts a tick, each "
                    + "raising a random consumer's tilt by dynamics.teaching.step.")
            .withSource(DAWAR);
    public static final Param INNOVATION_SPEND = Param.number("spend", "money/tick", 0, 0, 1e9,
            "Moves the product toward its customers' mean taste by spend / dynamics.innovation_cost_per_step "
                    + "of the circle per tick.")
            .withSource("essay 002 (Jeo section 2: ever-changing preferences need constant innovation)");

    // ---- word of mouth ---------------------------------------------------------------------
    public static final Param TALK_RATE = Param.number("talk_rate", "1/tick", 0, 0, 1,
            "Probability a consumer hears from a random neighbour each tick: it learns the web stores the "
                    + "neighbour knows (Bass imitation q), and a promoter or detractor neighbour passes on its "
                    + "attitude to its last supplier. 0: off (no network is built).")
            .withSource("Bass 1969 (imitation q); Sultan, Farley & Lehmann 1990: mean q = 0.38 per year");
    public static final Param ATTITUDE = Param.number("attitude", "share", 0.05, 0, 1,
            "A promoter moves the listener's stock with its firm up by attitude x (1 - L); a detractor down by "
                    + "attitude x L.");
    public static final Param MEAN_DEGREE = Param.integer("mean_degree", "ties", 10, 2, 100,
            "Mean number of ties in the Watts-Strogatz network (rounded down to even).")
            .withSource(WATTS_STROGATZ + "; MODEL.md 2.4 (degree ~10)");
    public static final Param REWIRING = Param.number("rewiring", "probability", 0.1, 0, 1,
            "Watts-Strogatz rewiring: 0 a ring lattice, 1 a random graph.")
            .withSource(WATTS_STROGATZ);

    // ---- dynamics --------------------------------------------------------------------------
    public static final Param TASTE_DRIFT = Param.number("taste_drift", "circle/tick", 0, 0, 0.5,
            "sd of each consumer's taste random walk per tick (ever-changing preferences).")
            .withSource("essay 002 (Jeo section 2: ever-changing preferences)");
    public static final Param INNOVATION_COST = Param.number("innovation_cost_per_step", "money/circle", 20_000,
            1e-9, 1e12, "Innovation spend that moves a product by the whole circle (a step of 0.01 costs 1%).");
    public static final Param TEACHING_STEP = Param.number("step", "tilt", 0.2, 0, 1,
            "Tilt added to a consumer per education contact (tilt is capped at 1).")
            .withSource(DAWAR);
    public static final Param TEACHING_DECAY = Param.number("decay", "share/tick", 0.02, 0, 1,
            "Share of tilt lost each tick without reinforcement.");
    public static final Param PRICE_SHIFT = Param.number("price_shift", "share", 0.5, 0, 1,
            "Effective alpha = alpha (1 - price_shift x tilt).")
            .withSource(DAWAR);
    public static final Param QUALITY_SHIFT = Param.number("quality_shift", "share", 0.5, 0, 10,
            "Effective beta = beta (1 + quality_shift x tilt).")
            .withSource(DAWAR);
    public static final Param RELATIONSHIP_SHIFT = Param.number("relationship_shift", "share", 0.5, 0, 10,
            "Effective gamma = gamma (1 + relationship_shift x tilt).")
            .withSource(DAWAR);
    public static final Param DOMINANCE = Param.bool("enabled", false,
            "Customer dominance: every consumer knows every web store and is a platform member, and "
                    + "switching costs shrink by switching_factor.")
            .withSource(HEINONEN);
    public static final Param SWITCHING_FACTOR = Param.number("switching_factor", "share", 0.05, 0, 1,
            "Switching costs are multiplied by this under customer dominance.")
            .withSource(HEINONEN);
    public static final Param REVIEW_EVERY = Param.integer("review_every", "ticks", 4, 1, 1000,
            "Ticks between firms' reviews (adaptive pricing, imitation, exit).");
    public static final Param MARKUP_STEP = Param.number("markup_step", "markup", 0.02, 0, 10,
            "Hill-climbing step in markup per review.");
    public static final Param PRICE_ADJUSTMENT = Param.number("price_adjustment", "share of the gap", 0.5, 0.01, 1,
            "At each review a best-response pricer moves this share of the way from its price to its best-response "
                    + "price (partial adjustment: 1 jumps there, and can cycle when demand is nearly linear, as on "
                    + "Salop's circle; the equilibrium is the same).");
    public static final Param IMITATION_RATE = Param.number("imitation_rate", "probability", 0, 0, 1,
            "At each review, probability a firm compares itself with a random rival and, if the rival earned "
                    + "more and follows another archetype, adopts that archetype's bundle (keeping name, position "
                    + "and channels). 0: off.");
    public static final Param EXIT_AFTER = Param.integer("exit_after", "reviews", 0, 0, 1000,
            "A firm with negative cash at this many consecutive reviews leaves the market. 0: never.");

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

    // ---- platform --------------------------------------------------------------------------
    public static final Param TAKE_RATE = Param.number("take_rate", "share of price", 0.15, 0, 1,
            "Commission on each third-party sale.")
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
    public static final Param RECOMMENDATION_MAX = Param.number("max", "share", 0.5, 0, 1,
            "Personalization phi of platform offers with unlimited data.");
    public static final Param RECOMMENDATION_SCALE = Param.number("data_scale", "transactions", 50_000, 1, 1e12,
            "Platform transactions at which phi reaches 63% of max: phi = max (1 - exp(-D / data_scale)).")
            .withSource("essay 000 (Dawar: customer data and network effects)");
    public static final Param RELATIONSHIP_SHARE = Param.number("brand_share", "share", 0.3, 0, 1,
            "omega: share of the relationship gain a brand keeps when it sells through the platform.")
            .withSource(JEO_CONTROL);
    public static final Param PLATFORM_RELATIONSHIP_RATE = Param.number("platform_rate", "share", 0.2, 0, 1,
            "eta of the platform's own relationship stock with its buyers.")
            .withSource(JEO_CONTROL);
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
            .withSource(JEO_STORE);
    public static final Param RETAIL_MARGIN = Param.number("retail_margin", "share of price", 0.25, 0, 0.95,
            "Share of the price the store keeps on each sale.")
            .withSource(JEO_STORE);
    public static final Param STORE_FIXED_COST = Param.number("fixed_cost", "money/tick", 300, 0, 1e9,
            "The store's own fixed cost per tick.");
    public static final Param STORE_CASH = Param.number("initial_cash", "money", 50_000, 0, 1e12,
            "The store's cash at tick 0.");
    public static final Param STORE_REVIEW = Param.integer("review_every", "ticks", 13, 1, 1000,
            "Ticks between shelf decisions (sellers apply, the store chooses).");

    public static final List<Section> SECTIONS = List.of(
            new Section("", "Top level", List.of(DESCRIPTION, HORIZON, REPLICATIONS, SEED)),
            new Section("population", "Population", List.of(SIZE, MEMORY, OUTSIDE_UTILITY)),
            new Section("population.segments[]", "Segments (a list; each a mixture component)",
                    segmentParams()),
            new Section("population.segments[].TRAIT", "Trait distributions (a number, or an object "
                    + "with dist:)", List.of(DIST, DIST_VALUE, DIST_MEAN, DIST_SD, DIST_MEDIAN, DIST_SIGMA,
                    DIST_MIN, DIST_MAX, DIST_A, DIST_B)),
            new Section("market", "Market rules", List.of(DECAY, SATISFACTION_SENSITIVITY, QUALITY_NOISE,
                    FAILURE_PENALTY, PROMOTER_THRESHOLD, DETRACTOR_THRESHOLD, COST_PER_CONTACT,
                    FAILURE_DETRACTOR_SHARE, VALUE_CONTACT_RATE)),
            new Section("metrics", "Metrics", List.of(SUMMARY_WINDOW, DISCOUNT_RATE)),
            new Section("word_of_mouth", "Word of mouth on a small-world network", List.of(TALK_RATE, ATTITUDE,
                    MEAN_DEGREE, REWIRING)),
            new Section("dynamics", "Changing tastes and repositioning", List.of(TASTE_DRIFT, INNOVATION_COST)),
            new Section("dynamics.teaching", "Teaching purchase criteria (Dawar's Tilt)", List.of(TEACHING_STEP,
                    TEACHING_DECAY, PRICE_SHIFT, QUALITY_SHIFT, RELATIONSHIP_SHIFT)),
            new Section("dynamics.customer_dominance", "Customer dominance (Heinonen)", List.of(DOMINANCE,
                    SWITCHING_FACTOR)),
            new Section("dynamics.adaptation", "Firm adaptation", List.of(REVIEW_EVERY, MARKUP_STEP, PRICE_ADJUSTMENT,
                    IMITATION_RATE, EXIT_AFTER)),
            new Section("firms[]", "Firm levers (also allowed in archetypes.NAME, the bundle a firm "
                    + "starts from)", List.of(FIRM_NAME, ARCHETYPE, POSITION, QUALITY, UNIT_COST, PRICING,
                    OWNER, MARKUP, FAILURE_RATE, RELATIONSHIP_RATE, INITIAL_CASH)),
            new Section("firms[].loyalty", "Loyalty program", List.of(LOYALTY_ENABLED, LOYALTY_DISCOUNT,
                    LOYALTY_BONUS)),
            new Section("firms[].personalization", "Personalization", List.of(PERSONALIZATION_LEVEL,
                    PERSONALIZATION_FIXED, PERSONALIZATION_PER_CUSTOMER, PERSONALIZATION_DATA_SCALE)),
            new Section("firms[].learning", "Learning curve", List.of(LEARNING_RATE, LEARNING_SCALE)),
            new Section("firms[].quality_investment", "Quality investment", List.of(QUALITY_SPEND, QUALITY_HALVING)),
            new Section("firms[].service", "Service", List.of(SERVICE_COST)),
            new Section("firms[].education", "Education (teaching purchase criteria)", List.of(EDUCATION_SPEND)),
            new Section("firms[].innovation", "Innovation (repositioning)", List.of(INNOVATION_SPEND)),
            new Section("firms[].marketing", "Marketing", List.of(INITIAL_AWARENESS, MARKETING_SPEND)),
            new Section("firms[].channels.direct", "Direct channel (false: no web store)", List.of(DIRECT_FIXED_COST)),
            new Section("firms[].channels.platform", "Platform listing (a mapping, true, or false: not on the "
                    + "platform)", List.of(AD_BID)),
            new Section("firms[].channels.store", "Store shelf (true or {}: apply for a slot; false: no)", List.of()),
            new Section("seller_pools[]", "Seller pools: generated sellers. Every firm lever is allowed; position, "
                    + "quality, unit_cost, markup, failure_rate, relationship_rate, initial_cash and "
                    + "channels.platform.ad_bid may be distributions, drawn once per scenario; position defaults to "
                    + "uniform on the circle", List.of(POOL_NAME, POOL_COUNT, POOL_ENTRANTS, ARCHETYPE)),
            new Section("platform", "The hybrid platform (omit for none)", List.of(TAKE_RATE, FULFILMENT_FEE,
                    FULFILMENT_COST, LISTING_FEE, SUBSIDY, PLATFORM_FIXED_COST, PLATFORM_CASH, PLATFORM_REVIEW, RELIST_SHARE, MAX_ENTRANTS)),
            new Section("platform.ranking", "Ranking", List.of(RESULTS, SPONSORED_SLOTS, TASTE_BINS, SELF_PREFERENCING)),
            new Section("platform.recommendation", "Recommendation quality", List.of(RECOMMENDATION_MAX,
                    RECOMMENDATION_SCALE)),
            new Section("platform.relationship", "Relationships through the platform", List.of(RELATIONSHIP_SHARE,
                    PLATFORM_RELATIONSHIP_RATE)),
            new Section("platform.membership", "Membership", List.of(INITIAL_MEMBERS, JOIN_RATE, LEAVE_RATE,
                    VARIETY_WEIGHT, MEMBERSHIP_UTILITY)),
            new Section("store", "The store (omit for none)", List.of(SLOTS, SLOTTING_FEE, RETAIL_MARGIN,
                    STORE_FIXED_COST, STORE_CASH, STORE_REVIEW)));

    private static List<Param> segmentParams() {
        java.util.ArrayList<Param> list = new java.util.ArrayList<>(List.of(SEGMENT_NAME, SEGMENT_SHARE));
        for (Trait trait : Trait.values()) {
            if (TRAITS.containsKey(trait)) {
                list.add(TRAITS.get(trait));
            }
        }
        return List.copyOf(list);
    }
}
