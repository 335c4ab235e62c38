package marketsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import marketsim.core.MarketModel;
import marketsim.core.firm.Firm;
import marketsim.core.ledger.Ledger;
import marketsim.core.ledger.PostingKind;
import marketsim.core.metrics.Field;
import marketsim.core.random.Streams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * MODEL.md section 5: every tick of the baseline, no money appears or vanishes. Checked
 * property-style over 20 seeds of a small jeo-baseline (2,000 consumers, 60 ticks):
 * the ledger's balances sum to exactly zero (integer micro-units); what consumers paid equals
 * what sellers received; each firm's cash moved by exactly its revenue minus its costs; and the
 * revenue booked equals units at list price less loyalty discounts, computed independently.
 * Tolerance 1e-6 money: the double sums of amounts that are exact in micro-units.
 */
class LedgerInvariantTest {
    private static final double MONEY_TOLERANCE = 1e-6;

    static long[] seeds() {
        long[] seeds = new long[20];
        for (int k = 0; k < seeds.length; k++) {
            seeds[k] = Streams.replicationSeed(2026, k);
        }
        return seeds;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void ledgerBalancesEveryTick(long seed) throws Exception {
        Scenario s = ScenarioLoader.load("jeo-baseline", List.of("population.size=2000", "horizon=60"));
        MarketModel model = new MarketModel(s.config(), seed);
        double[] cashBefore = new double[s.config().firms().size()];
        model.addListener((m, tick) -> {
            Ledger ledger = m.ledger();
            assertThat(ledger.imbalance()).as("tick %d imbalance", tick).isZero();
            double[][] vectors = m.record().entityVectors(tick);
            double received = 0;
            for (Firm firm : m.firms()) {
                int j = firm.index();
                int account = Ledger.firmAccount(j);
                double[] t = vectors[j];
                double revenue = t[Field.REVENUE.ordinal()];
                received += ledger.inflow(PostingKind.SALE, account);
                double costs = t[Field.COST_OF_GOODS.ordinal()] + t[Field.FIXED_COSTS.ordinal()]
                        + t[Field.MARKETING_COSTS.ordinal()] + t[Field.PERSONALIZATION_COSTS.ordinal()];
                double cash = ledger.balance(account);
                double before = tick == 0 ? firm.config().initialCash() : cashBefore[j];
                assertThat(cash - before).as("tick %d %s cash change", tick, firm.name())
                        .isCloseTo(revenue - costs, within(MONEY_TOLERANCE));
                assertThat(revenue).as("tick %d %s revenue", tick, firm.name()).isCloseTo(
                        t[Field.UNITS.ordinal()] * firm.price() - t[Field.LOYALTY_DISCOUNTS.ordinal()],
                        within(MONEY_TOLERANCE));
                cashBefore[j] = cash;
            }
            assertThat(received).as("tick %d consumers paid = sellers received", tick)
                    .isCloseTo(ledger.outflow(PostingKind.SALE, Ledger.CONSUMERS), within(MONEY_TOLERANCE));
        });
        model.runToEnd();
        assertThat(model.ticksDone()).isEqualTo(60);
    }
}
