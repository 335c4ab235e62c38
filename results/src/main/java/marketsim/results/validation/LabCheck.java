package marketsim.results.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * What every check says about itself, given once in its constructor: the identifier, the title, where the
 * expectation comes from and why the tolerance is what it is. A check adds only its laboratory settings and its
 * run.
 */
abstract class LabCheck implements Check {
    private final String id;
    private final String title;
    private final String source;
    private final String tolerance;

    LabCheck(String id, String title, String source, String tolerance) {
        this.id = id;
        this.title = title;
        this.source = source;
        this.tolerance = tolerance;
    }

    /**
     * Overrides for a laboratory of {@code consumers} simulated consumers that are the whole market (weight 1,
     * {@code population.market_size} the same), then {@code more}: a check compares counts of simulated occasions
     * with their sampling error, so each must be one consumer's.
     */
    static List<String> consumers(int consumers, String... more) {
        List<String> out = new ArrayList<>(List.of("population.size=" + consumers, "population.market_size=" + consumers));
        out.addAll(List.of(more));
        return out;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final String source() {
        return source;
    }

    @Override
    public final String tolerance() {
        return tolerance;
    }
}
