package marketsim.scenario;

import java.util.List;
import java.util.Map;

import marketsim.core.config.Trait;

/**
 * Every parameter of the scenario format, with its unit, default and range: the one commented
 * place where defaults live. Sections mirror the file's structure; {@link #SECTIONS} lists them
 * for the generated documentation.
 */
public final class Params {
    private Params() {
    }

    /** A group of parameters at one place in the document. */
    public record Section(String path, String title, List<Param> params) {
    }

    // ---- top level -------------------------------------------------------------------------
    public static final Param DESCRIPTION = Param.text("description", "",
            "The question the scenario answers, what to look at, where it comes from.");
    public static final Param HORIZON = Param.integer("horizon", "ticks (weeks)", 260, 1, 10_000,
            "Length of a run.");
    public static final Param REPLICATIONS = Param.integer("replications", "runs", 20, 1, 100_000,
            "Default number of replications (each with its own derived random stream).");
    public static final Param SEED = Param.integer("seed", "", 1, Long.MIN_VALUE, Long.MAX_VALUE,
            "Default master seed; replication seeds are derived from it.");

    // ---- population ------------------------------------------------------------------------
    public static final Param SIZE = Param.integer("size", "consumers", 10_000, 1, 10_000_000,
            "Number of consumers N.");
    public static final Param MEMORY = Param.integer("relationship_memory", "firms", 4, 1, 16,
            "Relationship stocks a consumer remembers; a new firm replaces the weakest.");
    public static final Param OUTSIDE_UTILITY = Param.number("outside_utility", "utils", 0, -100, 100,
            "u0, utility of not buying on a purchase occasion.");

    // ---- segment ---------------------------------------------------------------------------
    public static final Param SEGMENT_NAME = Param.text("name", "",
            "Segment name (unique); results and streams are keyed by it.");
    public static final Param SEGMENT_SHARE = Param.number("share", "share of N", 1, 0, 1,
            "Share of consumers in the segment; shares sum to 1.");

    /** Consumer traits, in the segment section; each a number or a distribution. */
    public static final Map<Trait, Param> TRAITS = Map.ofEntries(
            Map.entry(Trait.PRICE_SENSITIVITY, Param.distribution("price_sensitivity", "utils/money", 0.3,
                    0.001, 100, "alpha_i: utility lost per money unit of price.")),
            Map.entry(Trait.QUALITY_WEIGHT, Param.distribution("quality_weight", "utils/quality", 2.0,
                    0, 100, "beta_i: utility per unit of quality.")),
            Map.entry(Trait.RELATIONSHIP_WEIGHT, Param.distribution("relationship_weight", "utils", 1.0,
                    0, 100, "gamma_i: utility per unit of relationship stock with the seller.")),
            Map.entry(Trait.MISMATCH_COST, Param.distribution("mismatch_cost", "utils/distance", 2.0,
                    0, 100, "t_i: utility lost per unit of circular distance between taste and product "
                            + "(the largest distance is 0.5).")),
            Map.entry(Trait.PURCHASE_PROBABILITY, Param.distribution("purchase_probability", "1/tick",
                    0.25, 0, 1, "lambda_i: probability of a purchase occasion per tick.")),
            Map.entry(Trait.SWITCHING_COST, Param.distribution("switching_cost", "utils", 0.5, 0, 100,
                    "s_i: utility lost buying from a seller other than the last one.")),
            Map.entry(Trait.DIRECT_AFFINITY, Param.distribution("direct_affinity", "utils", 0.0, -100, 100,
                    "a_i,direct: utility of buying through a firm's own direct channel.")),
            Map.entry(Trait.PERSONALIZATION_RESPONSIVENESS, Param.distribution(
                    "personalization_responsiveness", "share", 0.5, 0, 1,
                    "pi_i: share of the taste mismatch that full personalization removes.")),
            Map.entry(Trait.QUALITY_EXPECTATION, Param.distribution("quality_expectation", "quality",
                    0.5, 0, 10, "e_i: quality the consumer expects; satisfaction is realized quality "
                            + "minus it.")),
            Map.entry(Trait.TASTE, Param.distribution("taste", "circle position",
                    "{dist: uniform, min: 0, max: 1}", 0, 1,
                    "tau_i: taste position on the unit circle; values wrap modulo 1 instead of "
                            + "being clipped.")));

    /** Traits of channels the model does not have yet; fixed at zero, not in the format. */
    public static final List<Trait> NOT_IN_FORMAT = List.of(Trait.PLATFORM_AFFINITY, Trait.STORE_AFFINITY);

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
            "delta: share of every relationship stock lost per tick.");
    public static final Param SATISFACTION_SENSITIVITY = Param.number("satisfaction_sensitivity",
            "1/quality", 8, 0, 1000, "kappa: steepness of g = 1/(1+exp(-kappa (realized quality - "
                    + "expectation))).");
    public static final Param QUALITY_NOISE = Param.number("quality_noise", "quality", 0.1, 0, 10,
            "sd of realized quality around the seller's quality q_j.");
    public static final Param FAILURE_PENALTY = Param.number("failure_penalty", "g units", 1, 0, 1,
            "g of a failed purchase is -failure_penalty: the stock loses eta x penalty of itself.");
    public static final Param PROMOTER_THRESHOLD = Param.number("promoter_threshold", "g units", 0.7, 0, 1,
            "g at or above which the consumer becomes a promoter.");
    public static final Param DETRACTOR_THRESHOLD = Param.number("detractor_threshold", "g units", 0.3,
            -1, 1, "g at or below which the consumer becomes a detractor (failures always do).");
    public static final Param COST_PER_CONTACT = Param.number("cost_per_contact", "money/contact", 0.05,
            1e-9, 1e9, "Marketing money per consumer reached.");

    // ---- metrics ---------------------------------------------------------------------------
    public static final Param SUMMARY_WINDOW = Param.integer("summary_window", "ticks", 52, 1, 10_000,
            "The last ticks summarised per replication (summary.csv, the printed table); capped "
                    + "at the horizon.");
    public static final Param DISCOUNT_RATE = Param.number("discount_rate", "1/tick", 0.0018, 0, 1,
            "i in customer lifetime value m r / (1 + i - r); 0.0018/week is about 10%/year.");

    // ---- firm levers -----------------------------------------------------------------------
    public static final Param FIRM_NAME = Param.text("name", "",
            "Firm name (unique); results and random streams are keyed by it.");
    public static final Param ARCHETYPE = Param.choice("archetype", "", List.of("product-focused",
            "customer-focused"), "Strategy: the lever bundle under archetypes: the firm starts "
            + "from, and the category its results are reported in.");
    public static final Param POSITION = Param.number("position", "circle position", 0, 0, 1,
            "x_j: product position on the taste circle (1 is the same as 0).");
    public static final Param QUALITY = Param.number("quality", "quality", 0.5, 0, 10,
            "q_j: quality index.");
    public static final Param UNIT_COST = Param.number("unit_cost", "money/unit", 8, 0, 1e6,
            "c_j: cost of goods per unit sold.");
    public static final Param PRICING = Param.choice("pricing", "cost-plus", List.of("cost-plus"),
            "Pricing rule: cost-plus sets price = unit_cost x (1 + markup).");
    public static final Param MARKUP = Param.number("markup", "share of unit cost", 0.3, 0, 100,
            "Cost-plus markup.");
    public static final Param FAILURE_RATE = Param.number("failure_rate", "share of sales", 0.05, 0, 1,
            "f_j: probability a sale fails (a strongly negative experience).");
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
            "phi_j: personalization the direct channel achieves.");
    public static final Param PERSONALIZATION_FIXED = Param.number("fixed_cost", "money/tick", 0, 0, 1e9,
            "Fixed cost of personalization per tick.");
    public static final Param PERSONALIZATION_PER_CUSTOMER = Param.number("cost_per_customer",
            "money/customer/tick", 0, 0, 1e6, "Cost per customer in the firm's customer base per tick.");

    public static final Param INITIAL_AWARENESS = Param.number("initial_awareness", "share", 0.5, 0, 1,
            "Probability each consumer knows the firm at tick 0.");
    public static final Param MARKETING_SPEND = Param.number("spend", "money/tick", 0, 0, 1e9,
            "Marketing spend per tick; buys spend / cost_per_contact random contacts.");

    public static final Param DIRECT_FIXED_COST = Param.number("fixed_cost", "money/tick", 100, 0, 1e9,
            "Fixed cost of running the direct web store per tick.");

    public static final List<Section> SECTIONS = List.of(
            new Section("", "Top level", List.of(DESCRIPTION, HORIZON, REPLICATIONS, SEED)),
            new Section("population", "Population", List.of(SIZE, MEMORY, OUTSIDE_UTILITY)),
            new Section("population.segments[]", "Segments (a list; each a mixture component)",
                    segmentParams()),
            new Section("population.segments[].TRAIT", "Trait distributions (a number, or an object "
                    + "with dist:)", List.of(DIST, DIST_VALUE, DIST_MEAN, DIST_SD, DIST_MEDIAN, DIST_SIGMA,
                    DIST_MIN, DIST_MAX, DIST_A, DIST_B)),
            new Section("market", "Market rules", List.of(DECAY, SATISFACTION_SENSITIVITY, QUALITY_NOISE,
                    FAILURE_PENALTY, PROMOTER_THRESHOLD, DETRACTOR_THRESHOLD, COST_PER_CONTACT)),
            new Section("metrics", "Metrics", List.of(SUMMARY_WINDOW, DISCOUNT_RATE)),
            new Section("firms[]", "Firm levers (also allowed in archetypes.NAME, the bundle a firm "
                    + "starts from)", List.of(FIRM_NAME, ARCHETYPE, POSITION, QUALITY, UNIT_COST, PRICING,
                    MARKUP, FAILURE_RATE, RELATIONSHIP_RATE, INITIAL_CASH)),
            new Section("firms[].loyalty", "Loyalty program", List.of(LOYALTY_ENABLED, LOYALTY_DISCOUNT,
                    LOYALTY_BONUS)),
            new Section("firms[].personalization", "Personalization", List.of(PERSONALIZATION_LEVEL,
                    PERSONALIZATION_FIXED, PERSONALIZATION_PER_CUSTOMER)),
            new Section("firms[].marketing", "Marketing", List.of(INITIAL_AWARENESS, MARKETING_SPEND)),
            new Section("firms[].channels.direct", "Direct channel", List.of(DIRECT_FIXED_COST)));

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
