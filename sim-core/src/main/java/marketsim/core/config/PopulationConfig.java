package marketsim.core.config;

import java.util.List;

/**
 * The consumer population.
 *
 * @param size           number of consumers N
 * @param memorySlots    relationship stocks a consumer remembers (bounded memory, MODEL.md 2)
 * @param outsideUtility {@code u0}, utility of not buying (utils)
 * @param segments       the mixture; shares sum to 1
 */
public record PopulationConfig(int size, int memorySlots, double outsideUtility,
                               List<SegmentConfig> segments) {
    public PopulationConfig {
        if (size < 1 || memorySlots < 1 || segments.isEmpty()) {
            throw new IllegalArgumentException("population needs consumers, memory and segments");
        }
        double total = segments.stream().mapToDouble(SegmentConfig::share).sum();
        if (Math.abs(total - 1) > 1e-9) {
            throw new IllegalArgumentException("segment shares must sum to 1, got " + total);
        }
        segments = List.copyOf(segments);
    }
}
