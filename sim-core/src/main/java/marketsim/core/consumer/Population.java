package marketsim.core.consumer;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

import marketsim.core.config.Categories;
import marketsim.core.config.PopulationConfig;
import marketsim.core.config.SegmentConfig;
import marketsim.core.config.Trait;
import marketsim.core.random.StreamKey;
import marketsim.core.random.Streams;

/**
 * All consumers as a struct of arrays: consumer {@code i}'s price sensitivity is
 * {@code alpha[i]}, and so on. Traits are floats (their precision far exceeds what the model
 * can tell apart) to keep the population compact: about 120 bytes per consumer with four
 * relationship slots, so a million consumers fit in the default heap.
 *
 * <p>Relationship memory is bounded: each consumer keeps {@code slots} (firm, stock) pairs in
 * {@code memoryFirm[i * slots + k]} / {@code memoryStock[i * slots + k]}; a new firm replaces
 * the weakest stock.
 *
 * <p>Each simulated consumer is a super-individual: it stands for {@link #weight} {@code = M / N}
 * real consumers of a market of {@code M} (MODEL.md 2; ODD 2.3). Whatever a consumer does counts
 * that many times where it meets money and counts (a unit bought, a payment, a contact, being a
 * customer, aware or a member), and contacts bought in market units reach {@link #reach} of the
 * simulated consumers, so outcomes do not depend on the resolution N.
 */
public final class Population {
    /** No last supplier yet. */
    public static final short NONE = -1;
    public static final byte STATUS_NONE = 0;
    public static final byte STATUS_PROMOTER = 1;
    public static final byte STATUS_PASSIVE = 2;
    public static final byte STATUS_DETRACTOR = 3;

    final int size;
    final int slots;
    /** Real consumers each simulated consumer stands for, {@code M / N}. */
    final double weight;
    /** Consumers of the market, {@code M}. */
    private final double marketSize;
    /*
     * The traits and state read when a consumer shops, interleaved: consumer i's are
     * hot[i * STRIDE + FIELD]. A shopper reads several traits; interleaved, they share a cache
     * line or two, where one array per trait would touch a line per trait (shared with the next
     * few consumers, of whom about one in four shops). (The purchase probability, read for every consumer every tick, is a compact array of
     * its own; so are the relationship memory and the flags.)
     */
    static final int ALPHA = 0;
    static final int BETA = 1;
    static final int GAMMA = 2;
    static final int MISMATCH = 3;
    static final int SWITCHING = 4;
    static final int DIRECT_AFFINITY = 5;
    static final int PLATFORM_AFFINITY = 6;
    static final int STORE_AFFINITY = 7;
    static final int PERSONALIZATION = 8;
    static final int TASTE = 9;
    /** Teaching tilt z in [0,1]: how far the consumer's criteria moved from price to quality. */
    static final int TILT = 10;
    static final int EXPECTATION = 11;
    static final int STRIDE = 12;

    final float[] hot;
    final float[] purchaseProbability;
    final byte[] segment;
    final short[] last;
    /** Channel of the last purchase ({@code Channel.code()}), or -1. */
    final byte[] lastChannel;
    final boolean[] member;
    final byte[] status;
    final short[] memoryFirm;
    final float[] memoryStock;
    /**
     * Per consumer, the memory slot its customer-base firm's stock was last found in ({@link CustomerBase}; set where
     * a purchase moves the stock, {@link PurchaseExperience}): checked first by {@link #slotFor} and the customer
     * count, which search the memory only when that slot now holds another firm. A hint, always verified: the slot
     * found is the one a search finds (a firm is in one slot at most).
     */
    final byte[] slotHint;
    final long[] aware;
    /**
     * The firm in whose customer base consumer i is ({@link CustomerBase}): its last supplier, until it lapses
     * (buys nothing for the lapse window); {@link #NONE} before its first purchase and after it lapsed.
     */
    final short[] customerOf;
    /** The tick of consumer i's last purchase (meaningful once it has one). */
    final int[] lastPurchase;
    /** The firm whose teaching consumer i's tilt is toward ({@link Teaching}), or {@link #NONE}. */
    final short[] teacher;
    /*
     * Categories (MODEL.md 3; Wallet), allocated only in a market that has them: the categories consumer i needs
     * (a mask) and the sum of their frequencies, sum_c f_c, by which its purchase probability is multiplied.
     */
    long[] needs;
    float[] needWeight;
    /*
     * The consumer's history with each remembered firm, slot by slot beside memoryFirm (Wallet), allocated only when
     * wallets are kept: the categories bought from it, the purchases (0: not its customer), the ticks of the first
     * and the last; and per relationship index, the customers lost because a new firm took their slot.
     */
    long[] walletCategories;
    short[] walletPurchases;
    int[] walletFirst;
    int[] walletLast;
    int[] evicted;

    /** Bytes of this population's per-consumer arrays (the consumers' whole state). */
    public long bytes() {
        long floats = (long) hot.length + purchaseProbability.length + memoryStock.length;
        return 4 * floats + segment.length + 2L * last.length + lastChannel.length + member.length + status.length
                + 2L * memoryFirm.length + slotHint.length + 8L * aware.length + 2L * teacher.length
                + 2L * customerOf.length + 4L * lastPurchase.length
                + (needs == null ? 0 : 8L * needs.length + 4L * needWeight.length)
                + (walletPurchases == null ? 0 : 8L * walletCategories.length + 2L * walletPurchases.length
                        + 4L * walletFirst.length + 4L * walletLast.length);
    }

    private Population(int size, int slots, double marketSize) {
        this.size = size;
        this.slots = slots;
        this.marketSize = marketSize;
        this.weight = marketSize / size;
        hot = new float[size * STRIDE];
        purchaseProbability = new float[size];
        segment = new byte[size];
        last = new short[size];
        lastChannel = new byte[size];
        member = new boolean[size];
        status = new byte[size];
        memoryFirm = new short[size * slots];
        memoryStock = new float[size * slots];
        slotHint = new byte[size];
        aware = new long[size];
        teacher = new short[size];
        customerOf = new short[size];
        lastPurchase = new int[size];
        Arrays.fill(customerOf, NONE);
        Arrays.fill(last, NONE);
        Arrays.fill(teacher, NONE);
        Arrays.fill(lastChannel, (byte) -1);
        Arrays.fill(memoryFirm, NONE);
    }

    /** Draws a population ({@link #draw(PopulationConfig, long)}) and, in a market with categories, its needs. */
    public static Population draw(PopulationConfig config, Categories categories, long seed) {
        Population p = draw(config, seed);
        if (categories.declared()) {
            Needs.draw(p, config.segments(), categories, seed);
        }
        return p;
    }

    /**
     * Draws a population: segment sizes by largest remainder of their shares, then each
     * segment's traits from its own stream (keyed by segment name and trait), so that editing
     * one segment leaves the others' consumers unchanged.
     */
    public static Population draw(PopulationConfig config, long seed) {
        Population p = new Population(config.size(), config.memorySlots(), config.marketSize());
        List<SegmentConfig> segments = config.segments();
        int[] counts = allocate(config.size(), segments);
        int start = 0;
        for (int s = 0; s < segments.size(); s++) {
            SegmentConfig segment = segments.get(s);
            int end = start + counts[s];
            Arrays.fill(p.segment, start, end, (byte) s);
            for (Trait trait : Trait.values()) {
                RandomGenerator random = Streams.stream(seed, StreamKey.POPULATION,
                        Streams.nameKey(segment.name()), trait.ordinal());
                TraitSampler sampler = new TraitSampler(segment.trait(trait), trait.circular(), random);
                int field = field(trait);
                for (int i = start; i < end; i++) {
                    float v = (float) sampler.next();
                    if (field < 0) {
                        p.purchaseProbability[i] = v;
                    } else {
                        p.hot[i * STRIDE + field] = v;
                    }
                }
            }
            start = end;
        }
        return p;
    }

    /** Keeps each consumer's history with its remembered firms ({@link Wallet}); {@code indices}: firms and the platform. */
    void keepWallets(int indices) {
        walletCategories = new long[memoryFirm.length];
        walletPurchases = new short[memoryFirm.length];
        walletFirst = new int[memoryFirm.length];
        walletLast = new int[memoryFirm.length];
        evicted = new int[indices];
    }

    /** Whether the market has categories (and consumers their needs). */
    public boolean hasCategories() {
        return needs != null;
    }

    /** The categories consumer {@code i} needs (a mask), or every one in a market without categories. */
    public long needs(int i) {
        return needs == null ? -1L : needs[i];
    }

    /** A trait's field in {@link #hot}, or -1 for the purchase probability (its own array). */
    private static int field(Trait trait) {
        return switch (trait) {
            case PRICE_SENSITIVITY -> ALPHA;
            case QUALITY_WEIGHT -> BETA;
            case RELATIONSHIP_WEIGHT -> GAMMA;
            case MISMATCH_COST -> MISMATCH;
            case PURCHASE_PROBABILITY -> -1;
            case SWITCHING_COST -> SWITCHING;
            case DIRECT_AFFINITY -> DIRECT_AFFINITY;
            case PERSONALIZATION_RESPONSIVENESS -> PERSONALIZATION;
            case QUALITY_EXPECTATION -> EXPECTATION;
            case TASTE -> TASTE;
            case PLATFORM_AFFINITY -> PLATFORM_AFFINITY;
            case STORE_AFFINITY -> STORE_AFFINITY;
        };
    }

    /** Consumer {@code i}'s value of a hot field. */
    float get(int i, int field) {
        return hot[i * STRIDE + field];
    }

    /** Largest-remainder apportionment of {@code n} consumers to segments by share. */
    static int[] allocate(int n, List<SegmentConfig> segments) {
        int[] counts = new int[segments.size()];
        double[] remainder = new double[segments.size()];
        int assigned = 0;
        for (int s = 0; s < counts.length; s++) {
            double exact = n * segments.get(s).share();
            counts[s] = (int) Math.floor(exact);
            remainder[s] = exact - counts[s];
            assigned += counts[s];
        }
        while (assigned < n) {
            int best = 0;
            for (int s = 1; s < counts.length; s++) {
                if (remainder[s] > remainder[best]) {
                    best = s;
                }
            }
            counts[best]++;
            remainder[best] = -1;
            assigned++;
        }
        return counts;
    }

    /** Simulated consumers, N. */
    public int size() {
        return size;
    }

    /** Real consumers each simulated consumer stands for, {@code M / N}. */
    public double weight() {
        return weight;
    }

    /** Consumers of the market the population stands for, {@code M}. */
    public double marketSize() {
        return marketSize;
    }

    /**
     * Simulated consumers reached by {@code contacts} contacts bought in market units (marketing,
     * education): {@code contacts / weight}, the fractional part by one Bernoulli draw from
     * {@code random}, so the expected reach is exact at any resolution (truncating would lose up
     * to one simulated consumer's worth of contacts a tick, a bias that grows as N shrinks).
     */
    long reach(double contacts, RandomGenerator random) {
        double exact = contacts / weight;
        long reached = (long) Math.floor(exact);
        if (random.nextDouble() < exact - reached) {
            reached++;
        }
        return reached;
    }

    /** Marks consumer {@code i} aware of awareness bit {@code b}; returns true if it was not before. */
    boolean makeAware(int i, int b) {
        long bit = 1L << b;
        if ((aware[i] & bit) != 0) {
            return false;
        }
        aware[i] |= bit;
        return true;
    }

    /** Relationship stock of consumer {@code i} with firm {@code j} (0 if not remembered). */
    float stock(int i, int j) {
        int base = i * slots;
        for (int k = 0; k < slots; k++) {
            if (memoryFirm[base + k] == j) {
                return memoryStock[base + k];
            }
        }
        return 0f;
    }

    /** Whether consumer {@code i} remembers a relationship with {@code j}. */
    boolean remembers(int i, int j) {
        int base = i * slots;
        for (int k = base; k < base + slots; k++) {
            if (memoryFirm[k] == j) {
                return true;
            }
        }
        return false;
    }

    /** The memory slot holding firm {@code j} for consumer {@code i}, claiming the weakest if absent. */
    int slotFor(int i, int j) {
        int base = i * slots;
        if (memoryFirm[base + slotHint[i]] == j) {
            return base + slotHint[i];
        }
        int empty = -1;
        int weakest = base;
        for (int k = base; k < base + slots; k++) {
            if (memoryFirm[k] == j) {
                return k;
            }
            if (memoryFirm[k] == NONE) {
                if (empty < 0) {
                    empty = k;
                }
            } else if (memoryStock[k] < memoryStock[weakest]) {
                weakest = k;
            }
        }
        int slot = empty >= 0 ? empty : weakest;
        if (walletPurchases != null && walletPurchases[slot] > 0) {
            evicted[memoryFirm[slot]]++; // the firm forgotten loses a customer (Wallet)
            walletPurchases[slot] = 0;
            walletCategories[slot] = 0;
        }
        memoryFirm[slot] = (short) j;
        memoryStock[slot] = 0f;
        return slot;
    }

    public double meanTrait(Trait trait) {
        int field = field(trait);
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += field < 0 ? purchaseProbability[i] : hot[i * STRIDE + field];
        }
        return sum / size;
    }

    /** Makes every consumer aware of every web store ({@code bits} of them) and, if asked, a member. */
    void knowEverything(int bits) {
        long all = bits >= 64 ? -1L : (1L << bits) - 1;
        Arrays.fill(aware, all);
    }

    public double tilt(int i) {
        return hot[i * STRIDE + TILT];
    }

    public float taste(int i) {
        return hot[i * STRIDE + TASTE];
    }

    public boolean member(int i) {
        return member[i];
    }

    /** Makes consumer {@code i} a platform member, or not. */
    public void setMember(int i, boolean isMember) {
        member[i] = isMember;
    }

    /** Consumer {@code i}'s price sensitivity {@code alpha_i}, untilted (utils/money). */
    public float priceSensitivity(int i) {
        return hot[i * STRIDE + ALPHA];
    }

    /** Consumer {@code i}'s affinity for the platform channel {@code a_i,platform} (utils). */
    public float platformAffinity(int i) {
        return hot[i * STRIDE + PLATFORM_AFFINITY];
    }

    /** Index of consumer {@code i}'s segment (scenario order). */
    public int segment(int i) {
        return segment[i];
    }

    public short lastSupplier(int i) {
        return last[i];
    }
}
