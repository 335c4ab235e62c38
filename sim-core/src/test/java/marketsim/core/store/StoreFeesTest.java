package marketsim.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import marketsim.core.TestMarkets;
import marketsim.core.config.StoreConfig;
import marketsim.core.firm.Firm;
import marketsim.core.ledger.Ledger;
import marketsim.core.ledger.PostingKind;
import org.junit.jupiter.api.Test;

/** What the store posts itself: its retail margin on each sale, its slotting fees and fixed cost each tick. */
class StoreFeesTest {
    // 2 slots, slotting fee 50 (money/tick), retail margin 0.25, fixed cost 300 (money/tick), reviews every 13 ticks
    private static final StoreConfig STORE = new StoreConfig(2, 50, 0.25, 300, 0, 13);

    private final Ledger ledger = new Ledger(2, 1);
    private final int account = Ledger.firmAccount(2);
    private final List<Firm> firms = List.of(new Firm(0, TestMarkets.firm("stocked").inStore().build()),
            new Firm(1, TestMarkets.firm("not in the store").build()));
    private final Store store = new Store(STORE, firms, ledger, account);

    @Test
    void aSaleInTheStorePaysItsRetailMargin() {
        store.sell(0, 8, 1); // 0.25 x 8
        assertThat(ledger.outflow(PostingKind.RETAIL_MARGIN, Ledger.firmAccount(0))).isEqualTo(2);
        assertThat(ledger.inflow(PostingKind.RETAIL_MARGIN, account)).isEqualTo(2);
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
}
