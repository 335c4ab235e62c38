package marketsim.core.consumer;

import java.util.Arrays;

/**
 * The purchases of the current tick (at most one per consumer), read back in consumer order:
 * a bit per consumer that bought, and its seller and channel. Consumers shop in a random order,
 * but their purchases are experienced in index order, which walks the population's arrays
 * front to back instead of jumping about them (no purchase's experience affects another's).
 */
public final class PurchaseLog {
    private final long[] bought;
    private final short[] seller;
    private final byte[] channel;
    private int size;

    public PurchaseLog(int consumers) {
        bought = new long[(consumers + Long.SIZE - 1) / Long.SIZE];
        seller = new short[consumers];
        channel = new byte[consumers];
    }

    /** Bytes of the log's arrays. */
    public long bytes() {
        return 8L * bought.length + 2L * seller.length + channel.length;
    }

    void clear() {
        Arrays.fill(bought, 0);
        size = 0;
    }

    void add(int consumer, int firm, byte via) {
        bought[consumer >>> 6] |= 1L << consumer;
        seller[consumer] = (short) firm;
        channel[consumer] = via;
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
        return seller[i];
    }

    byte channel(int i) {
        return channel[i];
    }
}
