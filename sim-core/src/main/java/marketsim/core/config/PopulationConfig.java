package marketsim.core.config;

import java.util.List;

/**
 * The consumer population: {@code size} simulated consumers standing for a market of
 * {@code marketSize} real ones (super-individuals, MODEL.md 2). The size is a resolution, not a
 * market size: each simulated consumer has the {@link #weight} {@code M / N}, and every count and
 * amount of money a consumer makes (a unit, a payment, a service contact, a customer, an aware
 * consumer) counts that many times, so outcomes do not depend on N beyond Monte Carlo error.
 *
 * @param size           number of simulated consumers N
 * @param marketSize     consumers the market has, M (consumers represented)
 * @param memorySlots    relationship stocks a consumer remembers (bounded memory, MODEL.md 2), at most
 *                       {@link #MAX_MEMORY_SLOTS}
 * @param outsideUtility {@code u0}, utility of not buying (utils)
 * @param segments       the mixture; shares sum to 1
 */
public record PopulationConfig(int size, double marketSize, int memorySlots, double outsideUtility,
                               List<SegmentConfig> segments) {
    /** The most memory slots a consumer can have: a slot's index within its memory is kept in a byte. */
    public static final int MAX_MEMORY_SLOTS = Byte.MAX_VALUE;

    public PopulationConfig {
        if (size < 1 || !(marketSize > 0) || Double.isInfinite(marketSize) || memorySlots < 1 || segments.isEmpty()) {
            throw new IllegalArgumentException("population needs consumers, a market size, memory and segments");
        }
        if (memorySlots > MAX_MEMORY_SLOTS) {
            throw new IllegalArgumentException("memory slots " + memorySlots + " exceed " + MAX_MEMORY_SLOTS);
        }
        double total = segments.stream().mapToDouble(SegmentConfig::share).sum();
        if (Math.abs(total - 1) > 1e-9) {
            throw new IllegalArgumentException("segment shares must sum to 1, got " + total);
        }
        segments = List.copyOf(segments);
    }

    /** A population that is its own market: every simulated consumer stands for one (weight 1). */
    public PopulationConfig(int size, int memorySlots, double outsideUtility, List<SegmentConfig> segments) {
        this(size, size, memorySlots, outsideUtility, segments);
    }

    /** Real consumers each simulated consumer stands for, {@code M / N}. */
    public double weight() {
        return marketSize / size;
    }
}
