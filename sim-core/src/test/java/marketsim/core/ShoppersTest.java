package marketsim.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import marketsim.core.config.FirmConfig;
import marketsim.core.config.MarketConfig;
import marketsim.core.config.SegmentConfig;
import marketsim.core.config.Trait;
import marketsim.core.consumer.Population;
import marketsim.core.metrics.Field;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who shops: with purchase probabilities of only 0 and 1 the shoppers are known exactly. Every
 * consumer of the segment with probability 1 shops every tick, once; no consumer of the other
 * ever does. With an outside option far below every offer (utility -50 against about +2), every
 * occasion ends in a purchase, so after the first tick exactly the first segment has a last
 * supplier. Both orders of the segments, so that a shopper list shifted by one at either edge
 * (a consumer of the wrong segment shopping) would show.
 */
class ShoppersTest {
    private static final int CONSUMERS = 2_001; // odd, so the segments differ in size
    private static final int TICKS = 5;

    @ParameterizedTest(name = "shoppers first: {0}")
    @ValueSource(booleans = {true, false})
    void exactlyTheConsumersWithAnOccasionShopOncePerTick(boolean shoppersFirst) {
        SegmentConfig always = segment("always", 1.0);
        SegmentConfig never = segment("never", 0.0);
        List<FirmConfig> firms = List.of(TestMarkets.firm("a", 1, 0, 1), TestMarkets.firm("b", 1, 0, 1));
        MarketConfig config = TestMarkets.market(CONSUMERS, TICKS, -50,
                shoppersFirst ? List.of(always, never) : List.of(never, always), firms);
        MarketModel model = new MarketModel(config, 7);
        List<double[]> market = new ArrayList<>();
        model.addListener((m, tick) -> {
            double[][] vectors = m.record().entityVectors(tick); // the firms a and b, ..., the market last
            market.add(new double[] {vectors[vectors.length - 1][Field.OCCASIONS.ordinal()],
                vectors[0][Field.UNITS.ordinal()] + vectors[1][Field.UNITS.ordinal()]});
        });
        model.runToEnd();

        Population p = model.population();
        int shopping = 0;
        for (int i = 0; i < p.size(); i++) {
            if (p.segment(i) == (shoppersFirst ? 0 : 1)) {
                shopping++;
            }
        }
        assertThat(shopping).isIn(CONSUMERS / 2, CONSUMERS / 2 + 1);
        for (double[] tick : market) {
            assertThat(tick[0]).as("occasions").isEqualTo(shopping);
            assertThat(tick[1]).as("units").isEqualTo(shopping);
        }
        for (int i = 0; i < p.size(); i++) {
            boolean shops = p.segment(i) == (shoppersFirst ? 0 : 1);
            assertThat(p.lastSupplier(i) != Population.NONE).as("consumer %d has a last supplier", i).isEqualTo(shops);
        }
    }

    private static SegmentConfig segment(String name, double purchaseProbability) {
        return TestMarkets.constantSegment(name, 0.5, Map.of(Trait.PRICE_SENSITIVITY, 1.0, Trait.QUALITY_WEIGHT, 3.0,
                Trait.PURCHASE_PROBABILITY, purchaseProbability));
    }
}
