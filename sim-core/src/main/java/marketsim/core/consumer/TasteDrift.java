package marketsim.core.consumer;

import java.util.random.RandomGenerator;

import marketsim.core.space.TasteCircle;

/**
 * Changing tastes (MODEL.md 2.5: ever-changing preferences, essay 002; ODD 7.8): each tick every
 * consumer's taste takes a normal step with standard deviation {@code sd} (circle units),
 * wrapping on the circle, {@code tau <- (tau + sd Z) mod 1}. Draws: one standard normal per
 * consumer per tick, in index order, from the {@code TASTE_DRIFT} stream; none when {@code sd} is 0.
 */
public final class TasteDrift {
    private final Population population;
    private final double sd;
    private final RandomGenerator random;

    /** @param sd {@code dynamics.taste_drift}, circle units per tick */
    public TasteDrift(Population population, double sd, RandomGenerator random) {
        this.population = population;
        this.sd = sd;
        this.random = random;
    }

    /** Every taste takes its step. */
    public void drift() {
        if (sd > 0) {
            Population p = population;
            float[] hot = p.hot;
            for (int i = 0; i < p.size; i++) {
                int k = i * Population.STRIDE + Population.TASTE;
                double x = hot[k] + sd * random.nextGaussian();
                hot[k] = (float) TasteCircle.wrap(x);
            }
        }
    }
}
