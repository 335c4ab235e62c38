package marketsim.core.config;

/**
 * The mechanisms that make the market move (MODEL.md 2.5 and the adaptation of section 3).
 *
 * @param tasteDrift            sd of each consumer's taste random walk per tick (circle units)
 * @param teaching              how education spend tilts purchase criteria
 * @param innovationCostPerStep money per unit of circle a firm's position moves toward its customers
 * @param dominance             the customer-dominance switch
 * @param adaptation            firms' periodic reviews
 */
public record DynamicsConfig(double tasteDrift, Teaching teaching, double innovationCostPerStep,
                             CustomerDominance dominance, Adaptation adaptation) {

    /**
     * Teaching purchase criteria (Dawar's "Tilt"): each education contact raises the reached
     * consumer's tilt {@code z} in [0,1] by {@code step} (capped at 1); tilt decays by
     * {@code decay} per tick. Effective criteria: {@code alpha (1 - priceShift z)},
     * {@code beta (1 + qualityShift z)}, {@code gamma (1 + relationshipShift z)}.
     */
    public record Teaching(double step, double decay, double priceShift, double qualityShift,
                           double relationshipShift) {
    }

    /**
     * Customers conduct the orchestra (essay 003): every consumer knows every web store and is a
     * platform member (high search and awareness), and switching costs are multiplied by
     * {@code switchingFactor} (near zero).
     */
    public record CustomerDominance(boolean enabled, double switchingFactor) {
        /** The factor switching costs start at: {@code switchingFactor} under dominance, else 1 (as drawn). */
        public double switchingFactorInForce() {
            return enabled ? switchingFactor : 1;
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
