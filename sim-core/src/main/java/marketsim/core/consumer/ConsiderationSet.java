package marketsim.core.consumer;

import java.util.random.RandomGenerator;

import marketsim.core.config.Categories;
import marketsim.core.config.Channel;
import marketsim.core.config.DynamicsConfig;
import marketsim.core.config.PlatformConfig;
import marketsim.core.platform.Platform;
import marketsim.core.space.TasteCircle;
import marketsim.core.store.Store;

/**
 * A shopper's consideration set and the utility of each offer in it (MODEL.md 2.1; ODD 7.1):
 * what {@link Shopping} draws a choice from. The offers of consumer {@code i} (seller {@code j}
 * through channel {@code c}), skipping firms no longer in the market: the web stores it is aware
 * of; if it is a platform member, the results of its taste bin that it examines; the store's shelf. The
 * same seller may be offered through several channels (its offers form one nest of {@link NestedLogit}).
 *
 * <p><b>Position bias.</b> A member examines the result at rank {@code r} (1 = top) with probability
 * {@code e_r = r^-eta}, independently of the other results and of what they are (the position-based model:
 * Richardson, Dominowska and Ragno 2007; Craswell et al. 2008); an unexamined result is not in the choice set.
 * Under customer dominance a member searches further down the list: {@code e_r^examinationFactor} (0: every result).
 * Rank thus changes what is considered, not the utility of what is seen (as in Ursu 2018's randomized rankings),
 * so sponsored slots and self-preferencing change sales by moving a seller up the list.
 *
 * <pre>
 * V_io = -alpha'_ij p_o + beta'_ij q_j - t_i d(tau_i, x_j) (1 - phi_o pi_i)
 *        + gamma'_ij L_io + A_ij - sigma s_i [last_i exists and j != last_i] + a_i,c
 * </pre>
 *
 * with {@code alpha'}, {@code beta'}, {@code gamma'} and the taught attribute {@code A} tilted by teaching
 * ({@link Teaching}: the full tilt for the consumer's teacher, the spilled-over tilt for every other seller),
 * {@code d} the circular distance ({@link TasteCircle}) and {@code sigma} the switching factor
 * (1, or scaled down under customer dominance or in the classroom window). Direct:
 * {@code p_o} is the list price less the loyalty discount for a returning customer,
 * {@code phi_o} the firm's personalization, {@code L_io = L_ij}. Platform: {@code p_o} is the
 * list price less the platform's subsidy, {@code phi_o} its recommendation quality,
 * {@code L_io = max(L_ij, L_i,platform)} (the private label: {@code L_i,platform}). Store: the
 * shelf price, the list price marked up by the store's margin ({@link Store#shelfPrice}), no
 * personalization, {@code L_ij}.
 *
 * <p><b>Categories</b> (MODEL.md 3; {@link Wallet}). In a market with categories an occasion is for one category,
 * and only sellers offering it are offers (the platform's results skip the others before their examination draw).
 * The relationship is with the firm: {@code L_io} counts in full in a category the shopper has bought from the
 * firm and {@code cross_category} of it in any other; the switching term applies to a firm the shopper has not
 * bought the category from when it has bought it from one it remembers, and the loyalty discount to any returning
 * customer. Where wallets are kept, a direct offer's fit grows with the shopper's purchases from the firm,
 * {@code phi_o = phi_j (1 - exp(-n_ij / tenure_scale))} (no tenure scale: {@code phi_j}). Without categories every
 * firm offers the one category and nothing here changes the utilities above.
 *
 * <p>Each offer also carries what it earns the seller (MODEL.md 3), for best-response pricing: the share of the
 * list price the seller keeps ({@code 1 - loyalty discount} direct to a returning customer, {@code 1 - take rate}
 * on the platform from a third party, all of it in the store, whose margin consumers pay on top) and what it pays per unit besides
 * its unit cost (on the platform the fulfilment fee and the slot's ad fee, from a third party).
 *
 * <p>The offers live in scratch arrays reused for every occasion, so shopping allocates nothing.
 */
final class ConsiderationSet {
    private static final byte DIRECT = Channel.DIRECT.code();
    private static final byte PLATFORM = Channel.PLATFORM.code();
    private static final byte STORE = Channel.STORE.code();

    private final Population population;
    private final SellerTerms terms;
    private final Platform platform;
    private final Store store;
    private final Teaching teaching;
    /**
     * Which of the platform's results a member examines ({@code e_r}): drawn ahead for the tick's shoppers, or (the
     * reference order) as each one's offers are built.
     */
    private final Examinations examinations;
    /**
     * Per offer: the seller, the channel, the ad fee of its slot, its utility, the price the consumer pays, the
     * share of the list price the seller keeps and its fees per unit.
     */
    final int[] offerFirm;
    final byte[] offerChannel;
    final double[] offerAdFee;
    final double[] offerUtility;
    final double[] offerPrice;
    final double[] offerKept;
    final double[] offerFee;
    /** The shopping consumer's relationship stocks by memory index (0 where it remembers none), set per occasion. */
    private final float[] stockOf;
    /**
     * With wallets ({@link Wallet}), per memory index, set per occasion: the shopper's purchases from the firm, and
     * whether it has bought the occasion's category from it; whether it has bought the category from anyone it
     * remembers. Null without wallets.
     */
    private final short[] purchasesOf;
    private final boolean[] boughtHere;
    private boolean hasSupplier;
    /** Whether the market has categories: switching and the loyalty discount are then per category. */
    private final boolean categories;
    /** The share of the relationship that applies in a category not yet bought from the firm. */
    private final float crossCategory;
    private double switchingFactor;
    /**
     * Per category, the awareness bits of the web stores that offer it this tick (their firm active, its store open,
     * the category in its range): a shopper's direct offers are the stores it is aware of among them. Set by
     * {@link #prepare} from the sellers' terms of the tick.
     */
    private final long[] directOffered;
    /**
     * Whether a direct offer's earnings for its seller (share kept, fees) are filled: only for best-response pricing
     * (the platform's and the store's offers always carry theirs).
     */
    private boolean earnings;
    /** Whether the offers last built are all direct ({@link #oneChannel}). */
    private boolean oneChannel;
    /** The shopper's criteria for sellers other than its teacher, and (suffix T) for its teacher ({@link Teaching}). */
    private double alpha;
    private double beta;
    private double gamma;
    private double attribute;
    private int teacher;
    private double alphaT;
    private double betaT;
    private double gammaT;
    private double attributeT;
    /**
     * The shopper's own traits that every offer's utility reads: taste, mismatch cost, responsiveness to
     * personalization, switching cost (scaled by the switching factor) and last supplier.
     */
    private double taste;
    private double mismatch;
    private double responsiveness;
    private double switchingCost;
    private int last;

    /**
     * @param platform the platform, or null
     * @param store    the store, or null
     */
    ConsiderationSet(Population population, SellerTerms terms, Platform platform, Store store,
                     DynamicsConfig dynamics, Teaching teaching, RandomGenerator examinationRandom) {
        this(population, terms, platform, store, dynamics, teaching, examinationRandom, Categories.NONE);
    }

    /** @param categories the market's categories (the relationship's cross-category reach) */
    ConsiderationSet(Population population, SellerTerms terms, Platform platform, Store store,
                     DynamicsConfig dynamics, Teaching teaching, RandomGenerator examinationRandom,
                     Categories categories) {
        this.population = population;
        this.terms = terms;
        this.platform = platform;
        this.store = store;
        this.teaching = teaching;
        this.switchingFactor = dynamics.dominance().switchingFactorInForce();
        int maxOffers = terms.directFirm.length + (platform == null ? 0 : platform.config().results())
                + (store == null ? 0 : store.config().slots());
        offerFirm = new int[maxOffers];
        offerChannel = new byte[maxOffers];
        offerAdFee = new double[maxOffers];
        offerUtility = new double[maxOffers];
        offerPrice = new double[maxOffers];
        offerKept = new double[maxOffers];
        offerFee = new double[maxOffers];
        stockOf = new float[terms.count + 1]; // firms, then the platform's index
        boolean wallets = population.walletPurchases != null;
        purchasesOf = wallets ? new short[terms.count + 1] : null;
        boughtHere = wallets ? new boolean[terms.count + 1] : null;
        this.categories = population.hasCategories();
        this.crossCategory = (float) categories.crossCategory();
        this.examinations = new Examinations(population, terms, platform, dynamics.dominance(), examinationRandom);
        directOffered = new long[Math.max(1, categories.count())];
    }

    /** Bytes of the per-shopper arrays kept here (with a platform, each member's taste bin and examined ranks). */
    long bytes() {
        return examinations.bytes();
    }

    /** Which of the platform's results the tick's shoppers examine. */
    Examinations examinations() {
        return examinations;
    }

    /**
     * Reads what the tick's sellers offer through their web stores ({@link #directOffered}), and each result slot's
     * examination probability in force ({@link Examinations#prepare}): once a tick, before the first occasion, after
     * the sellers' terms and the platform's levers were set.
     */
    void prepare() {
        examinations.prepare();
        SellerTerms s = terms;
        for (int c = 0; c < directOffered.length; c++) {
            long need = 1L << c;
            long bits = 0;
            for (int b = 0; b < s.directFirm.length; b++) {
                int j = s.directFirm[b];
                if (s.active[j] && s.directOpen[j] && (s.range[j] & need) != 0) {
                    bits |= 1L << b;
                }
            }
            directOffered[c] = bits;
        }
    }

    /** Whether offers carry their seller's earnings ({@link #offerKept}, {@link #offerFee}) from now on. */
    void fillEarnings(boolean fill) {
        this.earnings = fill;
    }

    /**
     * The price sensitivity the last consumer built for judges the market with, {@code alpha'_i} at the spilled-over
     * tilt (its teacher's offers are judged with their own; surplus is converted to money with this one).
     */
    double alpha() {
        return alpha;
    }

    /**
     * Whether the last offers built are all direct: a firm has one direct offer at most, so then no firm has two
     * offers and the choice is the plain logit ({@link NestedLogit#weigh}).
     */
    boolean oneChannel() {
        return oneChannel;
    }

    /** Scales every switching cost from now on (customer dominance, or the classroom window). */
    void setSwitchingFactor(double factor) {
        this.switchingFactor = factor;
    }

    /**
     * Fills the offers of consumer {@code i}, shopper {@code m} of the tick, for an occasion in {@code category} (0 in
     * a market without categories) with their utilities: only sellers offering the category; returns how many.
     */
    int build(int i, int category, int m) {
        long need = 1L << category;
        Population p = population;
        SellerTerms s = terms;
        float[] hot = p.hot;
        int h = i * Population.STRIDE;
        if (teaching.anyTaught()) {
            float z = hot[h + Population.TILT];
            float spilled = teaching.rivalTilt(z);
            alpha = teaching.priceSensitivity(hot[h + Population.ALPHA], spilled);
            beta = teaching.qualityWeight(hot[h + Population.BETA], spilled);
            gamma = teaching.relationshipWeight(hot[h + Population.GAMMA], spilled);
            attribute = teaching.attribute(spilled);
            teacher = teaching.teacher(i);
            alphaT = teaching.priceSensitivity(hot[h + Population.ALPHA], z);
            betaT = teaching.qualityWeight(hot[h + Population.BETA], z);
            gammaT = teaching.relationshipWeight(hot[h + Population.GAMMA], z);
            attributeT = teaching.attribute(z);
        } else {
            // no one was ever taught: every tilt is 0, so each weight is the consumer's own (times exactly 1) and no
            // consumer has a teacher; its teacher is not read (a cache line fewer per shopper)
            alpha = alphaT = hot[h + Population.ALPHA];
            beta = betaT = hot[h + Population.BETA];
            gamma = gammaT = hot[h + Population.GAMMA];
            attribute = attributeT = teaching.attribute(0f);
            teacher = Population.NONE;
        }
        taste = hot[h + Population.TASTE];
        mismatch = hot[h + Population.MISMATCH];
        responsiveness = hot[h + Population.PERSONALIZATION];
        switchingCost = hot[h + Population.SWITCHING] * switchingFactor;
        int last = p.last[i];
        this.last = last;
        int offers = 0;
        int memory = i * p.slots;
        for (int k = memory; k < memory + p.slots; k++) {
            int f = p.memoryFirm[k];
            if (f != Population.NONE) {
                stockOf[f] = p.memoryStock[k];
            }
        }
        if (purchasesOf != null) {
            recallHistory(i, need);
        }
        long mask = p.aware[i] & directOffered[category];
        while (mask != 0) {
            int j = s.directFirm[Long.numberOfTrailingZeros(mask)];
            mask &= mask - 1;
            boolean returning = categories ? purchasesOf[j] > 0 : j == last;
            double kept = returning ? 1 - s.loyaltyDiscount[j] : 1;
            double phi = s.personalization[j];
            if (s.tenureScale[j] > 0) { // the fit grows with the consumer's own purchases from the firm
                phi *= 1 - Math.exp(-purchasesOf[j] / s.tenureScale[j]);
            }
            offers = offer(offers, j, DIRECT, s.price[j] * kept, phi, stockOf[j], hot[h + Population.DIRECT_AFFINITY]);
            if (earnings) {
                offerKept[offers - 1] = kept;
                offerFee[offers - 1] = 0;
            }
        }
        int direct = offers;
        if (platform != null && p.member[i]) {
            PlatformConfig c = platform.config();
            double paidShare = 1 - platform.subsidy();
            double phi = platform.recommendationQuality();
            float platformStock = stockOf[s.platformIndex];
            int bin = platform.bin(hot[h + Population.TASTE]);
            for (int slot = 0; slot < c.results(); slot++) {
                int j = platform.seller(bin, slot);
                if (j == Platform.EMPTY) {
                    break;
                }
                if ((s.range[j] & need) == 0) {
                    continue; // not in the occasion's category: not a result for it
                }
                if (!examinations.examines(m, slot)) {
                    continue; // not examined (position bias): not in the choice set
                }
                float stock = Math.max(platformStock, stockOf[s.relationshipIndex[j]]);
                double adFee = platform.adFee(bin, slot);
                offers = offer(offers, j, PLATFORM, s.price[j] * paidShare, phi, stock,
                        hot[h + Population.PLATFORM_AFFINITY]);
                offerAdFee[offers - 1] = adFee;
                offerKept[offers - 1] = 1 - platform.commission(j);
                offerFee[offers - 1] = platform.perUnitFee(j) + adFee;
            }
        }
        if (store != null) {
            for (int j : store.shelf()) {
                if (!s.active[j] || (s.range[j] & need) == 0) {
                    continue;
                }
                offers = offer(offers, j, STORE, store.shelfPrice(s.price[j]), 0, stockOf[j],
                        hot[h + Population.STORE_AFFINITY]);
                offerKept[offers - 1] = 1 - store.commission(j);
                offerFee[offers - 1] = store.perUnitFee(j);
            }
        }
        oneChannel = offers == direct;
        for (int k = memory; k < memory + p.slots; k++) {
            int f = p.memoryFirm[k];
            if (f != Population.NONE) {
                stockOf[f] = 0;
                if (purchasesOf != null) {
                    purchasesOf[f] = 0;
                    boughtHere[f] = false;
                }
            }
        }
        return offers;
    }

    /**
     * The shopper's history with each firm it remembers ({@link Wallet}): its purchases from it, for the fit; in a
     * market with categories, whether it bought the occasion's category from it, and the relationship's reach: a
     * firm's stock counts in full in a category bought from it, and {@code crossCategory} of it in any other.
     */
    private void recallHistory(int i, long need) {
        Population p = population;
        hasSupplier = false;
        for (int k = i * p.slots; k < (i + 1) * p.slots; k++) {
            int f = p.memoryFirm[k];
            if (f == Population.NONE) {
                continue;
            }
            purchasesOf[f] = p.walletPurchases[k];
            if (categories) {
                boolean here = p.walletPurchases[k] > 0 && (p.walletCategories[k] & need) != 0;
                boughtHere[f] = here;
                hasSupplier |= here;
                if (!here && f < terms.count) {
                    stockOf[f] *= crossCategory;
                }
            }
        }
    }

    /**
     * Adds offer {@code o}: seller {@code j} through {@code channel} at {@code price}, with the shopper's traits read
     * by {@link #build}. Its ad fee is set by the caller on the platform (the only channel that has one).
     */
    private int offer(int o, int j, byte channel, double price, double phi, float stock, float affinity) {
        double distance = TasteCircle.distance(taste, terms.position[j]);
        boolean taught = j == teacher;
        double utility = -(taught ? alphaT : alpha) * price + (taught ? betaT : beta) * terms.quality[j]
                - mismatch * distance * (1 - phi * responsiveness)
                + (taught ? gammaT : gamma) * stock + (taught ? attributeT : attribute) + affinity;
        // with categories, a switch is buying the category from a firm other than those it was bought from
        boolean switching = categories ? hasSupplier && !boughtHere[terms.relationshipIndex[j]]
                : last != Population.NONE && last != j;
        if (switching) {
            utility -= switchingCost;
        }
        offerFirm[o] = j;
        offerChannel[o] = channel;
        offerPrice[o] = price;
        offerUtility[o] = utility;
        return o + 1;
    }
}
