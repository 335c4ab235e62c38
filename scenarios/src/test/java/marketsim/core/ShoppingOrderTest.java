package marketsim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import marketsim.core.consumer.Population;
import marketsim.core.metrics.Field;
import marketsim.scenario.ScenarioLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ODD 3's claim for the CONSUMERS_SHOP phase: no purchase changes another shopper's offers, so the random order of the
 * shoppers decides only which random numbers each one gets. The engine serves the shoppers in index order, each with
 * the draws of its place in the tick's random order (its choice, its occasion's category, its examinations of the
 * platform's results); served in that random order instead, as the model states it, every shopper must choose the
 * same: the same last supplier for every consumer after every tick, and the same units, customers and counts for every
 * firm, platform and store.
 *
 * <p>Scenarios chosen for what draws each shopper takes: jeo-baseline (platform members examining results below the
 * top, a store), deep-focus (categories: a category draw per occasion, wallets and tenure), customer-dominant (best
 * response pricing on the demand recorded while shopping, a wider search), platform-squeeze (sponsored slots).
 *
 * <p>Tolerance: values that are sums over shoppers of differing amounts (consumer surplus, loyalty discounts, the
 * platform's sales, best responders' prices) are added up in another order, so they may differ in their last digits:
 * 1e-9 relative. A shopper choosing differently moves a unit, a customer or a payment by far more.
 */
class ShoppingOrderTest {
    private static final int TICKS = 40;
    private static final double RELATIVE = 1e-9;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jeo-baseline", "deep-focus", "customer-dominant", "platform-squeeze"})
    void everyShopperChoosesTheSameServedInIndexOrderOrInTheRandomOrder(String scenario) throws Exception {
        var config = ScenarioLoader.load(scenario, List.of("population.size=3000", "horizon=" + TICKS)).config();
        MarketModel indexOrder = new MarketModel(config, 11);
        MarketModel randomOrder = new MarketModel(config, 11);
        indexOrder.start();
        randomOrder.start();
        randomOrder.shopping().serveInRandomOrder(true);
        Population a = indexOrder.population();
        Population b = randomOrder.population();
        long purchases = 0;
        for (int tick = 0; tick < TICKS; tick++) {
            indexOrder.schedule.step(indexOrder);
            randomOrder.schedule.step(randomOrder);
            for (int i = 0; i < a.size(); i++) {
                assertThat(a.lastSupplier(i)).as("consumer %d's last supplier after tick %d", i, tick)
                        .isEqualTo(b.lastSupplier(i));
                purchases += a.lastSupplier(i) == Population.NONE ? 0 : 1;
            }
            double[][] x = indexOrder.record().entityVectors(tick);
            double[][] y = randomOrder.record().entityVectors(tick);
            for (int e = 0; e < x.length; e++) {
                for (Field f : Field.values()) {
                    double u = x[e][f.ordinal()];
                    double v = y[e][f.ordinal()];
                    if (Double.isNaN(u) || u == v) {
                        assertThat(v).as("%s of %s, tick %d", f, indexOrder.record().entities().get(e), tick)
                                .isEqualTo(u);
                    } else {
                        assertThat(v).as("%s of %s, tick %d", f, indexOrder.record().entities().get(e), tick)
                                .isCloseTo(u, within(RELATIVE * Math.max(Math.abs(u), Math.abs(v))));
                    }
                }
            }
        }
        assertThat(purchases).as("consumers with a supplier, summed over ticks").isGreaterThan(TICKS * 1000L);
    }
}
