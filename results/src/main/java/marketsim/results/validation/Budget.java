package marketsim.results.validation;

/**
 * How much simulation a validation run spends: {@code QUICK} (under a minute here) or
 * {@code FULL} (a few minutes). Each check scales its consumers, ticks and replications by it;
 * every tolerance is computed from the Monte Carlo error of what was run, so both budgets test
 * the same thing, the full one more sharply.
 */
public enum Budget {
    QUICK(50_000, 4), FULL(200_000, 8);

    private final int consumers;
    private final int replications;

    Budget(int consumers, int replications) {
        this.consumers = consumers;
        this.replications = replications;
    }

    public int consumers() {
        return consumers;
    }

    public int replications() {
        return replications;
    }
}
