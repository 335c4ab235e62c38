package marketsim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import marketsim.core.config.FirmConfig;
import marketsim.core.config.MarketConfig;
import marketsim.core.config.PopulationConfig;
import marketsim.core.config.Trait;
import marketsim.core.config.WordOfMouthConfig;
import marketsim.core.metrics.Field;
import marketsim.core.metrics.RunRecord;
import marketsim.core.random.Streams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * N is a resolution, not a market size (MODEL.md 2): the same market of {@code M = 5,000} consumers simulated by
 * 990 and by 1,990 consumers (weights 5.05 and 2.51, so marketing contacts fall between whole simulated consumers)
 * has the same expected marketing contacts, awareness, units and fixed-cost share, each against its closed form.
 *
 * <p>The market: one web store at price 1.2 (unit cost 1, markup 0.2), fixed cost 50 a tick, unknown at the start,
 * buying 10 / 0.05 = 200 contacts a tick; every consumer shops with probability 0.5 and, if aware, buys with the
 * logit probability {@code P = e^-1.2 / (1 + e^-1.2) = 0.2315} (price sensitivity 1, outside utility 0). Contacts
 * reach uniformly drawn consumers, so before shopping at tick t the aware share is
 * {@code A(t) = 1 - (1 - 1/N)^(200 (t + 1) / w)}, about {@code 1 - exp(-200 (t + 1) / M)} at any N, and expected
 * units are {@code M x 0.5 x A(t) x P} a tick. Counting each simulated consumer once instead (the market shrinking
 * with N) would sell 990 / 5,000 of that.
 *
 * <p>Tolerances, over 8 replications of 20 ticks: contacts within 1 of 200 a tick (the Bernoulli draw of the
 * fractional contact moves a tick's count by w, about 0.2 on the mean); the aware share at the last tick within
 * 0.02 (sampling sd about 0.006 at N = 990); units and the fixed-cost share within 6% of the closed form (a run's
 * units vary by about 5% at N = 990, so about 2% on the mean).
 */
class SuperIndividualsTest {
    private static final double MARKET = 5_000;
    private static final int TICKS = 20;
    private static final int REPS = 8;
    private static final double SPEND = 10;
    private static final double COST_PER_CONTACT = 0.05; // TestMarkets.rules
    private static final double FIXED_COST = 50;
    private static final double PRICE = 1.2;
    private static final double SHOPPING = 0.5;
    private static final double BUY = Math.exp(-PRICE) / (1 + Math.exp(-PRICE));

    @ParameterizedTest(name = "{0} simulated consumers")
    @ValueSource(ints = {990, 1990})
    void theMarketIsTheSameAtAnyResolution(int consumers) {
        double contacts = 0;
        double aware = 0;
        double units = 0;
        double revenue = 0;
        double fixedCosts = 0;
        for (int r = 0; r < REPS; r++) {
            RunRecord run = MarketModel.run(config(consumers), Streams.replicationSeed(77, r));
            double[] firm = run.window(0, TICKS)[0];
            contacts += firm[Field.CONTACTS.ordinal()];
            aware += run.entityVectors(TICKS - 1)[0][Field.AWARE.ordinal()];
            units += firm[Field.UNITS.ordinal()];
            revenue += firm[Field.REVENUE.ordinal()];
            fixedCosts += firm[Field.FIXED_COSTS.ordinal()];
        }
        double perTickContacts = SPEND / COST_PER_CONTACT;
        double weight = MARKET / consumers;
        double expectedUnits = 0;
        for (int t = 0; t < TICKS; t++) {
            expectedUnits += MARKET * SHOPPING * awareShare(consumers, weight, perTickContacts * (t + 1)) * BUY;
        }
        assertThat(contacts / REPS / TICKS).as("market contacts a tick").isCloseTo(perTickContacts, within(1.0));
        assertThat(aware / REPS / MARKET).as("aware share at the last tick")
                .isCloseTo(awareShare(consumers, weight, perTickContacts * TICKS), within(0.02));
        assertThat(units / REPS / expectedUnits).as("units, market units").isCloseTo(1, within(0.06));
        double expectedShare = FIXED_COST * TICKS / (PRICE * expectedUnits);
        assertThat(fixedCosts / revenue / expectedShare).as("fixed-cost share of revenue").isCloseTo(1, within(0.06));
    }

    /** The aware share after {@code contacts} market contacts reached {@code contacts / weight} simulated consumers. */
    private static double awareShare(int consumers, double weight, double contacts) {
        return 1 - Math.pow(1 - 1.0 / consumers, contacts / weight);
    }

    private static MarketConfig config(int consumers) {
        FirmConfig store = TestMarkets.firm("web").unitCost(1).markup(0.2).directFixedCost(FIXED_COST)
                .marketing(0, SPEND).build();
        return new MarketConfig(TICKS, new PopulationConfig(consumers, MARKET, 4, 0,
                List.of(TestMarkets.constantSegment("all", 1, Map.of(Trait.PURCHASE_PROBABILITY, SHOPPING,
                        Trait.PRICE_SENSITIVITY, 1.0)))),
                TestMarkets.rules(0.02), List.of(store), Map.of(), null, null, new WordOfMouthConfig(0, 0, 10, 0.1),
                TestMarkets.noDynamics(), 10, 0.0018);
    }
}
