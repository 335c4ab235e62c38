package marketsim.core.metrics;

/** A firm, an archetype (all firms of one strategy) or the whole market. */
public record Entity(EntityType type, String name, String archetype) {
}
