package marketsim.core.consumer;

/** The purchases of the current tick, in the order they happened (at most one per consumer). */
public final class PurchaseLog {
    private final int[] buyer;
    private final short[] seller;
    private int size;

    public PurchaseLog(int consumers) {
        buyer = new int[consumers];
        seller = new short[consumers];
    }

    void clear() {
        size = 0;
    }

    void add(int consumer, int firm) {
        buyer[size] = consumer;
        seller[size] = (short) firm;
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
}
