package marketsim.core.consumer;

import java.util.List;
import java.util.random.RandomGenerator;

import marketsim.core.config.Categories;
import marketsim.core.config.SegmentConfig;
import marketsim.core.random.StreamKey;
import marketsim.core.random.Streams;

/**
 * Which categories each consumer needs (MODEL.md 3; {@link Wallet}): drawn once at the start, per segment, into
 * {@link Population}'s needs (a mask per consumer) and the sum of their frequencies, by which its purchase
 * probability is multiplied ({@link Shopping}).
 */
final class Needs {
    private Needs() {
    }

    /**
     * Draws which categories each consumer needs: {@code needs} of the market's categories (its segment's; 0:
     * every one), uniformly without replacement, from each segment's own stream; and the sum of their
     * frequencies. Consumers are in segment order, as {@link Population#draw} placed them.
     */
    static void draw(Population p, List<SegmentConfig> segments, Categories categories, long seed) {
        int size = p.size;
        long[] needs = new long[size];
        float[] needWeight = new float[size];
        int count = categories.count();
        int[] deck = new int[count];
        int[] counts = Population.allocate(size, segments);
        int start = 0;
        for (int s = 0; s < segments.size(); s++) {
            int k = segments.get(s).needs() == 0 ? count : segments.get(s).needs();
            RandomGenerator random = Streams.stream(seed, StreamKey.NEEDS, Streams.nameKey(segments.get(s).name()));
            for (int i = start; i < start + counts[s]; i++) {
                for (int c = 0; c < count; c++) {
                    deck[c] = c;
                }
                long mask = 0;
                double weight = 0;
                for (int d = 0; d < k; d++) { // the first k of a partial Fisher-Yates shuffle
                    int r = d + (k == count ? 0 : random.nextInt(count - d));
                    int c = deck[r];
                    deck[r] = deck[d];
                    deck[d] = c;
                    mask |= 1L << c;
                    weight += categories.frequency(c);
                }
                needs[i] = mask;
                needWeight[i] = (float) weight;
            }
            start += counts[s];
        }
        p.needs = needs;
        p.needWeight = needWeight;
    }
}
