package marketsim.core.metrics;

/** What a row of results describes. */
public enum EntityType {
    FIRM("firm"), ARCHETYPE("archetype"), MARKET("market");

    private final String key;

    EntityType(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
