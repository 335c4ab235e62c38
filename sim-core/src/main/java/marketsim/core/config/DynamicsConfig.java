package marketsim.core.config;

/**
 * The mechanisms that make the market move (MODEL.md 2.5 and the adaptation of section 3).
 *
 * @param tasteDrift            sd of each consumer's taste random walk per tick (circle units): individual noise
 * @param trend                 the common trend that moves every consumer's taste (fashion, technology)
 * @param teaching              how education spend tilts purchase criteria
 * @param innovationCostPerStep money per unit of circle a firm's position moves toward its customers
 * @param dominance             customer dominance: wide search, free switching, fast information
 * @param adaptation            firms' periodic reviews
 */
public record DynamicsConfig(double tasteDrift, TasteTrend trend, Teaching teaching, double innovationCostPerStep,
                             CustomerDominance dominance, Adaptation adaptation) {

    /** Without a taste trend. */
    public DynamicsConfig(double tasteDrift, Teaching teaching, double innovationCostPerStep,
                          CustomerDominance dominance, Adaptation adaptation) {
        this(tasteDrift, TasteTrend.NONE, teaching, innovationCostPerStep, dominance, adaptation);
    }

    /**
     * A fashion or technology shift that moves the whole taste distribution (MODEL.md 2.5, essay 002): every
     * consumer's taste moves {@code speed} round the circle each tick from tick {@code start} for {@code duration}
     * ticks (0: to the end of the run). A constant trend starts at 0 and never ends; a shift starts later and
     * moves the market {@code speed x duration} in all.
     *
     * @param speed    circle units per tick (negative: the other way round)
     * @param start    first tick the trend moves tastes
     * @param duration ticks it lasts; 0: until the end of the run
     */
    public record TasteTrend(double speed, int start, int duration) {
        public static final TasteTrend NONE = new TasteTrend(0, 0, 0);

        /** How far the trend moves every taste at the end of tick {@code tick} (circle units). */
        public double step(int tick) {
            boolean on = tick >= start && (duration == 0 || tick < (long) start + duration);
            return on ? speed : 0;
        }
    }

    /**
     * Teaching purchase criteria (Dawar's "Tilt"): each education contact raises the reached consumer's tilt
     * {@code z} in [0,1] toward its teacher by {@code step} (capped at 1); a contact from another teacher first
     * undoes the old tilt. Tilt decays by {@code decay} per tick. A share {@code audienceShare} of contacts reach
     * the teacher's own customers, the rest the other consumers aware of its web store (0: anyone, at random). The
     * consumer judges its teacher's offers with {@code alpha (1 - priceShift z)}, {@code beta (1 + qualityShift z)},
     * {@code gamma (1 + relationshipShift z)} and the new attribute's {@code attributeWeight z}; every other
     * seller's with the same formulas at the spilled-over tilt {@code spillover z}.
     *
     * @param spillover       share of the tilt that rivals gain from too: 1 a public good, 0 the teacher's alone
     * @param audienceShare   share of education contacts aimed at the teacher's own customers
     * @param attributeWeight utils the teacher's new attribute adds to its offers at full tilt
     */
    public record Teaching(double step, double decay, double priceShift, double qualityShift,
                           double relationshipShift, double spillover, double audienceShare, double attributeWeight) {
        /** Teaching as a public good: random contacts, every seller gains alike, no new attribute. */
        public Teaching(double step, double decay, double priceShift, double qualityShift, double relationshipShift) {
            this(step, decay, priceShift, qualityShift, relationshipShift, 1, 0, 0);
        }
    }

    /**
     * Customers conduct the orchestra (essay 003, Heinonen: customers "actively seek the best offers, compare
     * different providers"; MODEL.md 2.5). When {@code enabled}, consumers search widely and switch freely, and
     * nothing forces a channel on them (platform membership keeps its two-sided dynamics):
     * <ul>
     *   <li>wide search: a consumer unaware of a web store at the start becomes aware of it with probability
     *       {@code awareness} (1: every consumer knows every web store), and a platform member examines the result
     *       at rank r with probability {@code e_r^examinationFactor} (0: every result shown);
     *   <li>near-zero switching costs: every switching cost is multiplied by {@code switchingFactor};
     *   <li>fast information: word of mouth runs {@code talkFactor} times as often (capped at every tick).
     * </ul>
     * Prices respond through the firms' pricing rules: demand is more elastic, which best-response pricing
     * follows and hill-climbing finds; cost-plus keeps its markup by definition.
     *
     * @param switchingFactor    share of each switching cost left
     * @param awareness          probability an unaware consumer learns of each web store at the start
     * @param examinationFactor  exponent on the platform's examination probabilities (0 every result, 1 as drawn)
     * @param talkFactor         multiplier of the word-of-mouth talk rate
     */
    public record CustomerDominance(boolean enabled, double switchingFactor, double awareness,
                                    double examinationFactor, double talkFactor) {
        public static final CustomerDominance OFF = new CustomerDominance(false, 1, 0, 1, 1);

        /** The factor switching costs start at: {@code switchingFactor} under dominance, else 1 (as drawn). */
        public double switchingFactorInForce() {
            return enabled ? switchingFactor : 1;
        }

        /** Probability a result of examination probability {@code e} is examined. */
        public double examined(double e) {
            return enabled ? Math.pow(e, examinationFactor) : e;
        }

        /** Word of mouth as it runs: the talk rate times {@code talkFactor} under dominance, at most 1. */
        public WordOfMouthConfig wordOfMouth(WordOfMouthConfig base) {
            return enabled && base.enabled()
                    ? new WordOfMouthConfig(Math.min(1, base.talkRate() * talkFactor), base.attitude(), base.meanDegree(),
                    base.rewiring())
                    : base;
        }
    }

    /**
     * Every {@code reviewEvery} ticks firms review: adaptive pricing rules move, a firm imitates a
     * more profitable rival's archetype with probability {@code imitationRate}, and a firm whose
     * cash was negative at {@code exitAfter} consecutive reviews exits (0: never). A best-response
     * pricer closes {@code priceAdjustment} of the gap to its best-response price at each review.
     */
    public record Adaptation(int reviewEvery, double markupStep, double imitationRate, int exitAfter,
                             double priceAdjustment) {
    }
}
