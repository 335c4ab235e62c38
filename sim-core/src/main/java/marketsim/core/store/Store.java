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
 * The store (MODEL.md 4; ODD 7.6): a shelf of a few slots, sold for a slotting fee, stocked with goods it buys at
 * the sellers' list prices and sells at a markup.
 *
 * <p><b>Prices.</b> The store buys a unit at the seller's list price {@code p} (the wholesale price) and sells it at
 * the shelf price {@code p / (1 - m)}, {@code m} its retail margin, a share of the shelf price. Consumers see and pay
 * the shelf price; the seller is paid {@code p}, so to a seller the store channel charges no commission and no fee
 * per unit: its margin there is {@code p - c}, less the slotting fee per tick ({@link ChannelCharges}).
 *
 * <p><b>Shelf.</b> Every {@code reviewEvery} ticks each active seller with a store channel applies if its expected
 * profit here per tick, {@code units x (p - c) - slottingFee}, is positive. {@code units} is its own store sales per
 * tick since the last review if it was stocked, else the shelf's sales per occupied slot and tick over the last
 * period in which the shelf held anyone (so an emptied shelf refills once the fee is low enough; at the first
 * review every seller applies). The store stocks the applicants that bring it the most,
 * {@code (p / (1 - m) - p) x units + slottingFee}, up to its slots (ties by list order).
 *
 * <p><b>Slotting fee</b>, in bounded steps toward filling its slots: after filling the shelf, when more sellers
 * applied than it has slots the store raises its fee by the share {@code feeStep}; when slots stay free while a
 * seller that could apply did not, it lowers the fee by that share; otherwise it holds it. The new fee is the one
 * sellers apply at in the next review and pay from then on.
 *
 * <p>The store posts what it charges and pays to the ledger itself: on each sale the consumer pays it the shelf
 * price and it pays the seller the list price; each tick (ACCOUNTING) the slotting fee from every stocked seller
 * still in the market, and its own fixed cost.
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
    private double slottingFee;
    private double nextSlottingFee;
    /** Store sales per occupied slot and tick over the last review period in which the shelf held anyone. */
    private double unitsPerSlot;

    /** @param account the store's account in {@code ledger} */
    public Store(StoreConfig config, List<Firm> firms, Ledger ledger, int account) {
        this.config = config;
        this.firms = firms;
        this.ledger = ledger;
        this.account = account;
        this.slottingFee = config.slottingFee();
        this.nextSlottingFee = slottingFee;
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

    /**
     * Seller {@code j}'s team took it out of the store: off the shelf at once, its slot empty until the next review,
     * no more slotting fees. (A team's firm that sells here applies at every review, whatever its expected profit:
     * the team chose; the store chooses among the applicants as ever.)
     */
    public void leave(int j) {
        applying[j] = false;
        if (stocked[j]) {
            stocked[j] = false;
            shelf = Arrays.stream(shelf).filter(k -> k != j).toArray();
        }
    }

    /** Sellers decide whether to apply for the shelf at the fee now posted (FIRMS_DECIDE, every review tick). */
    public void reviewApplications(int tick) {
        if (!reviewTick(tick)) {
            return;
        }
        slottingFee = nextSlottingFee;
        rememberTraffic();
        for (Firm firm : firms) {
            int j = firm.index();
            if (firm.config().store() != null) {
                applying[j] = firm.active() && (tick == 0 || firm.channelsChosen()
                        || expectedUnits(j) * unitMargin(firm) - slottingFee > 0);
            }
        }
    }

    /** The store fills its shelf from the applicants and sets its next fee (INTERMEDIARIES_DECIDE, every review tick). */
    public void fillShelf(int tick) {
        if (!reviewTick(tick)) {
            return;
        }
        List<Firm> candidates = new ArrayList<>();
        double[] value = new double[firms.size()];
        int couldApply = 0;
        for (Firm firm : firms) {
            int j = firm.index();
            if (firm.config().store() != null && firm.active()) {
                couldApply++;
            }
            if (applying[j] && firm.active()) {
                candidates.add(firm);
                double units = tick == 0 ? 1 : expectedUnits(j);
                value[j] = (shelfPrice(firm.price()) - firm.price()) * units + slottingFee;
            }
        }
        candidates.sort(Comparator.comparingDouble((Firm f) -> -value[f.index()]));
        Arrays.fill(stocked, false);
        shelf = new int[Math.min(config.slots(), candidates.size())];
        for (int s = 0; s < shelf.length; s++) {
            shelf[s] = candidates.get(s).index();
            stocked[shelf[s]] = true;
        }
        if (candidates.size() > config.slots()) {
            nextSlottingFee = slottingFee * (1 + config.feeStep());
        } else if (candidates.size() < Math.min(config.slots(), couldApply)) {
            nextSlottingFee = slottingFee * (1 - config.feeStep());
        } else {
            nextSlottingFee = slottingFee;
        }
        Arrays.fill(unitsSinceReview, 0);
    }

    /** Keeps the shelf's sales per occupied slot over the period just ended, if anyone still in the market was on it. */
    private void rememberTraffic() {
        double total = 0;
        int occupied = 0;
        for (int j : shelf) {
            if (firms.get(j).active()) {
                total += unitsSinceReview[j];
                occupied++;
            }
        }
        if (occupied > 0) {
            unitsPerSlot = total / occupied / config.reviewEvery();
        }
    }

    private double expectedUnits(int j) {
        return stocked[j] ? unitsSinceReview[j] / config.reviewEvery() : unitsPerSlot;
    }

    /** What a seller keeps per unit sold in the store: its list price, less its unit cost (money/unit). */
    public double unitMargin(Firm firm) {
        return firm.price() * (1 - commission(firm.index())) - firm.unitCost() - perUnitFee(firm.index());
    }

    /** The price consumers pay for a unit of list price {@code listPrice} on the shelf: {@code p / (1 - m)}. */
    public double shelfPrice(double listPrice) {
        return listPrice / (1 - config.retailMargin());
    }

    /** None: the store pays the seller its whole list price and adds its margin on top, for consumers to pay. */
    @Override
    public double commission(int j) {
        return 0;
    }

    /** None: the store charges nothing per unit; its slotting fee is per tick, not marginal. */
    @Override
    public double perUnitFee(int j) {
        return 0;
    }

    /** Each stocked seller still in the market pays the slotting fee for this tick (ACCOUNTING). */
    public void chargeSlottingFees() {
        for (Firm firm : firms) {
            int j = firm.index();
            if (firm.active() && stocked[j]) {
                ledger.post(PostingKind.SLOTTING_FEE, Ledger.firmAccount(j), account, slottingFee);
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
     * A sale of {@code units} units (a simulated consumer's weight, {@code M / N}) of seller {@code j}'s product,
     * list price {@code listPrice}, from the shelf: the consumer pays the store the shelf price, the store pays the
     * seller the list price, and the units count for the next shelf review.
     */
    public void sell(int j, double listPrice, double units) {
        ledger.post(PostingKind.RETAIL_SALE, Ledger.CONSUMERS, account, units * shelfPrice(listPrice));
        ledger.post(PostingKind.WHOLESALE, account, Ledger.firmAccount(j), units * listPrice);
        unitsSinceReview[j] += units;
    }

    /** Sellers on the shelf this tick. */
    public int[] shelf() {
        return shelf;
    }

    public boolean stocked(int j) {
        return stocked[j];
    }

    /** The slotting fee in force (money/tick). */
    public double slottingFee() {
        return slottingFee;
    }
}
