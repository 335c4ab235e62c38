package marketsim.core.consumer;

import static marketsim.core.metrics.Field.*;

import java.util.Arrays;
import java.util.List;

import marketsim.core.config.Categories;
import marketsim.core.firm.Firm;
import marketsim.core.firm.RangeExpansion;

/**
 * Each consumer's history with the firms it remembers, and the share of its wallet each firm wins (MODEL.md 3,
 * "Categories and share of wallet"; essay 004, Vandermerwe: customers "spending more money with the company on a
 * greater variety of offerings over longer periods"). Kept beside the relationship memory, slot by slot
 * ({@link Population}): the categories the consumer bought from the firm, its purchases {@code n_ij} (which the
 * firm's fit grows with: {@code phi_j (1 - exp(-n_ij / tenure_scale))}, {@link ConsiderationSet}), and the ticks of
 * its first and last purchase.
 *
 * <p><b>Wallet customers.</b> A consumer is a wallet customer of every firm it has bought from, in any category,
 * within the lapse window (a consumer who buys three categories from three firms is a customer of each, where
 * {@link CustomerBase} counts it under its last supplier only). It is lost when it has bought nothing from the
 * firm for the lapse window, or when its memory slot goes to another firm; buying again later makes it a new
 * customer, with a new tenure.
 *
 * <p><b>Tallies.</b> Each purchase of spend {@code p} (what the consumer pays) adds {@code w p} to the spend of
 * the customers of every firm the consumer is a wallet customer of (the seller included, after the purchase made
 * it one), and to the seller's spend with it, by tenure band: ticks since the first purchase in [0, T), [T, 2T),
 * [2T, inf) for the band T of {@code metrics.tenure_band}. A firm's share of wallet is the second over the first. At
 * the end of each tick every wallet customer counts {@code w} customer-ticks and {@code w} times its categories
 * bought in its band. {@code w = M / N}.
 *
 * <p><b>Range expansion.</b> A wallet customer's spend with another seller in a category the firm does not offer
 * is its unmet need; at each review a firm that expands adds the category with the most unmet need since the last
 * review ({@link #expand}, from {@code firm.Review}).
 *
 * <p>No draws. The platform's own relationship slot (its private label) is kept but not reported.
 */
public final class Wallet implements RangeExpansion {
    private static final int BANDS = BAND_CUSTOMER_TICKS.length;

    private final Population population;
    private final SellerTerms terms;
    private final int categories;
    private final int lapseWindow;
    private final int tenureBand;
    /** Unmet need of each firm's customers since the last review, {@code j * categories + c} (money). */
    private final double[] unmet;
    /** Per relationship index this tick: customers, customers lost, and by band customers and categories. */
    private final int[] customers;
    private final int[] lost;
    private final int[] bandCustomers;
    private final long[] bandCategories;
    private int tick;

    /**
     * @param lapseWindow ticks without a purchase from a firm after which a customer is lost; 0: never
     * @param tenureBand  ticks of each tenure band
     */
    public Wallet(Population population, SellerTerms terms, Categories categories, int lapseWindow, int tenureBand) {
        this.population = population;
        this.terms = terms;
        this.categories = categories.count();
        this.lapseWindow = lapseWindow;
        this.tenureBand = tenureBand;
        population.keepWallets(terms.count + 1);
        unmet = new double[terms.count * this.categories];
        customers = new int[terms.count + 1];
        lost = new int[terms.count + 1];
        bandCustomers = new int[(terms.count + 1) * BANDS];
        bandCategories = new long[(terms.count + 1) * BANDS];
    }

    private int band(int tenure) {
        return Math.min(BANDS - 1, tenure / tenureBand);
    }

    /**
     * Consumer {@code i} bought from firm {@code j} in {@code category}, paying {@code spend}: the purchase goes into
     * its history with {@code j} and into the spend tallies of {@code firmTally}. Called from shopping, once per
     * purchase.
     */
    void record(int i, int j, int category, double spend, double[][] firmTally) {
        Population p = population;
        int index = terms.relationshipIndex[j];
        int slot = p.slotFor(i, index);
        long bit = 1L << category;
        if (p.walletPurchases[slot] == 0) {
            p.walletFirst[slot] = tick;
            p.walletCategories[slot] = 0;
        }
        if (p.walletPurchases[slot] < Short.MAX_VALUE) {
            p.walletPurchases[slot]++;
        }
        p.walletCategories[slot] |= bit;
        p.walletLast[slot] = tick;
        double money = p.weight * spend;
        if (index == j) {
            double[] t = firmTally[j];
            t[CUSTOMER_SPEND.ordinal()] += money;
            t[CUSTOMER_SPEND_WITH.ordinal()] += money;
            t[BAND_SPEND[band(tick - p.walletFirst[slot])].ordinal()] += money;
        }
        for (int k = i * p.slots; k < (i + 1) * p.slots; k++) {
            int f = p.memoryFirm[k];
            if (k == slot || p.walletPurchases[k] == 0 || f >= terms.count) {
                continue;
            }
            firmTally[f][CUSTOMER_SPEND.ordinal()] += money;
            if ((terms.range[f] & bit) == 0) {
                unmet[f * categories + category] += money;
            }
        }
    }

    /**
     * Counts every firm's wallet customers at the end of the tick (AFTERMATH), after letting go of those who
     * lapsed, and adds the counts to {@code firmTally}. Once a tick.
     */
    public void count(double[][] firmTally) {
        Population p = population;
        int now = tick++;
        long lapsedBy = lapseWindow > 0 ? (long) now - lapseWindow : Long.MIN_VALUE;
        Arrays.fill(customers, 0);
        Arrays.fill(bandCustomers, 0);
        Arrays.fill(bandCategories, 0);
        System.arraycopy(p.evicted, 0, lost, 0, lost.length);
        Arrays.fill(p.evicted, 0);
        short[] purchases = p.walletPurchases;
        for (int k = 0; k < purchases.length; k++) {
            if (purchases[k] == 0) {
                continue;
            }
            int f = p.memoryFirm[k];
            if (p.walletLast[k] <= lapsedBy) {
                lost[f]++;
                purchases[k] = 0;
                p.walletCategories[k] = 0;
                continue;
            }
            int b = f * BANDS + band(now - p.walletFirst[k]);
            customers[f]++;
            bandCustomers[b]++;
            bandCategories[b] += Long.bitCount(p.walletCategories[k]);
        }
        double w = p.weight;
        for (int j = 0; j < terms.count; j++) {
            double[] t = firmTally[j];
            t[WALLET_CUSTOMERS.ordinal()] += w * customers[j];
            t[WALLET_LOST.ordinal()] += w * lost[j];
            for (int b = 0; b < BANDS; b++) {
                t[BAND_CUSTOMER_TICKS[b].ordinal()] += w * bandCustomers[j * BANDS + b];
                t[BAND_CATEGORIES[b].ordinal()] += w * bandCategories[j * BANDS + b];
            }
        }
    }

    /**
     * At a review: each active firm that expands its range adds the category, not yet in it, on which its wallet
     * customers spent most with other sellers since the last review (none if they spent nothing there); then the
     * unmet need starts afresh.
     */
    @Override
    public void expand(List<Firm> firms) {
        for (Firm firm : firms) {
            int j = firm.index();
            if (!firm.active() || !firm.config().range().expand()) {
                continue;
            }
            int best = -1;
            for (int c = 0; c < categories; c++) {
                double need = unmet[j * categories + c];
                if ((firm.range() & 1L << c) == 0 && need > 0 && (best < 0 || need > unmet[j * categories + best])) {
                    best = c;
                }
            }
            if (best >= 0) {
                firm.addCategory(best);
            }
        }
        Arrays.fill(unmet, 0);
    }
}
