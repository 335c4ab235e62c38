package marketsim.core.consumer;

import java.util.random.RandomGenerator;

import marketsim.core.config.DynamicsConfig;
import marketsim.core.config.PlatformConfig;
import marketsim.core.platform.Platform;

/**
 * Which of the platform's results a shopping member examines (MODEL.md 2.1, position bias; ODD 7.1): the result at
 * rank {@code r} (1 = top) with probability {@code e_r = r^-eta}, raised to {@code examinationFactor} under customer
 * dominance (a wider search). A result is examined if {@code e_r >= 1}, else if its own uniform from the
 * {@code EXAMINATION} stream is below {@code e_r}: one uniform per result in the occasion's category below the ranks
 * always examined, in rank order.
 *
 * <p><b>Drawn ahead.</b> The shoppers are served in index order, each with the draws of its place in the tick's random
 * order ({@link Shopping}): before anyone shops, {@link #draw} notes each member's taste bin (in index order, its state
 * read front to back), then walks each member's results place after place in the random order, as if each drew its
 * uniforms when its turn came, and keeps which results it examines (a bit per rank, {@link PlatformConfig#MAX_RESULTS}
 * at most). The offers' build ({@link ConsiderationSet#build}) reads them with {@link #examines}. {@link #check}
 * verifies after the tick that the build met as many drawn results as {@link #draw} drew uniforms for. Without a
 * platform, nothing.
 */
final class Examinations {
    /** A shopper who is not a platform member: no taste bin, no results. */
    private static final int NOT_A_MEMBER = -1;

    private final Population population;
    private final SellerTerms terms;
    private final Platform platform;
    private final DynamicsConfig.CustomerDominance dominance;
    private final RandomGenerator random;
    /** Each result slot's probability of being examined this tick ({@link #prepare}). */
    private final double[] examined;
    /*
     * Per shopper (arrays as long as the most shoppers a tick has had, plus an eighth): binOf, its taste bin, or
     * NOT_A_MEMBER; examinedBy, the ranks of the results it examines (bit r: rank r + 1).
     */
    private int[] binOf = new int[0];
    private long[] examinedBy = new long[0];
    /** Uniforms the tick drew ahead, and the drawn results the occasions' build has met so far. */
    private int drawn;
    private int met;
    /** Whether this tick's examinations were drawn ahead, or are drawn as each occasion is built (the reference order). */
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

    /** Bytes of the per-shopper arrays kept here. */
    long bytes() {
        return 4L * binOf.length + 8L * examinedBy.length;
    }

    /** Reads each result slot's examination probability in force: once a tick, after the platform's levers were set. */
    void prepare() {
        for (int slot = 0; slot < examined.length; slot++) {
            double e = platform.examination(slot);
            examined[slot] = dominance.enabled() ? dominance.examined(e) : e;
        }
    }

    /**
     * Draws which results the tick's shoppers examine (consumer {@code shopper[m]}, its occasion in {@code category[m]},
     * or 0 where that is null), shopper after shopper in the random order ({@code randomOrder[k]}: the shopper at place
     * {@code k}). Once a tick, before the first occasion is built. {@code ahead} false: nothing is drawn now, each
     * occasion draws its own uniforms as it is built ({@link Shopping#serveInRandomOrder}).
     */
    void draw(int[] shopper, byte[] category, int[] randomOrder, int shoppers, boolean ahead) {
        this.ahead = ahead;
        drawn = 0;
        met = 0;
        if (platform == null || !ahead) {
            return;
        }
        if (binOf.length < shoppers) {
            int length = (int) Math.min(population.size, shoppers + shoppers / 8L);
            binOf = new int[length];
            examinedBy = new long[length];
        }
        Population p = population;
        for (int m = 0; m < shoppers; m++) { // in index order: the consumers' state read front to back
            int i = shopper[m];
            binOf[m] = p.member[i] ? platform.bin(p.hot[i * Population.STRIDE + Population.TASTE]) : NOT_A_MEMBER;
        }
        for (int k = 0; k < shoppers; k++) {
            int m = randomOrder[k];
            if (binOf[m] != NOT_A_MEMBER) {
                examinedBy[m] = examine(binOf[m], category == null ? 0 : category[m]);
            }
        }
    }

    /**
     * The results of taste bin {@code bin} a member examines on an occasion in {@code category}, a bit per rank: the
     * walk of {@link ConsiderationSet#build}'s results (up to the first empty slot, only the category's), each drawing
     * its uniform where {@code e_r < 1}.
     */
    private long examine(int bin, int category) {
        long need = 1L << category;
        long bits = 0;
        for (int slot = 0; slot < examined.length; slot++) {
            int j = platform.seller(bin, slot);
            if (j == Platform.EMPTY) {
                break;
            }
            if ((terms.range[j] & need) == 0) {
                continue;
            }
            double e = examined[slot];
            if (e < 1) {
                drawn++;
            }
            if (examinedAt(e)) {
                bits |= 1L << slot;
            }
        }
        return bits;
    }

    /**
     * Whether shopper {@code m} examines the result in {@code slot} (one of its occasion's category, met in rank
     * order): drawn ahead, or (the reference order) with a fresh uniform from the stream now, if {@code e_r < 1}.
     */
    boolean examines(int m, int slot) {
        double e = examined[slot];
        if (e < 1) {
            met++;
        }
        if (ahead) {
            return (examinedBy[m] & 1L << slot) != 0;
        }
        return examinedAt(e);
    }

    /** Whether a result examined with probability {@code e} is: always if {@code e >= 1}, else by a fresh uniform. */
    private boolean examinedAt(double e) {
        return e >= 1 || random.nextDouble() < e;
    }

    /**
     * Checks, after the tick's occasions, that their build met as many results below the ranks always examined as
     * {@link #draw} drew uniforms for: that the two walked the results alike.
     */
    void check() {
        if (ahead && met != drawn) {
            throw new IllegalStateException("the occasions met " + met + " results drawn for, of the " + drawn
                    + " drawn");
        }
    }
}
