package marketsim.core.config;

/** A trait's distribution in one segment and the range its draws are clipped to. */
public record TraitSpec(Distribution distribution, double min, double max) {
    public TraitSpec {
        if (!(max >= min)) {
            throw new IllegalArgumentException("clip range max must be >= min");
        }
    }
}
