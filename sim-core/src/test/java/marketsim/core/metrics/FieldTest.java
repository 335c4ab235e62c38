package marketsim.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import marketsim.core.ledger.Ledger;
import marketsim.core.ledger.PostingKind;
import org.junit.jupiter.api.Test;

/** Money fields read what their declared posting kinds moved through an account this tick. */
class FieldTest {
    @Test
    void aMoneyFieldSumsItsKindsOnItsSideOfTheAccount() {
        Ledger ledger = new Ledger(1, 1);
        int seller = Ledger.firmAccount(0);
        int platform = Ledger.firmAccount(1);
        ledger.post(PostingKind.COMMISSION, seller, platform, 1);
        ledger.post(PostingKind.AD_FEE, seller, platform, 2);
        ledger.post(PostingKind.FULFILMENT_FEE, seller, platform, 3);
        ledger.post(PostingKind.LISTING_FEE, seller, platform, 4);
        // 1 + 2 + 3 + 4 in, of which 2 from ads; the seller paid each out
        assertThat(Field.PLATFORM_FEES_RECEIVED.fromLedger(ledger, platform)).isEqualTo(10);
        assertThat(Field.AD_REVENUE.fromLedger(ledger, platform)).isEqualTo(2);
        assertThat(Field.COMMISSION_PAID.fromLedger(ledger, seller)).isEqualTo(1);
        assertThat(Field.PLATFORM_FEES_RECEIVED.fromLedger(ledger, seller)).as("nothing received").isZero();
    }

    @Test
    void everyKindOfPostingButCapitalIsReadByAMoneyField() {
        Set<PostingKind> read = EnumSet.noneOf(PostingKind.class);
        Ledger ledger = new Ledger(1, 0);
        int account = Ledger.firmAccount(0);
        for (PostingKind kind : PostingKind.values()) {
            ledger.startTick();
            ledger.post(kind, account, Ledger.OVERHEAD, 1);
            ledger.post(kind, Ledger.OVERHEAD, account, 1);
            for (Field field : Field.LEDGER) {
                if (field.fromLedger(ledger, account) != 0) {
                    read.add(kind);
                }
            }
        }
        // capital is owners' money paid in, not a flow of the business; a new kind must be reported
        assertThat(EnumSet.complementOf(EnumSet.copyOf(read))).containsExactly(PostingKind.CAPITAL);
    }
}
