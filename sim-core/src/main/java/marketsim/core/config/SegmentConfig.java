package marketsim.core.config;

import java.util.EnumMap;
import java.util.Map;

/** A consumer segment: its name, its share of the population and a distribution per trait. */
public record SegmentConfig(String name, double share, Map<Trait, TraitSpec> traits) {
    public SegmentConfig {
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
