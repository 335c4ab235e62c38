package marketsim.results.validation;

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
