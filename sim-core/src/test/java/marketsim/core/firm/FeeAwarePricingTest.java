package marketsim.core.firm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import marketsim.core.TestMarkets;
import marketsim.core.config.Channel;
import marketsim.core.config.PricingRuleName;
import org.junit.jupiter.api.Test;

/**
 * Every pricing rule prices off the seller's full marginal cost in each channel (MODEL.md 3): hand-computed cases
 * of the full unit cost {@code (c + f) / (1 - tau)}, channel-weighted, and of the best response's first-order
 * condition with each unit's margin {@code (1 - tau) p - c - f}.
 */
class FeeAwarePricingTest {
    private static final double EXACT = 1e-12;

    /** A channel with commission {@code tau} and per-unit fee {@code f} for every seller. */
    private static ChannelCharges charges(double tau, double f) {
        return new ChannelCharges() {
            @Override
            public double commission(int j) {
                return tau;
            }

            @Override
            public double perUnitFee(int j) {
                return f;
            }
        };
    }

    private static double priceOf(Firm firm, ChannelCharges platform, ChannelCharges store) {
        Firm.setPricesTogether(List.of(firm), platform, store);
        return firm.price();
    }

    @Test
    void costPlusMarksUpTheFullUnitCostOfItsChannel() {
        // c = 4, take rate 0.2, fulfilment fee 1: C = (4 + 1) / 0.8 = 6.25; markup 0.25: p = 7.8125
        Firm seller = new Firm(0, TestMarkets.firm("seller").unitCost(4).markup(0.25).platformOnly().build());
        assertThat(priceOf(seller, charges(0.2, 1), null)).isCloseTo(7.8125, within(EXACT));
        assertThat(seller.fullUnitCost()).isCloseTo(6.25, within(EXACT));
    }

    @Test
    void aSellerThatIgnoresFeesPricesOffUnitCost() {
        // the same seller, fee_aware false: p = 4 x 1.25 = 5 whatever the platform charges
        Firm naive = new Firm(0, TestMarkets.firm("naive").unitCost(4).markup(0.25).platformOnly().feeAware(false)
                .build());
        assertThat(priceOf(naive, charges(0.2, 1), null)).isCloseTo(5, within(EXACT));
    }

    @Test
    void hillClimbingStartsFromTheFullUnitCost() {
        Firm climber = new Firm(0, TestMarkets.firm("climber").unitCost(4).markup(0.25).platformOnly()
                .pricing(PricingRuleName.HILL_CLIMBING).build());
        assertThat(priceOf(climber, charges(0.2, 1), null)).isCloseTo(7.8125, within(EXACT));
    }

    @Test
    void aSellerInSeveralChannelsWeighsThemByItsExpectedUnits() {
        // Direct, platform (tau 0.2, f 1) and a third channel in the store's place charging tau 0.25 (a stub: the store
        // itself charges none, 7.6): before any sales, a third each:
        // tau = (0.2 + 0.25) / 3 = 0.15, f = 1 / 3, C = (4 + 1/3) / 0.85 = 5.0980...
        Firm seller = new Firm(0, TestMarkets.firm("seller").unitCost(4).markup(0).onPlatform().inStore().build());
        ChannelCharges platform = charges(0.2, 1);
        ChannelCharges store = charges(0.25, 0);
        assertThat(priceOf(seller, platform, store)).isCloseTo((4 + 1.0 / 3) / 0.85, within(EXACT));
        // A period selling 10 direct, 30 on the platform (paying 6 in ad fees: 0.2 a platform unit) and none in
        // the store: w = (0.25, 0.75, 0); tau = 0.15, f = 0.75 x (1 + 0.2) = 0.9, C = 4.9 / 0.85
        seller.channels().record(10, 30, 0, 6);
        seller.startPeriod();
        assertThat(seller.channels().weight(Channel.PLATFORM)).isEqualTo(0.75);
        assertThat(priceOf(seller, platform, store)).isCloseTo(4.9 / 0.85, within(EXACT));
        // A period without sales leaves the expectation as it was.
        seller.startPeriod();
        assertThat(priceOf(seller, platform, store)).isCloseTo(4.9 / 0.85, within(EXACT));
    }

    @Test
    void aDirectSellerPaysNoChannelFees() {
        Firm brand = new Firm(0, TestMarkets.firm("brand").unitCost(4).markup(0.5).build());
        assertThat(priceOf(brand, charges(0.2, 1), charges(0.25, 0))).isCloseTo(6, within(EXACT));
    }

    private static DemandSlopes oneSeller(double unitCost, boolean feeAware) {
        Firm firm = new Firm(0, TestMarkets.firm("seller").unitCost(unitCost).onPlatform().feeAware(feeAware).build());
        DemandSlopes demand = new DemandSlopes(List.of(firm.config()), 1);
        demand.prepare(List.of(firm));
        return demand;
    }

    @Test
    void theBestResponseNetsOutCommissionAndFeesFromEachUnitsMargin() {
        // One occasion, alpha 0.5, one platform offer of weight 1 against the outside option's 1: P = s = 0.5;
        // list price 10 paid in full; the seller keeps 0.8 of it and pays 1 a unit; c = 4.
        // D = 0.5, N = 0.4, Delta = -0.5 (0.5 - 0.25) = -0.125, Rho = -0.5 (0.4 - 0.2) = -0.1,
        // Phi = -0.5 (0.5 - 0.25) = -0.125; N + p Rho - c Delta - Phi = 0: 0.4 - 0.1 p + 0.5 + 0.125 = 0,
        // p = 10.25 = (4 + 1) / 0.8 + 1 / (0.5 (1 - 0.5)).
        DemandSlopes demand = oneSeller(4, true);
        demand.record(0.5, 1, new int[] {0}, new double[] {1}, 2, new double[] {10}, new double[] {10},
                new double[] {0.8}, new double[] {1});
        assertThat(demand.price(0)).isCloseTo(10.25, within(EXACT));
    }

    @Test
    void withoutFeeAwarenessTheBestResponseCountsMarginsOnTheListPrice() {
        // the same occasion: p = c + 1 / (alpha (1 - s)) = 4 + 4 = 8
        DemandSlopes demand = oneSeller(4, false);
        demand.record(0.5, 1, new int[] {0}, new double[] {1}, 2, new double[] {10}, new double[] {10},
                new double[] {0.8}, new double[] {1});
        assertThat(demand.price(0)).isCloseTo(8, within(EXACT));
    }

    @Test
    void inTwoChannelsTheBestResponseWeighsEachByItsExpectedUnits() {
        // One occasion, alpha 0.5: a direct offer (keeps 1, no fee) and a platform offer (keeps 0.8, fee 1) of the
        // same seller, weight 1 each, outside option 2: P = 0.25 each, s = 0.5, weights 1/2 each; c = 4.
        // (c + f) / (1 - tau) with f = 0.5, tau = 0.1: 4.5 / 0.9 = 5; plus 1 / (0.5 x 0.5) = 4: p = 9.
        DemandSlopes demand = oneSeller(4, true);
        demand.record(0.5, 2, new int[] {0, 0}, new double[] {1, 1}, 4, new double[] {10, 10}, new double[] {10},
                new double[] {1, 0.8}, new double[] {0, 1});
        assertThat(demand.price(0)).isCloseTo(9, within(EXACT));
    }
}
