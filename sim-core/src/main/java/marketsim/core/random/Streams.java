package marketsim.core.random;

import ec.util.MersenneTwisterFast;

/**
 * Derives independent seeds from a master seed with SplitMix64 mixing (Steele, Lea and Flood
 * 2014). {@code derive(seed, a, b)} is a pure function: the same keys always give the same
 * stream, whatever else the run contains.
 */
public final class Streams {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Streams() {
    }

    /** Seed of replication {@code rep} (0-based) of an experiment with master seed {@code master}. */
    public static long replicationSeed(long master, int rep) {
        return derive(master, 0x5245504CL, rep); // "REPL"
    }

    /** Mixes {@code keys} into {@code seed}, one SplitMix64 round per key. */
    public static long derive(long seed, long... keys) {
        long z = mix(seed);
        for (long key : keys) {
            z = mix(z + GOLDEN_GAMMA * (key + 1));
        }
        return z;
    }

    /** A Mersenne Twister stream for the component {@code key} of the run seeded with {@code seed}. */
    public static MersenneTwisterFast stream(long seed, StreamKey key, long... subKeys) {
        long[] keys = new long[subKeys.length + 1];
        keys[0] = key.ordinal() + 1L;
        System.arraycopy(subKeys, 0, keys, 1, subKeys.length);
        return new MersenneTwisterFast(derive(seed, keys));
    }

    /** A stable 64-bit key for a name (firm, segment), independent of its position in a list. */
    public static long nameKey(String name) {
        long h = 1125899906842597L;
        for (int i = 0; i < name.length(); i++) {
            h = 31 * h + name.charAt(i);
        }
        return mix(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
