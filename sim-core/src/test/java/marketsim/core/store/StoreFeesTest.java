package marketsim.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import marketsim.core.TestMarkets;
import marketsim.core.config.StoreConfig;
import marketsim.core.firm.Firm;
import marketsim.core.ledger.Ledger;
import marketsim.core.ledger.PostingKind;
import org.junit.jupiter.api.Test;

/**
 * What the store posts itself (its sale at the shelf price, its purchase at the seller's list price, slotting fees
 * and fixed cost), and how its shelf and slotting fee move, hand-computed.
 */
class StoreFeesTest {
    // 2 slots, slotting fee 50 (money/tick), retail margin 0.25, fixed cost 300 (money/tick), reviews every 13 ticks,
    // fee step 0.1
    private static final StoreConfig STORE = new StoreConfig(2, 50, 0.25, 300, 0, 13, 0.1);

    private final Ledger ledger = new Ledger(2, 1);
    private final int account = Ledger.firmAccount(2);
    private final List<Firm> firms = List.of(new Firm(0, TestMarkets.firm("stocked").inStore().build()),
            new Firm(1, TestMarkets.firm("not in the store").build()));
    private final Store store = new Store(STORE, firms, ledger, account);

    @Test
    void theConsumerPaysTheShelfPriceAndTheSellerIsPaidItsListPrice() {
        store.sell(0, 8, 1); // shelf price 8 / (1 - 0.25) = 10.666667 (a micro-unit), the store keeps 2.666667
        assertThat(ledger.outflow(PostingKind.RETAIL_SALE, Ledger.CONSUMERS)).isCloseTo(10.666667, within(1e-9));
        assertThat(ledger.inflow(PostingKind.WHOLESALE, Ledger.firmAccount(0))).isEqualTo(8);
        assertThat(ledger.balance(account)).isCloseTo(2.666667, within(1e-9));
        assertThat(store.commission(0) + store.perUnitFee(0)).as("nothing charged to the seller per unit").isZero();
        assertThat(ledger.imbalance()).isZero();
    }

    @Test
    void eachTickStockedSellersPayTheSlottingFeeAndTheStoreItsFixedCost() {
        store.reviewApplications(0); // at tick 0 every seller with a store channel applies
        store.fillShelf(0);
        store.chargeSlottingFees();
        store.payFixedCost();
        assertThat(ledger.outflow(PostingKind.SLOTTING_FEE, Ledger.firmAccount(0))).isEqualTo(50);
        assertThat(ledger.outflow(PostingKind.SLOTTING_FEE, Ledger.firmAccount(1))).isZero();
        assertThat(ledger.outflow(PostingKind.INTERMEDIARY_FIXED_COST, account)).isEqualTo(300);
        assertThat(ledger.imbalance()).isZero();
    }

    /**
     * Two sellers at list price 10 and unit cost 5 (margin 5 a unit) each sell 4 units in the first tick; the fee
     * (100, reviews every tick, step 0.5) is more than the 4 x 5 = 20 they expect: the shelf empties at tick 1 and
     * the fee halves at each review, 50, 25, 12.5. At 12.5 they expect 4 x 5 - 12.5 > 0 (the shelf's sales per slot
     * when it last held anyone) and return at tick 4. (Expecting the mean of the sellers now stocked, none, the shelf
     * stayed empty for ever.)
     */
    @Test
    void anEmptiedShelfRefillsOnceTheFeeComesDownToWhatSellersExpectToEarn() {
        List<Firm> two = List.of(seller(0), seller(1));
        Store small = new Store(new StoreConfig(2, 100, 0.25, 0, 0, 1, 0.5), two, new Ledger(2, 1),
                Ledger.firmAccount(2));
        small.reviewApplications(0);
        small.fillShelf(0);
        for (int unit = 0; unit < 4; unit++) {
            small.sell(0, 10, 1);
            small.sell(1, 10, 1);
        }
        int[] stocked = new int[5];
        double[] fee = new double[5];
        for (int tick = 1; tick <= 4; tick++) {
            small.reviewApplications(tick);
            small.fillShelf(tick);
            stocked[tick] = small.shelf().length;
            fee[tick] = small.slottingFee();
        }
        assertThat(stocked).containsExactly(0, 0, 0, 0, 2);
        assertThat(fee).containsExactly(0, 100, 50, 25, 12.5);
    }

    /** Three applicants for two slots: the store raises its fee by the step for the next review (50 x 1.1). */
    @Test
    void moreApplicantsThanSlotsRaiseTheFee() {
        List<Firm> three = List.of(seller(0), seller(1), seller(2));
        Store busy = new Store(STORE, three, new Ledger(3, 1), Ledger.firmAccount(3));
        busy.reviewApplications(0);
        busy.fillShelf(0);
        assertThat(busy.shelf()).hasSize(2);
        assertThat(busy.slottingFee()).as("in force until the next review").isEqualTo(50);
        busy.reviewApplications(13); // no sales: nobody expects to earn the fee
        assertThat(busy.slottingFee()).isCloseTo(55, within(1e-9));
    }

    private static Firm seller(int j) {
        Firm firm = new Firm(j, TestMarkets.firm("seller " + j).unitCost(5).inStore().build());
        firm.commitPrice(10);
        return firm;
    }
}
