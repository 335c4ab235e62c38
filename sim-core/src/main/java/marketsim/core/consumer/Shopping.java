package marketsim.core.consumer;

import static marketsim.core.metrics.Field.*;

import java.util.random.RandomGenerator;

import marketsim.core.config.Categories;
import marketsim.core.config.Channel;
import marketsim.core.config.DynamicsConfig;
import marketsim.core.firm.DemandSlopes;
import marketsim.core.ledger.Ledger;
import marketsim.core.ledger.PostingKind;
import marketsim.core.platform.Platform;
import marketsim.core.store.Store;

/**
 * The CONSUMERS_SHOP phase (MODEL.md 2.1; ODD section 3, step 3 and 7.1). Each consumer, in
 * index order, has a purchase occasion with probability {@code lambda_i}; the consumers with one
 * then shop in a fresh random order (a Fisher-Yates shuffle of the shoppers). Each builds its
 * offers with their utilities ({@link ConsiderationSet}: a platform member examines each result with
 * its rank's probability) and chooses among them and the outside option ({@code V_i0 = u0}) by a
 * nested-logit draw ({@link NestedLogit}: a firm's product is one alternative, its channels a nest),
 * <pre>
 * P(j, c) = exp(I_j) / (exp(u0) + sum_k exp(I_k)) x exp(V_jc / lambda) / sum_c' exp(V_jc' / lambda)
 * </pre>
 * one uniform against the cumulative weights, never an argmax; the log-sum
 * {@code ln(exp(u0) + sum_k exp(I_k)) / alpha'_i} is added to consumer surplus (money). A
 * purchase is paid at once: the consumer pays the seller its price and the seller its suppliers
 * the unit cost; the platform ({@link Platform#sell}) posts its own fees and subsidies, and the
 * store ({@link Store#sell}) its sale at the shelf price and its purchase from the seller. Units, retention and repeat purchases are tallied, and the
 * purchase is logged for the aftermath, which experiences it. Every count and payment of a
 * simulated consumer counts its weight {@code w = M / N} (super-individuals, {@link Population}):
 * a purchase is {@code w} units paid {@code w} times the price, an occasion {@code w} occasions.
 *
 * <p><b>Categories</b> ({@link Wallet}). In a market with categories consumer i's occasion probability is
 * {@code min(1, lambda_i sum_c f_c)} over the categories it needs, and each shopper's occasion is in category
 * {@code c} with probability {@code f_c / sum f}; a purchase goes into the consumer's wallet with the seller, at
 * the price it paid.
 *
 * <p>Draws, from the {@code SHOPPING_ORDER} stream: the shuffle; from the {@code CHOICE} stream:
 * one uniform per consumer for the occasion, in index order, then one per shopper for the choice;
 * from the {@code EXAMINATION} stream: one per platform result shown below the ranks always examined; with
 * categories, from the {@code CATEGORY} stream: one per shopper, before its offers are built.
 */
public final class Shopping {
    private static final byte DIRECT = Channel.DIRECT.code();
    private static final byte PLATFORM = Channel.PLATFORM.code();
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
    private final Teaching teaching;
    private final double outsideUtility;
    private final RandomGenerator orderRandom;
    private final RandomGenerator choiceRandom;
    private final int[] order;
    private final ConsiderationSet considered;
    /** The consideration set's arrays, read here for the logit draw and the purchase. */
    private final int[] offerFirm;
    private final byte[] offerChannel;
    private final double[] offerAdFee;
    private final double[] offerUtility;
    private final double[] offerPrice;
    private final double[] offerKept;
    private final double[] offerFee;
    /** Each offer's choice weight, {@code P(o)} times the occasion's total weight. */
    private final double[] offerWeight;
    private final NestedLogit logit;
    private final PurchaseLog purchases;
    /** Real consumers each simulated one stands for: the units of a purchase, the occasions of an occasion. */
    private final double weight;
    /** What {@link #touch} read, summed: kept so that its reads are not optimized away. */
    private int touched;
    /** The demand firms face, for best-response pricing; null when no firm prices that way. */
    private DemandSlopes demandSlopes;
    /** Consumers' histories with firms, or null when the market keeps none. */
    private final Wallet wallet;
    /** Each category's frequency {@code f_c}, and the stream occasions' categories are drawn from (with categories). */
    private final double[] frequency;
    private final RandomGenerator categoryRandom;

    /**
     * @param platform the platform, or null
     * @param store    the store, or null
     */
    public Shopping(Population population, SellerTerms terms, Ledger ledger, Platform platform,
                    Store store, double outsideUtility, double channelDissimilarity, DynamicsConfig dynamics,
                    Teaching teaching, RandomGenerator orderRandom, RandomGenerator choiceRandom,
                    RandomGenerator examinationRandom, PurchaseLog purchases) {
        this(population, terms, ledger, platform, store, outsideUtility, channelDissimilarity, dynamics, teaching,
                purchases, Categories.NONE, orderRandom, choiceRandom, examinationRandom, null, null);
    }

    /**
     * @param categories     the market's categories
     * @param categoryRandom the stream occasions' categories are drawn from (used only with categories)
     * @param wallet         consumers' histories with firms, or null when the market keeps none
     */
    public Shopping(Population population, SellerTerms terms, Ledger ledger, Platform platform,
                    Store store, double outsideUtility, double channelDissimilarity, DynamicsConfig dynamics,
                    Teaching teaching, PurchaseLog purchases, Categories categories, RandomGenerator orderRandom,
                    RandomGenerator choiceRandom, RandomGenerator examinationRandom, RandomGenerator categoryRandom,
                    Wallet wallet) {
        this.wallet = wallet;
        this.categoryRandom = categoryRandom;
        this.frequency = new double[categories.count()];
        for (int c = 0; c < frequency.length; c++) {
            frequency[c] = categories.frequency(c);
        }
        this.population = population;
        this.terms = terms;
        this.ledger = ledger;
        this.platform = platform;
        this.store = store;
        this.teaching = teaching;
        this.outsideUtility = outsideUtility;
        this.orderRandom = orderRandom;
        this.choiceRandom = choiceRandom;
        this.purchases = purchases;
        this.weight = population.weight;
        order = new int[population.size];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        considered = new ConsiderationSet(population, terms, platform, store, dynamics, teaching, examinationRandom,
                categories);
        offerFirm = considered.offerFirm;
        offerChannel = considered.offerChannel;
        offerAdFee = considered.offerAdFee;
        offerUtility = considered.offerUtility;
        offerPrice = considered.offerPrice;
        offerKept = considered.offerKept;
        offerFee = considered.offerFee;
        offerWeight = new double[offerFirm.length];
        logit = new NestedLogit(terms.count, channelDissimilarity);
    }

    /**
     * One tick of shopping; tallies go to {@code firmTally[j][field]}, the platform's vector
     * (null without a platform) and {@code market[field]}.
     */
    public void shop(double[][] firmTally, double[] platformTally, double[] market) {
        purchases.clear();
        considered.prepare();
        Population p = population;
        // Who shops is drawn in index order, then the shoppers go in a random order: the same as
        // drawing each consumer's occasion in a random order of all, with a quarter of the work.
        int shoppers = 0;
        float[] probability = p.purchaseProbability;
        if (p.hasCategories()) {
            // an occasion in some category it needs: probability min(1, lambda_i sum_c f_c)
            float[] needWeight = p.needWeight;
            for (int i = 0; i < p.size; i++) {
                order[shoppers] = i;
                shoppers += choiceRandom.nextDouble() < probability[i] * needWeight[i] ? 1 : 0;
            }
        } else {
            for (int i = 0; i < p.size; i++) {
                order[shoppers] = i; // kept only if i shops: no branch to mispredict
                shoppers += choiceRandom.nextDouble() < probability[i] ? 1 : 0;
            }
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
            int category = p.needs == null ? 0 : category(i);
            int offers = considered.build(i, category);
            double alpha = considered.alpha();
            double total = logit.weigh(offers, offerFirm, offerUtility, outsideUtility, offerWeight,
                    considered.oneChannel());
            double outsideWeight = logit.outsideWeight();
            surplus += logit.logSum() / alpha;
            if (demandSlopes != null) {
                demandSlopes.record(alpha, offers, offerFirm, offerWeight, total, offerPrice, terms.price, offerKept,
                        offerFee);
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
            buy(i, chosen, category, firmTally, platformTally);
        }
        market[OCCASIONS.ordinal()] += occasions * weight;
        market[OUTSIDE_CHOICES.ordinal()] += outside * weight;
        market[CONSUMER_SURPLUS.ordinal()] += surplus * weight;
    }

    /**
     * Reads the state of the shoppers {@code order[from..to)} before any of them shops. Shoppers
     * come in a random order, so each one's state is a handful of cache misses; issued together,
     * a batch's misses overlap instead of stalling the loop one after another (software
     * prefetching, which Java has no instruction for). The sum is kept only so that the reads
     * cannot be optimized away. What a shopper only writes (the purchase log, its last channel without a
     * platform) is not read ahead: a store that misses waits in the store buffer, not in the loop.
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
                    + p.memoryFirm[m] + Float.floatToRawIntBits(p.memoryStock[m]) + (int) p.aware[i] + p.last[i];
        }
        if (teaching.anyTaught()) { // a consumer's teacher is read only once anyone was taught
            for (int k = from; k < to; k++) {
                sum += p.teacher[order[k]];
            }
        }
        if (platform != null) { // membership and the last channel are read only with a platform
            for (int k = from; k < to; k++) {
                int i = order[k];
                sum += p.lastChannel[i] + (p.member[i] ? 1 : 0);
            }
        }
        touched += sum;
    }

    /**
     * The category of consumer {@code i}'s occasion: one of those it needs, with probability {@code f_c / sum f},
     * from the category stream.
     */
    private int category(int i) {
        Population p = population;
        long needs = p.needs[i];
        double draw = categoryRandom.nextDouble() * p.needWeight[i];
        int c = Long.numberOfTrailingZeros(needs);
        while (true) {
            draw -= frequency[c];
            needs &= needs - 1;
            if (draw < 0 || needs == 0) {
                return c;
            }
            c = Long.numberOfTrailingZeros(needs);
        }
    }

    /** Consumer {@code i} buys offer {@code o}: {@code w} units, each paid and counted (w = {@link #weight}). */
    private void buy(int i, int o, int category, double[][] firmTally, double[] platformTally) {
        Population p = population;
        double w = weight;
        int j = offerFirm[o];
        byte channel = offerChannel[o];
        double listPrice = terms.price[j];
        double[] t = firmTally[j];
        int account = Ledger.firmAccount(j);
        t[UNITS.ordinal()] += w;
        ledger.post(PostingKind.COST_OF_GOODS, account, Ledger.SUPPLIERS, w * terms.unitCost[j]);
        if (channel == DIRECT) {
            t[DIRECT_UNITS.ordinal()] += w;
            t[LOYALTY_DISCOUNTS.ordinal()] += w * (listPrice - offerPrice[o]);
            ledger.post(PostingKind.SALE, Ledger.CONSUMERS, account, w * offerPrice[o]);
        } else if (channel == PLATFORM) {
            t[PLATFORM_UNITS.ordinal()] += w;
            platformTally[GMV.ordinal()] += w * listPrice;
            ledger.post(PostingKind.SALE, Ledger.CONSUMERS, account, w * listPrice);
            platform.sell(j, listPrice, offerPrice[o], offerAdFee[o], w);
        } else {
            t[STORE_UNITS.ordinal()] += w;
            // the consumer pays the store its shelf price, the store the seller its list price
            store.sell(j, listPrice, w);
        }
        int last = p.last[i];
        if (last != Population.NONE) {
            firmTally[last][REPEAT_OPPORTUNITIES.ordinal()] += w;
            if (last == j) {
                t[RETAINED.ordinal()] += w;
            } // a lost customer (switched or lapsed) is counted with the customer base (CustomerBase)
        }
        if (platformTally != null && p.lastChannel[i] == PLATFORM) {
            platformTally[CHANNEL_REPEAT_OPPORTUNITIES.ordinal()] += w;
            if (channel == PLATFORM) {
                platformTally[CHANNEL_RETAINED.ordinal()] += w;
            }
        }
        if (wallet != null) {
            wallet.record(i, j, category, offerPrice[o], firmTally);
        }
        purchases.add(i, j, channel); // now its last supplier and channel
    }

    /** Bytes of the per-consumer arrays shopping keeps (the shuffled order). */
    public long bytes() {
        return 4L * order.length;
    }

    /** Records every occasion's demand for best-response pricers from now on (null: none). */
    public void setDemandSlopes(DemandSlopes slopes) {
        this.demandSlopes = slopes;
        considered.fillEarnings(slopes != null);
    }

    /** Scales every switching cost from now on (customer dominance, or the classroom window). */
    public void setSwitchingFactor(double factor) {
        considered.setSwitchingFactor(factor);
    }

    /**
     * The nested logit's {@code lambda} from the next occasion, in (0, 1] (the classroom's lever), for consumers'
     * choices and the demand best-response pricers record alike.
     */
    public void setChannelDissimilarity(double lambda) {
        logit.setLambda(lambda);
        if (demandSlopes != null) {
            demandSlopes.setChannelDissimilarity(lambda);
        }
    }

    /** The nested logit's {@code lambda} in force. */
    public double channelDissimilarity() {
        return logit.lambda();
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
