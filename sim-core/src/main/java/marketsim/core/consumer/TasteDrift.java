package marketsim.core.consumer;

import java.util.random.RandomGenerator;

import marketsim.core.config.DynamicsConfig.TasteTrend;
import marketsim.core.space.TasteCircle;

/**
 * Changing tastes (MODEL.md 2.5: ever-changing preferences, essay 002; ODD 7.8): at the end of tick
 * {@code t} every consumer's taste moves by the common trend {@code v(t)} plus its own normal step
 * with standard deviation {@code sd} (circle units), wrapping on the circle,
 * <pre>
 * tau <- (tau + v(t) + sd Z) mod 1,     v(t) = speed while the trend runs, else 0
 * </pre>
 * The trend moves the whole taste distribution (a fashion or technology shift): on a uniform
 * distribution it changes nothing, on clustered tastes it carries a clientele away from a product
 * that stays where it is ({@code firm.Innovation} follows it, or the market's mean step, {@link #shift}). The noise is an unbiased walk that
 * spreads tastes. Draws: one standard normal per consumer per tick, in index order, from the
 * {@code TASTE_DRIFT} stream; none when {@code sd} is 0 (the trend draws nothing, so runs with and
 * without it share their random numbers).
 */
public final class TasteDrift {
    private final Population population;
    private final double sd;
    private final TasteTrend trend;
    private final RandomGenerator random;
    /** Ticks drifted so far: the tick the next {@link #drift} closes. */
    private int tick;
    /** The mean step of every taste since the start, summed (circle units, unwrapped). */
    private double shift;

    /**
     * @param sd    {@code dynamics.taste_drift}, circle units per tick
     * @param trend {@code dynamics.taste_trend}
     */
    public TasteDrift(Population population, double sd, TasteTrend trend, RandomGenerator random) {
        this.population = population;
        this.sd = sd;
        this.trend = trend;
        this.random = random;
    }

    /** Every taste takes its step (once a tick, at the end of it). */
    public void drift() {
        double v = trend.step(tick++);
        if (sd > 0 || v != 0) {
            Population p = population;
            float[] hot = p.hot;
            double noise = 0;
            for (int i = 0; i < p.size; i++) {
                int k = i * Population.STRIDE + Population.TASTE;
                double z = sd > 0 ? sd * random.nextGaussian() : 0;
                noise += z;
                hot[k] = (float) TasteCircle.wrap(hot[k] + v + z);
            }
            shift += v + (p.size == 0 ? 0 : noise / p.size);
        }
    }

    /**
     * How far tastes have moved on average since the start: the sum over ticks of the mean step (the trend plus
     * the mean of the individual steps), circle units, unwrapped. What a firm following the market reads.
     */
    public double shift() {
        return shift;
    }
}
