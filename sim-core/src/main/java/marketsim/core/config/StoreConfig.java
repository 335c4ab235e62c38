package marketsim.core.config;

/**
 * The traditional store (middleman): a shelf of a few slots sold for a slotting fee, and a
 * retail margin on what it sells.
 *
 * @param slots             shelf slots
 * @param slottingFee       fee per stocked seller per tick (money/tick)
 * @param retailMargin      share of the price the store keeps on each sale
 * @param fixedCostPerTick  the store's own fixed cost (money/tick)
 * @param initialCash       the store's cash at tick 0 (money)
 * @param reviewEvery       ticks between shelf decisions
 */
public record StoreConfig(int slots, double slottingFee, double retailMargin, double fixedCostPerTick,
                          double initialCash, int reviewEvery) {
    public StoreConfig {
        if (slots < 1 || reviewEvery < 1) {
            throw new IllegalArgumentException("the store needs a slot and a review period");
        }
    }
}
