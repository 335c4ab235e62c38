package marketsim.core.consumer;

import static marketsim.core.metrics.Field.*;

import java.util.Arrays;

/**
 * Each firm's customer base at the end of the tick (AFTERMATH; ODD 3, step 4.6): the consumers whose
 * last supplier it is and who have bought within the lapse window, by status (promoters, passives,
 * detractors: NPS), with the sum of their relationship stocks with it, and for innovating firms the
 * direction of their mean taste, {@code atan2(sum sin 2 pi tau_i, sum cos 2 pi tau_i)} (the
 * circular mean, for {@code firm.Innovation}). Counts go to the firm's tally, each simulated
 * consumer counting its weight {@code M / N}. The same pass makes every relationship stock decay,
 * {@code L <- L (1 - delta)} (MODEL.md 2.2), before the stocks are counted.
 *
 * <p><b>Losing a customer</b> (MODEL.md 6, for lifetime value). A customer is lost when it buys
 * from another seller (it switched) or when it has bought nothing for {@code lapseWindow} ticks
 * (it lapsed; 0: never); a lapsed consumer leaves the base and is lost only once: buying again
 * later, from anyone, wins it back as a new customer.
 *
 * <p>One pass over every consumer each tick, block by block: a block's stocks decay (a loop that vectorizes), then
 * its consumers are counted while their memory is still in the cache; the tick's buyers are moved between bases
 * beforehand, from the purchase log, so the pass has no branch on who bought. A customer's stock with its firm is read
 * from the slot of the population's hint ({@code Population.slotHint}: where this tick's purchase moved it, or where
 * the last count found it; verified), else picked out of its memory slots with a bit mask (no branch per slot), and the counts go to one counter per firm and status (docs/PERFORMANCE.md). The tastes
 * innovation aims at are summed after they drift ({@link #sumTastes}).
 */
public final class CustomerBase {
    /** Status codes run from {@link Population#STATUS_NONE} to {@link Population#STATUS_DETRACTOR}. */
    private static final int STATUSES = Population.STATUS_DETRACTOR + 1;
    /**
     * Consumers whose stocks decay together before they are counted: their memory (6 bytes a slot) stays in the
     * core's first-level cache between the two. A property of the processor's cache, not of the model.
     */
    private static final int BLOCK = 512;

    private final Population population;
    private final SellerTerms terms;
    private final PurchaseLog purchases;
    private final int lapseWindow;
    /** {@code 1 - delta}: what a relationship stock keeps each tick. */
    private final float keep;
    /** Per firm, sums of cos and sin of 2 pi tau over its customers (for innovation). */
    private final double[] tasteCos;
    private final double[] tasteSin;
    /** Customers of each firm by status ({@code j * STATUSES + status}), and their stocks' sum, this tick. */
    private final int[] statusCount;
    private final double[] stockSum;
    /** Customers each firm lost this tick, by switching and by lapsing. */
    private final int[] switched;
    private final int[] lapsed;
    /** The tick being counted. */
    private int tick;

    /**
     * @param lapseWindow       ticks without a purchase after which a customer has lapsed; 0: never
     * @param relationshipDecay {@code delta}, the share of every relationship stock lost per tick
     */
    public CustomerBase(Population population, SellerTerms terms, PurchaseLog purchases, int lapseWindow,
                        double relationshipDecay) {
        this.population = population;
        this.terms = terms;
        this.purchases = purchases;
        this.lapseWindow = lapseWindow;
        this.keep = (float) (1 - relationshipDecay);
        this.tasteCos = new double[terms.count];
        this.tasteSin = new double[terms.count];
        this.statusCount = new int[terms.count * STATUSES];
        this.stockSum = new double[terms.count];
        this.switched = new int[terms.count];
        this.lapsed = new int[terms.count];
    }

    /** Direction (radians, or NaN without customers) of firm {@code j}'s customers' mean taste. */
    public double tasteAngle(int j) {
        return tasteCos[j] == 0 && tasteSin[j] == 0 ? Double.NaN : Math.atan2(tasteSin[j], tasteCos[j]);
    }

    /**
     * Moves the tick's buyers into their seller's base (a switch loses the old one a customer); then, one pass over
     * every consumer, its relationship stocks decay and, unless it lapsed now, it is counted under its firm:
     * customers by status and the sum of their stocks with it. Adds the counts, and the customers lost, to
     * {@code firmTally}. Once a tick.
     */
    public void count(double[][] firmTally) {
        Population p = population;
        short[] lastOf = p.last;
        short[] customerOf = p.customerOf;
        int[] lastPurchase = p.lastPurchase;
        int now = tick++;
        Arrays.fill(statusCount, 0);
        Arrays.fill(stockSum, 0);
        Arrays.fill(switched, 0);
        Arrays.fill(lapsed, 0);
        for (int i = purchases.next(0); i >= 0; i = purchases.next(i + 1)) {
            int last = lastOf[i];
            int was = customerOf[i];
            if (was != Population.NONE && was != last) {
                switched[was]++;
            }
            customerOf[i] = (short) last;
            lastPurchase[i] = now;
        }
        // a consumer who last bought at or before this tick has lapsed (none when the window is 0); the tick's
        // buyers bought after it
        long lapsedBy = lapseWindow > 0 ? (long) now - lapseWindow : Long.MIN_VALUE;
        for (int from = 0; from < p.size; from += BLOCK) {
            int to = Math.min(from + BLOCK, p.size);
            decay(from * p.slots, to * p.slots);
            countBlock(from, to, lapsedBy);
        }
        double w = p.weight;
        for (int j = 0; j < terms.count; j++) {
            double[] t = firmTally[j];
            int c = j * STATUSES;
            int customers = 0;
            for (int s = 0; s < STATUSES; s++) {
                customers += statusCount[c + s];
            }
            t[CUSTOMERS.ordinal()] += w * customers;
            t[PROMOTERS.ordinal()] += w * statusCount[c + Population.STATUS_PROMOTER];
            t[DETRACTORS.ordinal()] += w * statusCount[c + Population.STATUS_DETRACTOR];
            t[RELATIONSHIP_SUM.ordinal()] += w * stockSum[j];
            t[LOST_CUSTOMERS.ordinal()] += w * switched[j];
            t[LAPSED_CUSTOMERS.ordinal()] += w * lapsed[j];
        }
    }

    /** The stocks {@code [from, to)} decay: a loop of its own, so that it vectorizes. */
    private void decay(int from, int to) {
        float[] stocks = population.memoryStock;
        float keep = this.keep;
        for (int k = from; k < to; k++) {
            stocks[k] *= keep;
        }
    }

    /** Consumers {@code [from, to)}: the lapsed leave their base, the others are counted under their firm. */
    private void countBlock(int from, int to, long lapsedBy) {
        Population p = population;
        float[] stocks = p.memoryStock;
        short[] remembered = p.memoryFirm;
        byte[] status = p.status;
        short[] customerOf = p.customerOf;
        int[] lastPurchase = p.lastPurchase;
        short[] relationshipIndex = terms.relationshipIndex;
        byte[] hint = p.slotHint;
        int slots = p.slots;
        for (int i = from; i < to; i++) {
            int firm = customerOf[i];
            if (firm == Population.NONE) {
                continue; // has never bought, or lapsed earlier and not back
            }
            if (lastPurchase[i] <= lapsedBy) {
                lapsed[firm]++;
                customerOf[i] = Population.NONE;
                continue;
            }
            int with = relationshipIndex[firm];
            int base = i * slots;
            int hinted = base + hint[i];
            float stock;
            if (remembered[hinted] == with) { // the slot it was in last tick: nearly always
                stock = stocks[hinted];
            } else {
                int stockBits = 0; // a firm is remembered in one slot at most; not remembered: 0
                for (int k = base; k < base + slots; k++) {
                    int match = (((remembered[k] ^ with) & 0xFFFF) - 1) >> 31; // all ones where the slot is with's
                    stockBits |= Float.floatToRawIntBits(stocks[k]) & match;
                    hint[i] = match != 0 ? (byte) (k - base) : hint[i];
                }
                stock = Float.intBitsToFloat(stockBits);
            }
            statusCount[firm * STATUSES + status[i]]++;
            stockSum[firm] += stock;
        }
    }

    /**
     * Sums, for each innovating firm, the direction of its customers' tastes ({@link #tasteAngle}): after the tastes
     * have drifted this tick and the customers were {@link #count counted}. Nothing when no firm innovates.
     */
    public void sumTastes() {
        if (!terms.anyInnovation) {
            return;
        }
        Arrays.fill(tasteCos, 0);
        Arrays.fill(tasteSin, 0);
        Population p = population;
        short[] customerOf = p.customerOf;
        for (int i = 0; i < p.size; i++) {
            int firm = customerOf[i];
            if (firm != Population.NONE && terms.innovates[firm]) {
                double angle = 2 * Math.PI * p.get(i, Population.TASTE);
                tasteCos[firm] += Math.cos(angle);
                tasteSin[firm] += Math.sin(angle);
            }
        }
    }
}
