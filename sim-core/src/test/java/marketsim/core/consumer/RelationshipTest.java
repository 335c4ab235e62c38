package marketsim.core.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import marketsim.core.MarketModel;
import marketsim.core.TestMarkets;
import marketsim.core.config.FirmConfig;
import marketsim.core.config.MarketConfig;
import marketsim.core.config.MarketRules;
import marketsim.core.config.PopulationConfig;
import marketsim.core.config.Trait;
import marketsim.core.config.WordOfMouthConfig;
import marketsim.core.metrics.Field;
import marketsim.core.metrics.RunRecord;
import org.junit.jupiter.api.Test;

/** Hand-computed relationship stock updates for one consumer who always buys from one firm. */
class RelationshipTest {
    private static RunRecord oneLoyalBuyer(double failureRate) {
        FirmConfig base = TestMarkets.firm("only", 5, 0.2, 0.8);
        FirmConfig firm = new FirmConfig(base.name(), base.archetype(), 0, 0.8, 5, base.learning(), base.pricing(), 0.2,
                true, failureRate, base.qualityInvestment(), base.service(), 0.3, base.loyalty(), base.personalization(), base.marketing(), 0, FirmConfig.Innovation.NONE, base.direct(), null, null, 0, null, false, null);
        MarketConfig config = new MarketConfig(3,
                new PopulationConfig(1, 4, -100, List.of(TestMarkets.constantSegment("one", 1,
                        Map.of(Trait.PURCHASE_PROBABILITY, 1.0, Trait.PRICE_SENSITIVITY, 0.1,
                                Trait.QUALITY_EXPECTATION, 0.55)))),
                new MarketRules(0.02, 8, 0.0, 1.0, 0.7, 0.3, 0.05, 1.0, 0.0, 1),
                List.of(firm), Map.of(), null, null, new WordOfMouthConfig(0, 0, 10, 0.1),
                TestMarkets.noDynamics(), 3, 0.0018);
        return MarketModel.run(config, 1);
    }

    @Test
    void satisfiedPurchasesBuildTheStockAndDecayErodesIt() {
        RunRecord record = oneLoyalBuyer(0.0);
        // g = 1 / (1 + exp(-8 (0.8 - 0.55))) = 1 / (1 + e^-2) = 0.880797
        // tick 1: L = 0 + 0.3 * 0.880797 * (1 - 0) = 0.264239, decayed x0.98 = 0.258954
        // tick 2: L = 0.258954 + 0.264239 * (1 - 0.258954) = 0.454765, x0.98 = 0.445670
        assertThat(record.entityVectors(0)[0][Field.RELATIONSHIP_SUM.ordinal()]).isCloseTo(0.258954, within(1e-5));
        assertThat(record.entityVectors(1)[0][Field.RELATIONSHIP_SUM.ordinal()]).isCloseTo(0.445670, within(1e-5));
        assertThat(record.entityVectors(1)[0][Field.PROMOTERS.ordinal()]).isEqualTo(1);
        assertThat(record.entityVectors(1)[0][Field.RETAINED.ordinal()]).isEqualTo(1);
    }

    @Test
    void failuresMakeDetractorsAndBuildNothing() {
        RunRecord record = oneLoyalBuyer(1.0);
        // g = -1 on every purchase: L += 0.3 * (-1) * L keeps L at 0.
        assertThat(record.entityVectors(2)[0][Field.RELATIONSHIP_SUM.ordinal()]).isZero();
        assertThat(record.entityVectors(2)[0][Field.DETRACTORS.ordinal()]).isEqualTo(1);
        assertThat(record.entityVectors(2)[0][Field.FAILURES.ordinal()]).isEqualTo(1);
    }
}
