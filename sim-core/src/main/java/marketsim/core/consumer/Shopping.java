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
 * <p><b>The random order, and the order of service.</b> Prices, rankings and the shelf are fixed for the phase and
 * no seller has a capacity, so no purchase changes another shopper's offers: the random order decides only which
 * random numbers each shopper gets (ODD 3). Each shopper therefore gets the numbers of its place in the random order,
 * drawn before anyone shops ({@link Occasions}, {@link Examinations}), and the shoppers are served in index order, in
 * which their state is read front to back (the memory's prefetchers fetch it ahead; in the random order each
 * shopper's state was a handful of cache misses). Every shopper makes the choice it would make if served in the
 * random order ({@link #serveInRandomOrder}, {@code ShoppingOrderTest}); only sums over shoppers of differing amounts
 * (consumer surplus, loyalty discounts, the platform's sales, spending in wallets, the demand best responders
 * record) are added up in index order, which moves their last digits.
 *
 * <p>Draws, from the {@code SHOPPING_ORDER} stream: the shuffle; from the {@code CHOICE} stream:
 * one uniform per consumer for the occasion, in index order, then one per shopper for the choice, in the random
 * order; from the {@code EXAMINATION} stream: one per platform result a member is shown in its occasion's category
 * below the ranks always examined (up to the ranking's first empty slot), shopper after shopper in the random order
 * ({@link Examinations}); with categories, from the
 * {@code CATEGORY} stream: one per shopper, in the random order.
 */
public final class Shopping {
    private static final byte DIRECT = Channel.DIRECT.code();
    private static final byte PLATFORM = Channel.PLATFORM.code();

    private final Population population;
    private final SellerTerms terms;
    private final Ledger ledger;
    private final Platform platform;
    private final Store store;
    private final double outsideUtility;
    /** The tick's occasions: who shops, the random order and each shopper's random numbers. */
    private final Occasions occasions;
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
    /** The demand firms face, for best-response pricing; null when no firm prices that way. */
    private DemandSlopes demandSlopes;
    /** Consumers' histories with firms, or null when the market keeps none. */
    private final Wallet wallet;

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
        this.population = population;
        this.terms = terms;
        this.ledger = ledger;
        this.platform = platform;
        this.store = store;
        this.outsideUtility = outsideUtility;
        this.purchases = purchases;
        this.weight = population.weight;
        occasions = new Occasions(population, categories, orderRandom, choiceRandom, categoryRandom);
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
        Occasions o = occasions;
        int shoppers = o.draw();
        considered.examinations().draw(o.shopper, o.categories(), o.randomOrder(), shoppers, o.ahead());
        double outside = 0;
        double surplus = 0;
        for (int n = 0; n < shoppers; n++) {
            int m = o.served(n);
            int i = o.shopper[m];
            int category = o.category(m);
            int offers = considered.build(i, category, m);
            double alpha = considered.alpha();
            double total = logit.weigh(offers, offerFirm, offerUtility, outsideUtility, offerWeight,
                    considered.oneChannel());
            double outsideWeight = logit.outsideWeight();
            surplus += logit.logSum() / alpha;
            if (demandSlopes != null) {
                demandSlopes.record(alpha, offers, offerFirm, offerWeight, total, offerPrice, terms.price, offerKept,
                        offerFee);
            }
            double draw = o.choiceUniform(m) * total - outsideWeight;
            if (draw < 0) {
                outside++;
                continue;
            }
            int chosen = offers - 1; // guards against rounding at the top end
            for (int k = 0; k < offers; k++) {
                draw -= offerWeight[k];
                if (draw < 0) {
                    chosen = k;
                    break;
                }
            }
            buy(i, chosen, category, firmTally, platformTally);
        }
        considered.examinations().check();
        market[OCCASIONS.ordinal()] += (double) shoppers * weight;
        market[OUTSIDE_CHOICES.ordinal()] += outside * weight;
        market[CONSUMER_SURPLUS.ordinal()] += surplus * weight;
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

    /**
     * Bytes of the per-consumer arrays shopping keeps (the shoppers, the random order, each shopper's choice uniform
     * and category, and with a platform each member's taste bin and examined ranks).
     */
    public long bytes() {
        return occasions.bytes() + considered.bytes();
    }

    /**
     * From the next tick, serves the shoppers in the tick's random order, each drawing its numbers (category,
     * examinations, choice) when its turn comes: the phase as MODEL.md states it, kept as the reference the engine's
     * way (index order, each shopper with the draws of its place in the random order, drawn ahead) is checked
     * against. Every shopper makes the same choice either way; only sums over shoppers are added up in another order
     * ({@code ShoppingOrderTest}).
     */
    public void serveInRandomOrder(boolean random) {
        occasions.drawAsServed(random);
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
}
