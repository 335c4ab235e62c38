package marketsim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
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
 * response pricing on the demand recorded while shopping, a wider search), platform-squeeze (sponsored slots), and
 * jeo-baseline with categories and firms' ranges (a member's examinations depend on the category drawn for its
 * occasion). In every run the classroom's examination-decay lever moves every fifth tick (from the tick after, the
 * probabilities of examination change, and with them how many uniforms each member draws).
 *
 * <p>Tolerance: values that are sums over shoppers of differing amounts (consumer surplus, loyalty discounts, the
 * platform's sales, spending in wallets, best responders' prices) are added up in another order, so they may differ in
 * their last digits: 1e-9 relative. A shopper choosing differently moves a unit, a customer or a payment by far more.
 */
class ShoppingOrderTest {
    private static final int TICKS = 40;
    private static final double RELATIVE = 1e-9;

    /** jeo-baseline with two categories of need and firms offering one or the other (the rest both). */
    private static final List<String> CATEGORIES = List.of("market.categories=[{name: a, frequency: 1}, "
            + "{name: b, frequency: 0.6}]", "firms[bulk-a].categories=[a]", "firms[bulk-c].categories=[b]",
            "firms[brand-b].categories=[b]", "firms[platform-label].categories=[a]");
    /** The examination decays the lever moves through, one every {@link #LEVER_EVERY} ticks. */
    private static final double[] DECAYS = {0.4, 2.0, 0, 1.2};
    private static final int LEVER_EVERY = 5;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jeo-baseline", "deep-focus", "customer-dominant", "platform-squeeze",
        "jeo-baseline with categories"})
    void everyShopperChoosesTheSameServedInIndexOrderOrInTheRandomOrder(String scenario) throws Exception {
        List<String> overrides = new ArrayList<>(List.of("population.size=3000", "horizon=" + TICKS));
        if (scenario.endsWith(" with categories")) {
            overrides.addAll(CATEGORIES);
        }
        var config = ScenarioLoader.load(scenario.split(" ")[0], overrides).config();
        MarketModel indexOrder = new MarketModel(config, 11);
        MarketModel randomOrder = new MarketModel(config, 11);
        indexOrder.start();
        randomOrder.start();
        randomOrder.shopping().serveInRandomOrder(true);
        Population a = indexOrder.population();
        Population b = randomOrder.population();
        long purchases = 0;
        for (int tick = 0; tick < TICKS; tick++) {
            if (config.platform() != null && tick % LEVER_EVERY == LEVER_EVERY - 1) {
                double decay = DECAYS[tick / LEVER_EVERY % DECAYS.length];
                indexOrder.controls().setExaminationDecay(decay);
                randomOrder.controls().setExaminationDecay(decay);
            }
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
