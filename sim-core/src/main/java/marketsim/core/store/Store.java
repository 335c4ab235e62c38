package marketsim.core.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import marketsim.core.config.StoreConfig;
import marketsim.core.firm.ChannelCharges;
import marketsim.core.firm.Firm;
import marketsim.core.ledger.Ledger;
import marketsim.core.ledger.PostingKind;

/**
 * The store's shelf. Every {@code reviewEvery} ticks, each seller with a store channel applies
 * if its expected profit here per tick, {@code units x (p (1 - margin) - c) - slottingFee}, is
 * positive ({@code units}: its own store sales per tick since the last review if stocked, else
 * the mean over stocked sellers; at the first review every seller applies). The store stocks the
 * applicants that bring it the most, {@code margin x p x units + slottingFee}, up to its slots
 * (ties by list order).
 *
 * <p>The store posts what it charges and pays to the ledger itself: on each sale its retail
 * margin ({@code margin x list price}, from the seller); each tick (ACCOUNTING) the slotting fee
 * from every stocked seller still in the market, and its own fixed cost.
 */
public final class Store implements ChannelCharges {
    private final StoreConfig config;
    private final List<Firm> firms;
    private final boolean[] stocked;
    private final boolean[] applying;
    private final double[] unitsSinceReview;
    private final Ledger ledger;
    private final int account;
    private int[] shelf = new int[0];

    /** @param account the store's account in {@code ledger} */
    public Store(StoreConfig config, List<Firm> firms, Ledger ledger, int account) {
        this.config = config;
        this.firms = firms;
        this.ledger = ledger;
        this.account = account;
        stocked = new boolean[firms.size()];
        applying = new boolean[firms.size()];
        unitsSinceReview = new double[firms.size()];
    }

    public StoreConfig config() {
        return config;
    }

    private boolean reviewTick(int tick) {
        return tick % config.reviewEvery() == 0;
    }

    /** Sellers decide whether to apply for the shelf (FIRMS_DECIDE, every review tick). */
    public void reviewApplications(int tick) {
        if (!reviewTick(tick)) {
            return;
        }
        double mean = meanStockedUnits();
        for (Firm firm : firms) {
            int j = firm.index();
            if (firm.config().store() != null) {
                applying[j] = firm.active()
                        && (tick == 0 || expectedUnits(j, mean) * unitMargin(firm) - config.slottingFee() > 0);
            }
        }
    }

    /** The store fills its shelf from the applicants (INTERMEDIARIES_DECIDE, every review tick). */
    public void fillShelf(int tick) {
        if (!reviewTick(tick)) {
            return;
        }
        double mean = meanStockedUnits();
        List<Firm> candidates = new ArrayList<>();
        double[] value = new double[firms.size()];
        for (Firm firm : firms) {
            int j = firm.index();
            if (applying[j] && firm.active()) {
                candidates.add(firm);
                double units = tick == 0 ? 1 : expectedUnits(j, mean);
                value[j] = config.retailMargin() * firm.price() * units + config.slottingFee();
            }
        }
        candidates.sort(Comparator.comparingDouble((Firm f) -> -value[f.index()]));
        Arrays.fill(stocked, false);
        shelf = new int[Math.min(config.slots(), candidates.size())];
        for (int s = 0; s < shelf.length; s++) {
            shelf[s] = candidates.get(s).index();
            stocked[shelf[s]] = true;
        }
        Arrays.fill(unitsSinceReview, 0);
    }

    /** Mean store sales per tick of the stocked sellers since the last review. */
    private double meanStockedUnits() {
        double total = 0;
        for (int j : shelf) {
            total += unitsSinceReview[j];
        }
        return shelf.length == 0 ? 0 : total / shelf.length / config.reviewEvery();
    }

    private double expectedUnits(int j, double mean) {
        return stocked[j] ? unitsSinceReview[j] / config.reviewEvery() : mean;
    }

    /** What a seller keeps per unit sold in the store (money/unit). */
    public double unitMargin(Firm firm) {
        return firm.price() * (1 - commission(firm.index())) - firm.unitCost() - perUnitFee(firm.index());
    }

    /**
     * The retail margin: the shelf sells at the seller's list price and the store keeps this share of it, so to
     * the seller it is a commission (were the store to buy at a wholesale price and mark it up to consumers, the
     * seller's revenue per unit would be the wholesale price instead).
     */
    @Override
    public double commission(int j) {
        return config.retailMargin();
    }

    /** The store charges nothing per unit besides its margin: its slotting fee is per tick, not marginal. */
    @Override
    public double perUnitFee(int j) {
        return 0;
    }

    /** Each stocked seller still in the market pays the slotting fee for this tick (ACCOUNTING). */
    public void chargeSlottingFees() {
        for (Firm firm : firms) {
            int j = firm.index();
            if (firm.active() && stocked[j]) {
                ledger.post(PostingKind.SLOTTING_FEE, Ledger.firmAccount(j), account, config.slottingFee());
            }
        }
    }

    /** The store pays its own fixed cost for this tick (ACCOUNTING). */
    public void payFixedCost() {
        ledger.post(PostingKind.INTERMEDIARY_FIXED_COST, account, Ledger.OVERHEAD, config.fixedCostPerTick());
    }

    /** The store's ledger account. */
    public int account() {
        return account;
    }

    /**
     * A sale of {@code units} units (a simulated consumer's weight, {@code M / N}) by seller {@code j} in the
     * store at {@code listPrice} a unit: the seller pays the store its retail margin, and the units count for
     * the next shelf review.
     */
    public void sell(int j, double listPrice, double units) {
        ledger.post(PostingKind.RETAIL_MARGIN, Ledger.firmAccount(j), account, units * config.retailMargin() * listPrice);
        unitsSinceReview[j] += units;
    }

    /** Sellers on the shelf this tick. */
    public int[] shelf() {
        return shelf;
    }

    public boolean stocked(int j) {
        return stocked[j];
    }
}
