package marketsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import marketsim.core.MarketModel;
import marketsim.core.config.FeeRuleName;
import marketsim.core.firm.Firm;
import marketsim.core.ledger.Ledger;
import marketsim.core.ledger.PostingKind;
import marketsim.core.metrics.Entity;
import marketsim.core.metrics.EntityType;
import marketsim.core.metrics.Field;
import marketsim.core.metrics.Metric;
import marketsim.core.random.Streams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * MODEL.md section 5: every tick of the baseline, with every fee and subsidy flowing, no money
 * appears or vanishes. Checked property-style over 20 seeds of a small jeo-baseline (2,000
 * consumers, 60 ticks, ad auction on, subsidy raised to 10% so it shows), and again with fees
 * that move: a lifecycle platform that harvests from its first fee review (every 4 ticks) and a
 * store whose slotting fee starts too high and comes down (reviews every 4 ticks). The ledger's
 * balances sum to exactly zero (integer micro-units); what consumers paid (sellers direct and on the
 * platform, the store at its shelf prices), net of subsidies, equals what sellers received from them
 * plus what the store received, less the subsidies the platform paid; the store's margin is its
 * shelf sales less what it paid sellers, each unit's shelf price less its list price; every firm's,
 * the platform's and the store's cash moved by exactly their net profit as the metrics report it; and
 * each firm's revenue equals units at list price less loyalty discounts, computed independently of
 * the ledger. Tolerance 1e-6 money: double sums of amounts that are exact in micro-units (plus half a
 * micro-unit per sale for the independent amounts, whose prices are not).
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
        check(ScenarioLoader.load("jeo-baseline", List.of("population.size=2000", "population.market_size=2000", "horizon=60",
                "platform.subsidy=0.1", "platform.ranking.sponsored_slots=2")), seed);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void ledgerBalancesEveryTickWhileFeesMove(long seed) throws Exception {
        check(ScenarioLoader.load("platform-harvest", List.of("population.size=2000", "population.market_size=2000", "horizon=60",
                "platform.fee_rule.review_every=4", "platform.fee_rule.member_threshold=0", "platform.membership.initial_share=0.5",
                "store.review_every=4", "store.slotting_fee=200", "store.slotting_fee_step=0.3")), seed);
    }

    private static void check(Scenario s, long seed) {
        MarketModel model = new MarketModel(s.config(), seed);
        double[] takeRates = new double[s.config().horizon()];
        double[] slottingFees = new double[s.config().horizon()];
        double[] storeSales = new double[s.config().horizon()];
        double[] cashBefore = new double[s.config().firms().size() + 2];
        model.addListener((m, tick) -> {
            Ledger ledger = m.ledger();
            assertThat(ledger.imbalance()).as("tick %d imbalance", tick).isZero();
            double[][] vectors = m.record().entityVectors(tick);
            List<Entity> names = m.record().entities();
            double[] market = vectors[vectors.length - 1];
            double received = 0;
            for (Firm firm : m.firms()) {
                int j = firm.index();
                int account = Ledger.firmAccount(j);
                received += ledger.inflow(PostingKind.SALE, account);
                int e = indexOf(names, EntityType.FIRM, firm.name());
                double[] t = vectors[e];
                checkCash(ledger, account, tick == 0 ? firm.config().initialCash() : cashBefore[j],
                        Metric.NET_PROFIT.value(EntityType.FIRM, t, market, 0), tick, firm.name());
                cashBefore[j] = ledger.balance(account);
                // each sale is posted rounded to a micro-unit: at most half a micro-unit off per unit
                assertThat(t[Field.REVENUE.ordinal()]).as("tick %d %s revenue", tick, firm.name()).isCloseTo(
                        t[Field.UNITS.ordinal()] * firm.price() - t[Field.LOYALTY_DISCOUNTS.ordinal()],
                        within(MONEY_TOLERANCE + 0.5e-6 * t[Field.UNITS.ordinal()]));
            }
            int n = m.firms().size();
            double[] platform = vectors[indexOf(names, EntityType.PLATFORM, "platform")];
            checkCash(ledger, m.platform().account(), tick == 0 ? s.config().platform().initialCash() : cashBefore[n],
                    Metric.NET_PROFIT.value(EntityType.PLATFORM, platform, market, 0), tick, "platform");
            cashBefore[n] = ledger.balance(m.platform().account());
            double[] store = vectors[indexOf(names, EntityType.STORE, "store")];
            checkCash(ledger, m.store().account(), tick == 0 ? s.config().store().initialCash() : cashBefore[n + 1],
                    Metric.NET_PROFIT.value(EntityType.STORE, store, market, 0), tick, "store");
            cashBefore[n + 1] = ledger.balance(m.store().account());
            int storeAccount = m.store().account();
            double consumersNet = ledger.outflow(PostingKind.SALE, Ledger.CONSUMERS)
                    + ledger.outflow(PostingKind.RETAIL_SALE, Ledger.CONSUMERS)
                    - ledger.inflow(PostingKind.SUBSIDY, Ledger.CONSUMERS);
            assertThat(consumersNet).as("tick %d consumers paid, net of subsidies", tick)
                    .isCloseTo(received + ledger.inflow(PostingKind.RETAIL_SALE, storeAccount)
                            - ledger.outflow(PostingKind.SUBSIDY, m.platform().account()), within(MONEY_TOLERANCE));
            double margin = 0;
            double storeUnits = 0;
            for (Firm firm : m.firms()) {
                double units = vectors[indexOf(names, EntityType.FIRM, firm.name())][Field.STORE_UNITS.ordinal()];
                margin += units * (m.store().shelfPrice(firm.price()) - firm.price());
                storeUnits += units;
            }
            assertThat(ledger.inflow(PostingKind.RETAIL_SALE, storeAccount) - ledger.outflow(PostingKind.WHOLESALE, storeAccount))
                    .as("tick %d the store's margin: shelf prices less list prices", tick)
                    .isCloseTo(margin, within(MONEY_TOLERANCE + 1e-6 * storeUnits));
            takeRates[tick] = m.platform().takeRate();
            slottingFees[tick] = m.store().slottingFee();
            storeSales[tick] = ledger.inflow(PostingKind.RETAIL_SALE, storeAccount);
            if (tick > 5) {
                assertThat(ledger.inflow(PostingKind.COMMISSION, m.platform().account())
                        + ledger.inflow(PostingKind.SUBSIDY, Ledger.CONSUMERS)).as("fees and subsidies flow").isPositive();
            }
        });
        model.runToEnd();
        assertThat(model.ticksDone()).isEqualTo(60);
        if (s.config().platform().feeRule().rule() != FeeRuleName.FIXED) {
            assertThat(takeRates[59]).as("the take rate moved").isGreaterThan(takeRates[0]);
            assertThat(slottingFees[59]).as("the slotting fee moved").isNotEqualTo(slottingFees[0]);
        }
        for (int tick : new int[] {0, 59}) {
            assertThat(storeSales[tick]).as("the store sells at tick %d", tick).isPositive();
        }
    }

    private static void checkCash(Ledger ledger, int account, double before, double netProfit, int tick, String who) {
        assertThat(ledger.balance(account) - before).as("tick %d %s cash change = net profit", tick, who)
                .isCloseTo(netProfit, within(MONEY_TOLERANCE));
    }

    private static int indexOf(List<Entity> entities, EntityType type, String name) {
        for (int e = 0; e < entities.size(); e++) {
            if (entities.get(e).type() == type && entities.get(e).name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
