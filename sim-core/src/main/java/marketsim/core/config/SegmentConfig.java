package marketsim.core.config;

import java.util.EnumMap;
import java.util.Map;

/**
 * A consumer segment: its name, its share of the population, a distribution per trait, and how many of the
 * market's categories each of its consumers needs ({@code needs}; 0: every category). Which ones is drawn per
 * consumer, uniformly among the market's categories ({@link Categories}).
 */
public record SegmentConfig(String name, double share, Map<Trait, TraitSpec> traits, int needs) {
    /** A segment that needs every category. */
    public SegmentConfig(String name, double share, Map<Trait, TraitSpec> traits) {
        this(name, share, traits, 0);
    }

    public SegmentConfig {
        if (needs < 0 || needs > Categories.MAX) {
            throw new IllegalArgumentException("segment needs must be in [0, " + Categories.MAX + "]");
        }
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("segment share must be in [0,1]");
        }
        if (traits.size() != Trait.values().length) {
            throw new IllegalArgumentException("segment " + name + " must define every trait");
        }
        traits = Map.copyOf(new EnumMap<>(traits));
    }

    public TraitSpec trait(Trait trait) {
        return traits.get(trait);
    }
}
