package marketsim.core.consumer;

import static marketsim.core.metrics.Field.*;

import java.util.random.RandomGenerator;

import marketsim.core.config.Channel;
import marketsim.core.config.DynamicsConfig;
import marketsim.core.config.PlatformConfig;
import marketsim.core.firm.DemandSlopes;
import marketsim.core.ledger.Ledger;
import marketsim.core.ledger.PostingKind;
import marketsim.core.platform.Platform;
import marketsim.core.space.TasteCircle;
import marketsim.core.store.Store;

/**
 * The CONSUMERS_SHOP phase: each consumer has a purchase occasion with probability
 * {@code lambda_i}, and the consumers with one shop in a fresh random order, each choosing among
 * its offers and the outside option by multinomial logit (MODEL.md 2.1). Its offers: the direct offers of the firms it is aware of;
 * if it is a platform member, the top results of its taste bin; the store's shelf.
 *
 * <pre>
 * V_io = -alpha_i p_o + beta_i q_j - t_i d(tau_i, x_j) (1 - phi_o pi_i)
 *        + gamma_i L_io - s_i [j != last_i] + a_i,c          V_i0 = u0
 * P(o) = exp(V_io) / (exp(u0) + sum_k exp(V_ik))
 * </pre>
 *
 * Direct: {@code p_o} is the list price less the loyalty discount for a returning customer,
 * {@code phi_o} the firm's personalization, {@code L_io = L_ij}. Platform: {@code p_o} is the
 * list price less the platform's subsidy, {@code phi_o} its recommendation quality, and
 * {@code L_io = max(L_ij, L_i,platform)}. Store: list price, no personalization, {@code L_ij}.
 * No switching cost before a first purchase; under customer dominance switching costs are
 * scaled down. Teaching tilt {@code z_i} shifts the criteria ({@link Teaching}):
 * {@code alpha_i (1 - priceShift z_i)}, {@code beta_i (1 + qualityShift z_i)},
 * {@code gamma_i (1 + relationshipShift z_i)}. Firms that
 * left the market offer nothing. The choice is drawn, never an argmax. Payments go
 * through the ledger at once: the consumer pays the seller its price and the seller its
 * suppliers the unit cost; the platform ({@link Platform#sell}) and the store
 * ({@link Store#sell}) post their own fees and subsidies. Experience is the next phase's work.
 */
public final class Shopping {
    private static final byte DIRECT = Channel.DIRECT.code();
    private static final byte PLATFORM = Channel.PLATFORM.code();
    private static final byte STORE = Channel.STORE.code();
    /**
     * Shoppers whose state is read ahead together (see {@link #touch}); a power of two. About as
     * many cache misses as a core keeps in flight (each shopper's state is several); 8 and 32 were
     * no faster on bench-reference.
     */
    private static final int BATCH = 16;

    private final Population population;
    private final SellerTerms terms;
    private final Ledger ledger;
    private final Platform platform;
    private final Store store;
    private final double outsideUtility;
    private final RandomGenerator orderRandom;
    private final RandomGenerator choiceRandom;
    private final int[] order;
    private final int[] offerFirm;
    private final byte[] offerChannel;
    private final double[] offerAdFee;
    private final double[] offerUtility;
    private final double[] offerWeight;
    private final double[] offerPrice;
    /** The shopping consumer's relationship stocks by memory index (0 where it remembers none), set per occasion. */
    private final float[] stockOf;
    private final PurchaseLog purchases;
    /** What {@link #touch} read, summed: kept so that its reads are not optimized away. */
    private int touched;
    private final Teaching teaching;
    private double switchingFactor;
    /** The demand firms face, for best-response pricing; null when no firm prices that way. */
    private DemandSlopes demandSlopes;
    private double alpha;
    private double beta;
    private double gamma;

    /**
     * @param platform the platform, or null
     * @param store    the store, or null
     */
    public Shopping(Population population, SellerTerms terms, Ledger ledger, Platform platform,
                    Store store, double outsideUtility, DynamicsConfig dynamics, Teaching teaching,
                    RandomGenerator orderRandom, RandomGenerator choiceRandom, PurchaseLog purchases) {
        this.teaching = teaching;
        this.switchingFactor = dynamics.dominance().enabled() ? dynamics.dominance().switchingFactor() : 1;
        this.population = population;
        this.terms = terms;
        this.ledger = ledger;
        this.platform = platform;
        this.store = store;
        this.outsideUtility = outsideUtility;
        this.orderRandom = orderRandom;
        this.choiceRandom = choiceRandom;
        this.purchases = purchases;
        order = new int[population.size];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int maxOffers = terms.directFirm.length + (platform == null ? 0 : platform.config().results())
                + (store == null ? 0 : store.config().slots());
        offerFirm = new int[maxOffers];
        offerChannel = new byte[maxOffers];
        offerAdFee = new double[maxOffers];
        offerUtility = new double[maxOffers];
        offerWeight = new double[maxOffers];
        offerPrice = new double[maxOffers];
        stockOf = new float[terms.count + 1]; // firms, then the platform's index
    }

    /**
     * One tick of shopping; tallies go to {@code firmTally[j][field]}, the platform's vector
     * (null without a platform) and {@code market[field]}.
     */
    public void shop(double[][] firmTally, double[] platformTally, double[] market) {
        purchases.clear();
        Population p = population;
        // Who shops is drawn in index order, then the shoppers go in a random order: the same as
        // drawing each consumer's occasion in a random order of all, with a quarter of the work.
        int shoppers = 0;
        float[] probability = p.purchaseProbability;
        for (int i = 0; i < p.size; i++) {
            order[shoppers] = i; // kept only if i shops: no branch to mispredict
            shoppers += choiceRandom.nextDouble() < probability[i] ? 1 : 0;
        }
        shuffle(shoppers);
        double occasions = shoppers;
        double outside = 0;
        double surplus = 0;
        for (int k = 0; k < shoppers; k++) {
            if ((k & (BATCH - 1)) == 0) {
                touch(k, Math.min(k + BATCH, shoppers));
            }
            int i = order[k];
            int offers = buildOffers(i);
            // Logit draw, stabilised by the largest utility.
            double max = outsideUtility;
            for (int o = 0; o < offers; o++) {
                max = Math.max(max, offerUtility[o]);
            }
            double outsideWeight = Math.exp(outsideUtility - max);
            double total = outsideWeight;
            for (int o = 0; o < offers; o++) {
                double w = Math.exp(offerUtility[o] - max);
                offerWeight[o] = w;
                total += w;
            }
            surplus += (max + Math.log(total)) / alpha;
            if (demandSlopes != null) {
                demandSlopes.record(alpha, offers, offerFirm, offerWeight, total, offerPrice, terms.price);
            }
            double draw = choiceRandom.nextDouble() * total - outsideWeight;
            if (draw < 0) {
                outside++;
                continue;
            }
            int chosen = offers - 1; // guards against rounding at the top end
            for (int o = 0; o < offers; o++) {
                draw -= offerWeight[o];
                if (draw < 0) {
                    chosen = o;
                    break;
                }
            }
            buy(i, chosen, firmTally, platformTally);
        }
        market[OCCASIONS.ordinal()] += occasions;
        market[OUTSIDE_CHOICES.ordinal()] += outside;
        market[CONSUMER_SURPLUS.ordinal()] += surplus;
    }

    /**
     * Reads the state of the shoppers {@code order[from..to)} before any of them shops. Shoppers
     * come in a random order, so each one's state is a handful of cache misses; issued together,
     * a batch's misses overlap instead of stalling the loop one after another (software
     * prefetching, which Java has no instruction for). The sum is kept only so that the reads
     * cannot be optimized away.
     */
    private void touch(int from, int to) {
        Population p = population;
        float[] hot = p.hot;
        int sum = 0;
        for (int k = from; k < to; k++) {
            int i = order[k];
            int h = i * Population.STRIDE;
            int m = i * p.slots;
            // A consumer's 48 bytes of traits can span two cache lines: read the first and the last.
            sum += Float.floatToRawIntBits(hot[h]) + Float.floatToRawIntBits(hot[h + Population.STRIDE - 1])
                    + p.memoryFirm[m] + Float.floatToRawIntBits(p.memoryStock[m]) + (int) p.aware[i] + p.last[i]
                    + p.lastChannel[i] + purchases.seller(i);
        }
        touched += sum;
    }

    /** Fills the offer scratch arrays for consumer {@code i}; returns how many offers. */
    private int buildOffers(int i) {
        Population p = population;
        SellerTerms s = terms;
        float[] hot = p.hot;
        int h = i * Population.STRIDE;
        float z = hot[h + Population.TILT];
        alpha = teaching.priceSensitivity(hot[h + Population.ALPHA], z);
        beta = teaching.qualityWeight(hot[h + Population.BETA], z);
        gamma = teaching.relationshipWeight(hot[h + Population.GAMMA], z);
        int last = p.last[i];
        int offers = 0;
        int memory = i * p.slots;
        for (int k = memory; k < memory + p.slots; k++) {
            int f = p.memoryFirm[k];
            if (f != Population.NONE) {
                stockOf[f] = p.memoryStock[k];
            }
        }
        long mask = p.aware[i];
        while (mask != 0) {
            int j = s.directFirm[Long.numberOfTrailingZeros(mask)];
            mask &= mask - 1;
            if (!s.active[j]) {
                continue;
            }
            double price = j == last ? s.price[j] * (1 - s.loyaltyDiscount[j]) : s.price[j];
            offers = offer(i, offers, j, DIRECT, price, s.personalization[j], stockOf[j],
                    hot[h + Population.DIRECT_AFFINITY], 0);
        }
        if (platform != null && p.member[i]) {
            PlatformConfig c = platform.config();
            double keep = 1 - platform.subsidy();
            double phi = platform.recommendationQuality();
            float platformStock = stockOf[s.platformIndex];
            int bin = platform.bin(hot[h + Population.TASTE]);
            for (int slot = 0; slot < c.results(); slot++) {
                int j = platform.seller(bin, slot);
                if (j == Platform.EMPTY) {
                    break;
                }
                float stock = Math.max(platformStock, stockOf[s.relationshipIndex[j]]);
                offers = offer(i, offers, j, PLATFORM, s.price[j] * keep, phi, stock, hot[h + Population.PLATFORM_AFFINITY],
                        platform.adFee(bin, slot));
            }
        }
        if (store != null) {
            for (int j : store.shelf()) {
                if (!s.active[j]) {
                    continue;
                }
                offers = offer(i, offers, j, STORE, s.price[j], 0, stockOf[j], hot[h + Population.STORE_AFFINITY], 0);
            }
        }
        for (int k = memory; k < memory + p.slots; k++) {
            int f = p.memoryFirm[k];
            if (f != Population.NONE) {
                stockOf[f] = 0;
            }
        }
        return offers;
    }

    private int offer(int i, int o, int j, byte channel, double price, double phi, float stock, float affinity,
                      double adFee) {
        Population p = population;
        float[] hot = p.hot;
        int h = i * Population.STRIDE;
        double distance = TasteCircle.distance(hot[h + Population.TASTE], terms.position[j]);
        double utility = -alpha * price + beta * terms.quality[j]
                - hot[h + Population.MISMATCH] * distance * (1 - phi * hot[h + Population.PERSONALIZATION])
                + gamma * stock + affinity;
        int last = p.last[i];
        if (last != Population.NONE && last != j) {
            utility -= hot[h + Population.SWITCHING] * switchingFactor;
        }
        offerFirm[o] = j;
        offerChannel[o] = channel;
        offerPrice[o] = price;
        offerAdFee[o] = adFee;
        offerUtility[o] = utility;
        return o + 1;
    }

    private void buy(int i, int o, double[][] firmTally, double[] platformTally) {
        Population p = population;
        int j = offerFirm[o];
        byte channel = offerChannel[o];
        double listPrice = terms.price[j];
        double[] t = firmTally[j];
        int account = Ledger.firmAccount(j);
        t[UNITS.ordinal()]++;
        ledger.post(PostingKind.COST_OF_GOODS, account, Ledger.SUPPLIERS, terms.unitCost[j]);
        if (channel == DIRECT) {
            t[DIRECT_UNITS.ordinal()]++;
            t[LOYALTY_DISCOUNTS.ordinal()] += listPrice - offerPrice[o];
            ledger.post(PostingKind.SALE, Ledger.CONSUMERS, account, offerPrice[o]);
        } else if (channel == PLATFORM) {
            t[PLATFORM_UNITS.ordinal()]++;
            platformTally[GMV.ordinal()] += listPrice;
            ledger.post(PostingKind.SALE, Ledger.CONSUMERS, account, listPrice);
            platform.sell(j, listPrice, offerPrice[o], offerAdFee[o]);
        } else {
            t[STORE_UNITS.ordinal()]++;
            ledger.post(PostingKind.SALE, Ledger.CONSUMERS, account, listPrice);
            store.sell(j, listPrice);
        }
        int last = p.last[i];
        if (last != Population.NONE) {
            firmTally[last][REPEAT_OPPORTUNITIES.ordinal()]++;
            if (last == j) {
                t[RETAINED.ordinal()]++;
            } else {
                firmTally[last][LOST_CUSTOMERS.ordinal()]++;
            }
        }
        if (platformTally != null && p.lastChannel[i] == PLATFORM) {
            platformTally[CHANNEL_REPEAT_OPPORTUNITIES.ordinal()]++;
            if (channel == PLATFORM) {
                platformTally[CHANNEL_RETAINED.ordinal()]++;
            }
        }
        p.last[i] = (short) j;
        p.lastChannel[i] = channel;
        purchases.add(i, j, channel);
    }

    /** Bytes of the per-consumer arrays shopping keeps (the shuffled order). */
    public long bytes() {
        return 4L * order.length;
    }

    /** Records every occasion's demand for best-response pricers from now on (null: none). */
    public void setDemandSlopes(DemandSlopes slopes) {
        this.demandSlopes = slopes;
    }

    /** Scales every switching cost from now on (customer dominance, or the classroom window). */
    public void setSwitchingFactor(double factor) {
        this.switchingFactor = factor;
    }

    /** Shuffles the first {@code count} entries of the order (Fisher-Yates). */
    private void shuffle(int count) {
        for (int k = count - 1; k > 0; k--) {
            int r = orderRandom.nextInt(k + 1);
            int tmp = order[k];
            order[k] = order[r];
            order[r] = tmp;
        }
    }
}
