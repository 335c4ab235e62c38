package marketsim.core.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import marketsim.core.ScriptedRandom;
import marketsim.core.TestMarkets;
import marketsim.core.config.Archetype;
import marketsim.core.firm.Firm;
import marketsim.core.ledger.Ledger;
import marketsim.core.ledger.PostingKind;
import org.junit.jupiter.api.Test;

/** What the platform posts itself: on each sale through it, and each tick. */
class PlatformFeesTest {
    // take rate 0.1, fulfilment fee 1, its own fulfilment cost 0.5 (money/unit), listing fee 5 (money/tick)
    private final Ledger ledger = new Ledger(2, 1);
    private final int account = Ledger.firmAccount(2);
    private final List<Firm> firms = List.of(new Firm(0, TestMarkets.firm("seller").onPlatform().build()),
            new Firm(1, TestMarkets.firm("label").archetype(Archetype.HYBRID_PLATFORM).onPlatform().build()));
    private final Platform platform = new Platform(TestMarkets.platform().fees(0.1, 1, 0.5, 5).subsidy(0.2)
            .fixedCost(7).build(), firms, 0, 0, 0, 0, new ScriptedRandom(), ledger, account);

    @Test
    void aThirdPartySalePaysCommissionFulfilmentAndTheSlotsAdFee() {
        // list price 10, the consumer pays 8 (subsidy 0.2), from a sponsored slot with ad fee 0.3
        platform.sell(0, 10, 8, 0.3, 1);
        int seller = Ledger.firmAccount(0);
        assertThat(ledger.outflow(PostingKind.SUBSIDY, account)).isEqualTo(2);
        assertThat(ledger.outflow(PostingKind.FULFILMENT_COST, account)).isEqualTo(0.5);
        assertThat(ledger.outflow(PostingKind.COMMISSION, seller)).isEqualTo(1);
        assertThat(ledger.outflow(PostingKind.FULFILMENT_FEE, seller)).isEqualTo(1);
        assertThat(ledger.outflow(PostingKind.AD_FEE, seller)).isEqualTo(0.3);
    }

    @Test
    void aSimulatedConsumersSaleCountsItsWeightInUnitsAndMoney() {
        // a super-individual of weight 2.5 buys: 2.5 units, each paying what one unit pays above
        platform.sell(0, 10, 8, 0.3, 2.5);
        int seller = Ledger.firmAccount(0);
        assertThat(ledger.outflow(PostingKind.SUBSIDY, account)).isEqualTo(5);
        assertThat(ledger.outflow(PostingKind.FULFILMENT_COST, account)).isEqualTo(1.25);
        assertThat(ledger.outflow(PostingKind.COMMISSION, seller)).isEqualTo(2.5);
        assertThat(ledger.outflow(PostingKind.FULFILMENT_FEE, seller)).isEqualTo(2.5);
        assertThat(ledger.outflow(PostingKind.AD_FEE, seller)).isEqualTo(0.75);
    }

    @Test
    void thePrivateLabelPaysThePlatformNothing() {
        platform.sell(1, 10, 8, 0, 1);
        int label = Ledger.firmAccount(1);
        assertThat(ledger.outflow(PostingKind.COMMISSION, label) + ledger.outflow(PostingKind.FULFILMENT_FEE, label)
                + ledger.outflow(PostingKind.AD_FEE, label)).isZero();
        assertThat(ledger.outflow(PostingKind.SUBSIDY, account)).as("the subsidy still flows").isEqualTo(2);
    }

    @Test
    void eachTickListedThirdPartiesPayTheListingFeeAndThePlatformItsFixedCost() {
        platform.chargeListingFees();
        platform.payFixedCost();
        assertThat(ledger.outflow(PostingKind.LISTING_FEE, Ledger.firmAccount(0))).isEqualTo(5);
        assertThat(ledger.outflow(PostingKind.LISTING_FEE, Ledger.firmAccount(1))).isZero();
        assertThat(ledger.outflow(PostingKind.INTERMEDIARY_FIXED_COST, account)).isEqualTo(7);
        assertThat(ledger.imbalance()).isZero();
    }
}
