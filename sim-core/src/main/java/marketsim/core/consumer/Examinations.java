package marketsim.core.consumer;

import java.util.random.RandomGenerator;

import marketsim.core.config.DynamicsConfig;
import marketsim.core.platform.Platform;

/**
 * Which of the platform's results a shopping member examines (MODEL.md 2.1, position bias; ODD 7.1): the result at
 * rank {@code r} (1 = top) with probability {@code e_r = r^-eta}, raised to {@code examinationFactor} under customer
 * dominance (a wider search), each by its own uniform from the {@code EXAMINATION} stream, one per result in the
 * occasion's category below the ranks always examined ({@code e_r < 1}).
 *
 * <p><b>Drawn ahead.</b> The shoppers are served in index order, each with the draws of its place in the tick's random
 * order ({@link Shopping}): before anyone shops, {@link #draw} counts the uniforms each shopper's results need and
 * draws them shopper after shopper in the random order, as if each drew its own when its turn came; the offers' build
 * ({@link ConsiderationSet#build}) then takes shopper {@code m}'s from {@link #start start(m)} on, and {@link #check}
 * verifies after the tick that the count and the build walked the results alike. Without a platform, nothing.
 */
final class Examinations {
    private final Population population;
    private final SellerTerms terms;
    private final Platform platform;
    private final DynamicsConfig.CustomerDominance dominance;
    private final RandomGenerator random;
    /** Each result slot's probability of being examined this tick ({@link #prepare}). */
    private final double[] examined;
    /**
     * The tick's uniforms in stream order: shopper {@code m}'s from {@code from[m]} on (as long as the most shoppers
     * a tick has had). The tick drew {@code drawn}; its occasions have taken {@code taken} so far.
     */
    private int[] from = new int[0];
    private double[] draws = new double[0];
    private int drawn;
    private int taken;
    /** Whether this tick's uniforms were drawn ahead, or are drawn as each occasion is built (the reference order). */
    private boolean ahead;

    /** @param platform the platform, or null */
    Examinations(Population population, SellerTerms terms, Platform platform, DynamicsConfig.CustomerDominance dominance,
                 RandomGenerator random) {
        this.population = population;
        this.terms = terms;
        this.platform = platform;
        this.dominance = dominance;
        this.random = random;
        examined = new double[platform == null ? 0 : platform.config().results()];
    }

    /** Bytes of the per-shopper array kept here (the shoppers' places in the stream). */
    long bytes() {
        return 4L * from.length;
    }

    /** Reads each result slot's examination probability in force: once a tick, after the platform's levers were set. */
    void prepare() {
        for (int slot = 0; slot < examined.length; slot++) {
            double e = platform.examination(slot);
            examined[slot] = dominance.enabled() ? dominance.examined(e) : e;
        }
    }

    /**
     * Draws the uniforms of the tick's shoppers (consumer {@code shopper[m]}, its occasion in {@code category[m]}, or
     * 0 where that is null) shopper after shopper in the random order ({@code order[k]}: the shopper at place
     * {@code k}). Once a tick, before the first occasion is built. {@code ahead} false: none is drawn now, each
     * occasion draws its own as it is built ({@link Shopping#serveInRandomOrder}).
     */
    void draw(int[] shopper, byte[] category, int[] order, int shoppers, boolean ahead) {
        this.ahead = ahead;
        drawn = 0;
        taken = 0;
        if (platform == null || !ahead) {
            return;
        }
        if (from.length < shoppers) {
            from = new int[(int) Math.min(population.size, shoppers + shoppers / 8L)];
        }
        for (int m = 0; m < shoppers; m++) { // how many each needs, in index order (its state read front to back)
            from[m] = needed(shopper[m], category == null ? 0 : category[m]);
        }
        int total = 0;
        for (int k = 0; k < shoppers; k++) { // where each one's start in the stream, in the random order
            int m = order[k];
            int needed = from[m];
            from[m] = total;
            total += needed;
        }
        if (draws.length < total) {
            draws = new double[Math.max(total, 2 * draws.length)];
        }
        for (int d = 0; d < total; d++) {
            draws[d] = random.nextDouble();
        }
        drawn = total;
    }

    /**
     * The uniforms consumer {@code i}'s results take on an occasion in {@code category}: one per result in the
     * category below the ranks always examined, if it is a member. The walk of {@link ConsiderationSet#build}'s
     * results, without the draws.
     */
    private int needed(int i, int category) {
        if (!population.member[i]) {
            return 0;
        }
        long need = 1L << category;
        int bin = platform.bin(population.hot[i * Population.STRIDE + Population.TASTE]);
        int needed = 0;
        for (int slot = 0; slot < examined.length; slot++) {
            int j = platform.seller(bin, slot);
            if (j == Platform.EMPTY) {
                break;
            }
            if ((terms.range[j] & need) != 0 && examined[slot] < 1) {
                needed++;
            }
        }
        return needed;
    }

    /** The probability that the result in {@code slot} is examined this tick, {@code e_r}. */
    double probability(int slot) {
        return examined[slot];
    }

    /** Where shopper {@code m}'s uniforms start ({@link #uniform}). */
    int start(int m) {
        return ahead ? from[m] : 0;
    }

    /** Uniform {@code d} of the tick (drawn ahead), or a fresh one from the stream (the reference order). */
    double uniform(int d) {
        return ahead ? draws[d] : random.nextDouble();
    }

    /** An occasion took {@code count} uniforms. */
    void took(int count) {
        taken += count;
    }

    /**
     * Checks, after the tick's occasions, that they took every uniform drawn for them: that {@link #needed} walked the
     * results as the build does.
     */
    void check() {
        if (ahead && taken != drawn) {
            throw new IllegalStateException("the occasions took " + taken + " examination draws of the " + drawn
                    + " drawn for them");
        }
    }
}
