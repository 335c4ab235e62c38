package marketsim.core.consumer;

/** The purchases of the current tick, in the order they happened (at most one per consumer). */
public final class PurchaseLog {
    private final int[] buyer;
    private final short[] seller;
    private final byte[] channel;
    private int size;

    public PurchaseLog(int consumers) {
        buyer = new int[consumers];
        seller = new short[consumers];
        channel = new byte[consumers];
    }

    /** Bytes of the log's arrays. */
    public long bytes() {
        return 4L * buyer.length + 2L * seller.length + channel.length;
    }

    void clear() {
        size = 0;
    }

    void add(int consumer, int firm, byte via) {
        buyer[size] = consumer;
        seller[size] = (short) firm;
        channel[size] = via;
        size++;
    }

    public int size() {
        return size;
    }

    int buyer(int k) {
        return buyer[k];
    }

    int seller(int k) {
        return seller[k];
    }

    byte channel(int k) {
        return channel[k];
    }
}
