package marketsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import marketsim.core.config.Categories;
import marketsim.core.config.MarketConfig;
import marketsim.core.config.Trait;
import marketsim.core.random.Streams;

/**
 * Every parameter of the scenario format, with its unit, default and range: the one commented
 * place where defaults live (a firm's levers in {@link FirmParams}, the platform's and the store's in
 * {@link IntermediaryParams}). Sections mirror the file's structure; {@link #SECTIONS} lists them
 * all for the generated documentation.
 *
 * <p>A parameter's source (its {@link Param#withSource}) cites what backs its form or default: a
 * paper, one of the five essays (000 Dawar, 001 Seddon, 002 Jeo, 003 Heinonen, 004 Vandermerwe)
 * or a section of MODEL.md. Parameters without one are modelling choices, to be swept.
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
            "Length of a run.")
            .withSource("MODEL.md 1 (260 weeks = 5 years)");
    public static final Param REPLICATIONS = Param.integer("replications", "runs", 20, 1, 100_000,
            "Default number of replications (each with its own derived random stream).");
    public static final Param SEED = Param.integer("seed", "", 1, 0, Streams.MAX_SEED,
            "Default master seed; replication seeds are derived from it. At most 15 digits, so R, "
                    + "JavaScript and spreadsheets read every seed exactly.")
            .withSource("SplitMix64 seed derivation (Steele, Lea & Flood 2014)");

    /** At most this many characters: a currency code or a short name, not a sentence. */
    public static final int MONEY_UNIT_LENGTH = 12;
    public static final Param MONEY_UNIT = Param.text("money_unit", "money",
            "The name of the money unit every amount is in (prices, costs, fees, cash), e.g. EUR or k$: what the "
                    + "tables, the report and the charts call it. A label only: no amount is converted. At most "
                    + MONEY_UNIT_LENGTH + " characters.");

    // ---- population ------------------------------------------------------------------------
    public static final Param SIZE = Param.integer("size", "consumers", 10_000, 1, 10_000_000,
            "N, consumers simulated: the resolution, not the market's size. Each stands for market_size / N "
                    + "real consumers; fewer is faster and noisier, the same market.")
            .withSource("MODEL.md 2 (N = 10,000)");
    /** At most a billion consumers: the ledger's micro-units hold about 9e12 money, a few years of such a market's sales. */
    public static final Param MARKET_SIZE = Param.integer("market_size", "consumers", 10_000, 1, 1_000_000_000,
            "M, consumers the market has (represented). Every absolute amount (contacts bought, fixed costs, data "
                    + "and learning scales, fees per tick, cash) is in this market's units; each simulated consumer "
                    + "counts M / N in units, money, contacts and customers. The default is the default N, so a "
                    + "scenario of 10,000 consumers is its own market (weight 1), as before market_size existed.")
            .withSource("MODEL.md 2 (super-individuals; default: the default N, so N = 10,000 is weight 1)");
    public static final Param MEMORY = Param.integer("relationship_memory", "firms", 4, 1, 16,
            "Relationship stocks a consumer remembers; a new firm replaces the weakest.")
            .withSource("MODEL.md 2 (bounded memory of 4 firms)");
    public static final Param OUTSIDE_UTILITY = Param.number("outside_utility", "utils", 0, -100, 100,
            "u0, utility of not buying on a purchase occasion.")
            .withSource("Berry 1994 (outside good, utility normalized to 0)");

    // ---- categories --------------------------------------------------------------------------
    public static final Param CATEGORY_NAME = Param.text("name", "",
            "Category name (unique); firms' categories: lists name them.");
    public static final Param CATEGORY_FREQUENCY = Param.number("frequency", "occasions per base occasion", 1, 0.001,
            100, "f_c: a consumer who needs the category has an occasion in it with probability lambda_i f_c a tick "
                    + "(one occasion a tick at most: in all min(1, lambda_i sum f_c), its category drawn in proportion "
                    + "to f_c).")
            .withSource("MODEL.md 3 (each category with its own purchase probability)");
    public static final Param CROSS_CATEGORY = Param.number("cross_category", "share", 1, 0, 1,
            "Share of the relationship's utility gamma_i L_ij that applies on an occasion in a category the consumer "
                    + "has not bought from firm j. 1: the relationship is with the firm and raises every category it "
                    + "sells (cross-buying); 0: a relationship only within the categories already bought.")
            .withSource("MODEL.md 3 (the relationship is with the firm); Verhoef, Franses & Hoekstra 2001");

    // ---- segment ---------------------------------------------------------------------------
    public static final Param SEGMENT_NAME = Param.text("name", "",
            "Segment name (unique); results and streams are keyed by it.");
    public static final Param SEGMENT_SHARE = Param.number("share", "share of N", 1, 0, 1,
            "Share of consumers in the segment; shares sum to 1.");
    public static final Param SEGMENT_NEEDS = Param.integer("needs", "categories", 0, 0, Categories.MAX,
            "How many of market.categories each consumer of the segment needs, drawn per consumer uniformly "
                    + "among them. 0: every category (also the only choice without categories).")
            .withSource("MODEL.md 3 (consumers have needs in several categories)");

    /** Consumer traits, in the segment section; each a number or a distribution. */
    public static final Map<Trait, Param> TRAITS = Map.ofEntries(
            Map.entry(Trait.PRICE_SENSITIVITY, Param.distribution("price_sensitivity", "utils/money", 0.3,
                    0.001, 100, "alpha_i: utility lost per money unit of price.").withSource(Sources.LOGIT)),
            Map.entry(Trait.QUALITY_WEIGHT, Param.distribution("quality_weight", "utils/quality", 2.0,
                    0, 100, "beta_i: utility per unit of quality.").withSource(Sources.LOGIT)),
            Map.entry(Trait.RELATIONSHIP_WEIGHT, Param.distribution("relationship_weight", "utils", 1.0,
                    0, 100, "gamma_i: utility per unit of relationship stock with the seller.")
                    .withSource("Weisbuch, Kirman & Herreiner 2000 (loyalty in logit choice)")),
            Map.entry(Trait.MISMATCH_COST, Param.distribution("mismatch_cost", "utils/distance", 2.0,
                    0, 100, "t_i: utility lost per unit of circular distance between taste and product "
                            + "(the largest distance is 0.5).").withSource(Sources.SALOP)),
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
                            + "being clipped.").withSource(Sources.SALOP)));

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
            .withSource(Sources.SEDDON);
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
            .withSource("MODEL.md 2.3; " + Sources.SEDDON);
    public static final Param VALUE_CONTACT_RATE = Param.number("value_contact_rate", "contacts/purchase", 0.05, 0, 1,
            "Probability a purchase leads to a value-demand service contact (a question, help), besides "
                    + "failure demand.")
            .withSource("essay 001: Seddon found failure demand 20-50% of call-centre demand; the "
                    + "defaults give 50%");
    public static final Param CHANNEL_DISSIMILARITY = Param.number("channel_dissimilarity", "", 0.5, 0.01, 1,
            "lambda: nested-logit dissimilarity of one product's channels (direct, platform, store). A product is one "
                    + "alternative with inclusive value I_j = lambda ln sum_c exp(V_jc / lambda); 1 makes every channel "
                    + "an independent alternative (an identical product listed twice has twice the demand), toward 0 "
                    + "only a product's best channel counts. 0.5: a second channel of an identical product adds 2^0.5 - 1 "
                    + "= 41% to its weight, not 100%.")
            .withSource("McFadden 1978 (nested logit); default a modelling choice, ODD 7.1 (Duch-Brown et al. 2017)");

    // ---- metrics ---------------------------------------------------------------------------
    public static final Param SUMMARY_WINDOW = Param.integer("summary_window", "ticks", 52, 1, 10_000,
            "The last ticks summarised per replication (summary.csv, the printed table); capped "
                    + "at the horizon.");
    public static final Param STOP_WHEN = Param.text("when", "",
            "Conditions that end a run before its horizon: one, or a list of which any one suffices, each "
                    + "comparisons of ENTITY.METRIC (that tick's value, as in timeseries.csv) with a number or "
                    + "another ENTITY.METRIC, joined by 'and', as a sweep's --discover writes them, e.g. "
                    + "'platform.members < 0.05'. The run ends at the close of the first tick one holds; "
                    + "stops.csv records the tick and the condition.")
            .withSource("issue #24 (stop conditions of BehaviorSpace and the EMA Workbench); ODD 7.12");
    public static final Param STOP_FROM = Param.integer("from", "ticks", 1, 1, 10_000,
            "The first tick at which the stop conditions are tested (a market's first weeks are not yet "
                    + "settled).")
            .withSource("issue #24; ODD 7.12");
    public static final Param DISCOUNT_RATE = Param.number("discount_rate", "1/tick", 0.0018, 0, 1,
            "i in customer lifetime value m r / (1 + i - r); 0.0018/week is about 10%/year.")
            .withSource("Gupta & Lehmann 2003 (CLV = m r / (1 + i - r))");
    public static final Param LAPSE_WINDOW = Param.integer("lapse_window", "ticks", 52, 0, 10_000,
            "A customer who buys nothing for this many ticks has lapsed: it leaves its last supplier's customer base "
                    + "(customers, NPS, relationship, per-customer costs) and counts as lost in CLV, as one who "
                    + "switches does. 0: never (only switching loses a customer). The default, a year, is the usual "
                    + "recency cut-off for an active customer in non-contractual settings.")
            .withSource("MODEL.md 6 (a customer who lapses, buying nothing for a window, counts as lost)");
    public static final Param TENURE_BAND = Param.integer("tenure_band", "ticks", MarketConfig.DEFAULT_TENURE_BAND, 1,
            10_000, "Width of the tenure bands of the wallet metrics: a wallet customer is new for its first "
                    + "tenure_band ticks after its first purchase from the firm, established for the next tenure_band, "
                    + "long-standing after that (revenue_per_customer_new/_established/_longstanding and "
                    + "categories_per_customer_...). Half a year: three bands within the first year and a half.");

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
            .withSource(Sources.WATTS_STROGATZ + "; MODEL.md 2.4 (degree ~10)");
    public static final Param REWIRING = Param.number("rewiring", "probability", 0.1, 0, 1,
            "Watts-Strogatz rewiring: 0 a ring lattice, 1 a random graph.")
            .withSource(Sources.WATTS_STROGATZ);

    // ---- dynamics --------------------------------------------------------------------------
    public static final Param TASTE_DRIFT = Param.number("taste_drift", "circle/tick", 0, 0, 0.5,
            "sd of each consumer's own taste random walk per tick: individual noise around the common trend "
                    + "(ever-changing preferences). An unbiased walk: it spreads tastes, it moves no clientele.")
            .withSource("essay 002 (Jeo section 2: ever-changing preferences)");
    public static final Param TREND_SPEED = Param.number("speed", "circle/tick", 0, -0.5, 0.5,
            "Common trend: every consumer's taste moves this far round the circle each tick while the trend runs "
                    + "(negative: the other way). It moves the whole taste distribution, so it carries clustered "
                    + "tastes away from a product that stays put; on uniform tastes it changes nothing. 0: off.")
            .withSource("essay 002 (Jeo section 2: staying relevant to ever-changing preferences); MODEL.md 2.5");
    public static final Param TREND_START = Param.integer("start", "tick", 0, 0, 10_000,
            "First tick the trend moves tastes (a fashion or technology shift that starts at a given week).");
    public static final Param TREND_DURATION = Param.integer("duration", "ticks", 0, 0, 10_000,
            "Ticks the trend lasts; the market moves speed x duration in all. 0: until the end of the run.");
    public static final Param INNOVATION_COST = Param.number("innovation_cost_per_step", "money/circle", 20_000,
            1e-9, 1e12, "Innovation spend that moves a product by the whole circle (a step of 0.01 costs 1%).");
    public static final Param TEACHING_STEP = Param.number("step", "tilt", 0.2, 0, 1,
            "Tilt added to a consumer per education contact (tilt is capped at 1); a contact from a teacher other than "
                    + "the consumer's first takes the old tilt down by as much.")
            .withSource(Sources.DAWAR);
    public static final Param TEACHING_DECAY = Param.number("decay", "share/tick", 0.02, 0, 1,
            "Share of tilt lost each tick without reinforcement.");
    public static final Param PRICE_SHIFT = Param.number("price_shift", "share", 0.5, 0, 1,
            "Effective alpha = alpha (1 - price_shift x tilt), for the teacher's offers (rivals': at spillover x tilt).")
            .withSource(Sources.DAWAR);
    public static final Param QUALITY_SHIFT = Param.number("quality_shift", "share", 0.5, 0, 10,
            "Effective beta = beta (1 + quality_shift x tilt), for the teacher's offers (rivals': at spillover x tilt).")
            .withSource(Sources.DAWAR);
    public static final Param RELATIONSHIP_SHIFT = Param.number("relationship_shift", "share", 0.5, 0, 10,
            "Effective gamma = gamma (1 + relationship_shift x tilt), for the teacher's offers (rivals': at spillover x "
                    + "tilt).")
            .withSource(Sources.DAWAR);
    public static final Param SPILLOVER = Param.number("spillover", "share", 0.25, 0, 1,
            "Share of a consumer's tilt that sellers other than its teacher gain from: the shifts above apply in full "
                    + "to the teacher's offers and at spillover x tilt to everyone else's. 1: teaching is a public good; "
                    + "0: what is taught is the teacher's own criterion.")
            .withSource(Sources.DAWAR + "; MODEL.md 2.5");
    public static final Param AUDIENCE_SHARE = Param.number("audience_share", "share", 0.5, 0, 1,
            "Share of education contacts that reach the teacher's own customers (its customers first); the rest reach "
                    + "the other consumers aware of its web store. 0: contacts land on random consumers (teaching as "
                    + "mass media).")
            .withSource(Sources.DAWAR + "; MODEL.md 2.5");
    public static final Param ATTRIBUTE_WEIGHT = Param.number("attribute_weight", "utils", 0, 0, 100,
            "Utility a new attribute the teacher introduces adds to its offers for a consumer at full tilt "
                    + "(attribute_weight x tilt; rivals get spillover x that). 0: no new attribute, teaching only "
                    + "shifts the weights of price, quality and relationship.")
            .withSource(Sources.DAWAR);
    public static final Param DOMINANCE = Param.bool("enabled", false,
            "Customer dominance: consumers search widely (awareness, examination_factor), switch at almost no cost "
                    + "(switching_factor) and hear of each other's experiences faster (talk_factor). No channel is "
                    + "forced: platform membership keeps its two-sided dynamics. Prices respond through each firm's "
                    + "pricing rule (best-response and hill-climbing follow the more elastic demand; cost-plus does not).")
            .withSource("essay 003 (Heinonen: customers actively seek the best offers); MODEL.md 2.5");
    public static final Param SWITCHING_FACTOR = Param.number("switching_factor", "share", 0.05, 0, 1,
            "Switching costs are multiplied by this under customer dominance (near-zero switching costs).")
            .withSource("essay 003 (Heinonen: customers choose whichever firm performs for them at the time)");
    public static final Param SEARCH_AWARENESS = Param.number("awareness", "probability", 1, 0, 1,
            "Wide search, direct sites included: under customer dominance a consumer unaware of a web store at the "
                    + "start learns of it with this probability (1: every consumer knows every web store).")
            .withSource("essay 003 (Heinonen: the customers have all the options)");
    public static final Param EXAMINATION_FACTOR = Param.number("examination_factor", "exponent", 0.5, 0, 1,
            "Wide search on the platform: under customer dominance a member examines the result at rank r with "
                    + "probability e_r^examination_factor, e_r = r^-platform.ranking.examination_decay (0: every "
                    + "result shown is compared; 1: the usual position bias).")
            .withSource("essay 003 (Heinonen: customers compare different providers)");
    public static final Param TALK_FACTOR = Param.number("talk_factor", "multiplier", 3, 0, 100,
            "Fast information: under customer dominance word of mouth runs this many times as often "
                    + "(word_of_mouth.talk_rate x talk_factor, at most 1), so experiences (and awareness) travel "
                    + "faster. 1: as usual.")
            .withSource("MODEL.md 2.5 (fast information); a modelling choice: essay 003 names no speed");
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

    public static final List<Section> SECTIONS = List.of(
            new Section("", "Top level", List.of(DESCRIPTION, HORIZON, REPLICATIONS, SEED, MONEY_UNIT)),
            new Section("population", "Population", List.of(SIZE, MARKET_SIZE, MEMORY, OUTSIDE_UTILITY)),
            new Section("population.segments[]", "Segments (a list; each a mixture component)",
                    segmentParams()),
            new Section("population.segments[].TRAIT", "Trait distributions (a number, or an object "
                    + "with dist:)", List.of(DIST, DIST_VALUE, DIST_MEAN, DIST_SD, DIST_MEDIAN, DIST_SIGMA,
                    DIST_MIN, DIST_MAX, DIST_A, DIST_B)),
            new Section("market", "Market rules", List.of(DECAY, SATISFACTION_SENSITIVITY, QUALITY_NOISE,
                    FAILURE_PENALTY, PROMOTER_THRESHOLD, DETRACTOR_THRESHOLD, COST_PER_CONTACT,
                    FAILURE_DETRACTOR_SHARE, VALUE_CONTACT_RATE, CHANNEL_DISSIMILARITY, CROSS_CATEGORY)),
            new Section("market.categories[]", "Categories of need (a list; omit for one category, the market "
                    + "without categories)", List.of(CATEGORY_NAME, CATEGORY_FREQUENCY)),
            new Section("metrics", "Metrics", List.of(SUMMARY_WINDOW, DISCOUNT_RATE, LAPSE_WINDOW, TENURE_BAND)),
            new Section("stop", "Stop conditions (optional)", List.of(STOP_WHEN, STOP_FROM)),
            new Section("word_of_mouth", "Word of mouth on a small-world network", List.of(TALK_RATE, ATTITUDE,
                    MEAN_DEGREE, REWIRING)),
            new Section("dynamics", "Changing tastes and repositioning", List.of(TASTE_DRIFT, INNOVATION_COST)),
            new Section("dynamics.taste_trend", "The common taste trend (a fashion or technology shift)",
                    List.of(TREND_SPEED, TREND_START, TREND_DURATION)),
            new Section("dynamics.teaching", "Teaching purchase criteria (Dawar's Tilt)", List.of(TEACHING_STEP,
                    TEACHING_DECAY, PRICE_SHIFT, QUALITY_SHIFT, RELATIONSHIP_SHIFT, SPILLOVER, AUDIENCE_SHARE,
                    ATTRIBUTE_WEIGHT)),
            new Section("dynamics.customer_dominance", "Customer dominance (Heinonen)", List.of(DOMINANCE,
                    SWITCHING_FACTOR, SEARCH_AWARENESS, EXAMINATION_FACTOR, TALK_FACTOR)),
            new Section("dynamics.adaptation", "Firm adaptation", List.of(REVIEW_EVERY, MARKUP_STEP, PRICE_ADJUSTMENT,
                    IMITATION_RATE, EXIT_AFTER)),
            new Section("firms[]", "Firm levers (also allowed in archetypes.NAME, the bundle a firm "
                    + "starts from)", List.of(FirmParams.FIRM_NAME, FirmParams.ARCHETYPE, FirmParams.POSITION, FirmParams.QUALITY, FirmParams.UNIT_COST, FirmParams.PRICING,
                    FirmParams.OWNER, FirmParams.MARKUP, FirmParams.FEE_AWARE, FirmParams.FAILURE_RATE, FirmParams.RELATIONSHIP_RATE, FirmParams.INITIAL_CASH,
                    FirmParams.CATEGORIES)),
            new Section("firms[].range", "Range expansion (essay 004)", List.of(FirmParams.RANGE_EXPAND,
                    FirmParams.RANGE_COST)),
            new Section("firms[].loyalty", "Loyalty program", List.of(FirmParams.LOYALTY_ENABLED, FirmParams.LOYALTY_DISCOUNT,
                    FirmParams.LOYALTY_BONUS)),
            new Section("firms[].personalization", "Personalization", List.of(FirmParams.PERSONALIZATION_ENABLED,
                    FirmParams.PERSONALIZATION_LEVEL, FirmParams.PERSONALIZATION_FIXED, FirmParams.PERSONALIZATION_PER_CUSTOMER,
                    FirmParams.PERSONALIZATION_DATA_SCALE, FirmParams.PERSONALIZATION_RELATIONSHIP,
                    FirmParams.PERSONALIZATION_TENURE)),
            new Section("firms[].learning", "Learning curve", List.of(FirmParams.LEARNING_RATE, FirmParams.LEARNING_SCALE)),
            new Section("firms[].quality_investment", "Quality investment", List.of(FirmParams.QUALITY_SPEND, FirmParams.QUALITY_HALVING)),
            new Section("firms[].service", "Service", List.of(FirmParams.SERVICE_COST)),
            new Section("firms[].education", "Education (teaching purchase criteria)", List.of(FirmParams.EDUCATION_SPEND)),
            new Section("firms[].innovation", "Innovation (repositioning)", List.of(FirmParams.INNOVATION_SPEND,
                    FirmParams.INNOVATION_TARGET, FirmParams.INNOVATION_LEAD)),
            new Section("firms[].marketing", "Marketing", List.of(FirmParams.INITIAL_AWARENESS, FirmParams.MARKETING_SPEND)),
            new Section("firms[].channels.direct", "Direct channel (false: no web store)", List.of(FirmParams.DIRECT_FIXED_COST)),
            new Section("firms[].channels.platform", "Platform listing (a mapping, true, or false: not on the "
                    + "platform)", List.of(FirmParams.AD_BID)),
            new Section("firms[].channels.store", "Store shelf (true or {}: apply for a slot; false: no)", List.of()),
            new Section("seller_pools[]", "Seller pools: generated sellers. Every firm lever is allowed; position, "
                    + "quality, unit_cost, markup, failure_rate, relationship_rate, initial_cash and "
                    + "channels.platform.ad_bid may be distributions, drawn once per scenario; position defaults to "
                    + "uniform on the circle", List.of(FirmParams.POOL_NAME, FirmParams.POOL_COUNT, FirmParams.POOL_ENTRANTS, FirmParams.ARCHETYPE)),
            new Section("platform", "The hybrid platform (omit for none)", List.of(IntermediaryParams.TAKE_RATE, IntermediaryParams.FULFILMENT_FEE,
                    IntermediaryParams.FULFILMENT_COST, IntermediaryParams.LISTING_FEE, IntermediaryParams.SUBSIDY, IntermediaryParams.PLATFORM_FIXED_COST, IntermediaryParams.PLATFORM_CASH, IntermediaryParams.PLATFORM_REVIEW, IntermediaryParams.RELIST_SHARE, IntermediaryParams.MAX_ENTRANTS)),
            new Section("platform.ranking", "Ranking", List.of(IntermediaryParams.RESULTS, IntermediaryParams.SPONSORED_SLOTS, IntermediaryParams.TASTE_BINS, IntermediaryParams.SELF_PREFERENCING,
                    IntermediaryParams.EXAMINATION_DECAY)),
            new Section("platform.recommendation", "Recommendation quality", List.of(IntermediaryParams.RECOMMENDATION_MAX,
                    IntermediaryParams.RECOMMENDATION_SCALE)),
            new Section("platform.relationship", "Relationships through the platform", List.of(IntermediaryParams.RELATIONSHIP_SHARE,
                    IntermediaryParams.PLATFORM_RELATIONSHIP_RATE)),
            new Section("platform.membership", "Membership", List.of(IntermediaryParams.INITIAL_MEMBERS, IntermediaryParams.JOIN_RATE, IntermediaryParams.LEAVE_RATE,
                    IntermediaryParams.VARIETY_WEIGHT, IntermediaryParams.MEMBERSHIP_UTILITY)),
            new Section("platform.fee_rule", "How the platform sets its take rate and subsidy", List.of(
                    IntermediaryParams.FEE_RULE, IntermediaryParams.FEE_REVIEW, IntermediaryParams.TAKE_STEP,
                    IntermediaryParams.MAX_TAKE_RATE, IntermediaryParams.SUBSIDY_STEP, IntermediaryParams.MEMBER_THRESHOLD,
                    IntermediaryParams.SELLER_THRESHOLD)),
            new Section("store", "The store (omit for none)", List.of(IntermediaryParams.SLOTS, IntermediaryParams.SLOTTING_FEE, IntermediaryParams.SLOTTING_FEE_STEP, IntermediaryParams.RETAIL_MARGIN,
                    IntermediaryParams.STORE_FIXED_COST, IntermediaryParams.STORE_CASH, IntermediaryParams.STORE_REVIEW)));

    private static List<Param> segmentParams() {
        ArrayList<Param> list = new ArrayList<>(List.of(SEGMENT_NAME, SEGMENT_SHARE, SEGMENT_NEEDS));
        for (Trait trait : Trait.values()) {
            if (TRAITS.containsKey(trait)) {
                list.add(TRAITS.get(trait));
            }
        }
        return List.copyOf(list);
    }
}
