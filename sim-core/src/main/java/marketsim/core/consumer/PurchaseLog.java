package marketsim.core.consumer;

import java.util.Arrays;

/**
 * The purchases of the current tick (at most one per consumer), read back in consumer order:
 * a bit per consumer that bought. Purchases are experienced in index order, which walks the
 * population's arrays front to back instead of jumping about them (no purchase's experience
 * affects another's). A purchase's seller and
 * channel are the consumer's last supplier and last channel, which {@link #add} sets: kept once,
 * in the population, not copied into arrays of the log's own (two cache misses fewer per purchase).
 */
public final class PurchaseLog {
    private final Population population;
    private final long[] bought;
    private int size;

    public PurchaseLog(Population population) {
        this.population = population;
        bought = new long[(population.size + Long.SIZE - 1) / Long.SIZE];
    }

    /** Bytes of the log's arrays. */
    public long bytes() {
        return 8L * bought.length;
    }

    void clear() {
        Arrays.fill(bought, 0);
        size = 0;
    }

    /** Consumer {@code consumer} bought from {@code firm} through channel {@code via}: its last supplier and channel now. */
    void add(int consumer, int firm, byte via) {
        bought[consumer >>> 6] |= 1L << consumer;
        population.last[consumer] = (short) firm;
        population.lastChannel[consumer] = via;
        size++;
    }

    public int size() {
        return size;
    }

    /** The first consumer at or after {@code from} who bought this tick, or -1. */
    int next(int from) {
        int word = from >>> 6;
        if (word >= bought.length) {
            return -1;
        }
        long bits = bought[word] & (-1L << from);
        while (true) {
            if (bits != 0) {
                return (word << 6) + Long.numberOfTrailingZeros(bits);
            }
            if (++word == bought.length) {
                return -1;
            }
            bits = bought[word];
        }
    }

    /** Whether consumer {@code i} bought this tick. */
    boolean bought(int i) {
        return (bought[i >>> 6] & 1L << i) != 0;
    }

    /** The seller consumer {@code i} bought from this tick (valid only if it bought). */
    int seller(int i) {
        return population.last[i];
    }

    /** The channel consumer {@code i} bought through this tick (valid only if it bought). */
    byte channel(int i) {
        return population.lastChannel[i];
    }
}
