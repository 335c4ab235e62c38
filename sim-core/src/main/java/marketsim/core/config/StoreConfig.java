package marketsim.core.config;

/**
 * The traditional store (middleman): a shelf of a few slots sold for a slotting fee, and a
 * retail margin on what it sells.
 *
 * @param slots             shelf slots
 * @param slottingFee       fee per stocked seller per tick at the start (money/tick)
 * @param retailMargin      share of the shelf price the store keeps: it buys at the seller's list price p and sells
 *                          at p / (1 - retailMargin)
 * @param fixedCostPerTick  the store's own fixed cost (money/tick)
 * @param initialCash       the store's cash at tick 0 (money)
 * @param reviewEvery       ticks between shelf decisions
 * @param feeStep           share by which the slotting fee moves at a review (0: a fixed fee)
 */
public record StoreConfig(int slots, double slottingFee, double retailMargin, double fixedCostPerTick,
                          double initialCash, int reviewEvery, double feeStep) {
    public StoreConfig {
        if (slots < 1 || reviewEvery < 1) {
            throw new IllegalArgumentException("the store needs a slot and a review period");
        }
    }
}
