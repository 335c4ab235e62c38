package marketsim.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LedgerTest {
    @Test
    void postingsMoveMoneyWithoutCreatingIt() {
        Ledger ledger = new Ledger(2, 0);
        int firm = Ledger.firmAccount(0);
        ledger.post(PostingKind.CAPITAL, Ledger.OWNERS, firm, 100);
        ledger.startTick();
        ledger.post(PostingKind.SALE, Ledger.CONSUMERS, firm, 12.34);
        ledger.post(PostingKind.COST_OF_GOODS, firm, Ledger.SUPPLIERS, 8);
        // 100 + 12.34 - 8 = 104.34
        assertThat(ledger.balance(firm)).isEqualTo(104.34);
        assertThat(ledger.balance(Ledger.CONSUMERS)).isEqualTo(-12.34);
        assertThat(ledger.imbalance()).isZero();
        assertThat(ledger.inflow(PostingKind.SALE, firm)).isEqualTo(12.34);
        assertThat(ledger.outflow(PostingKind.COST_OF_GOODS, firm)).isEqualTo(8);
        // this tick's net flow excludes the capital posted before startTick: 12.34 - 8 = 4.34
        assertThat(ledger.netFlowUnits(firm)).isEqualTo(4_340_000L);
    }

    @Test
    void negativePostingsAreRefused() {
        Ledger ledger = new Ledger(1, 0);
        assertThatThrownBy(() -> ledger.post(PostingKind.SALE, Ledger.CONSUMERS, Ledger.firmAccount(0), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
