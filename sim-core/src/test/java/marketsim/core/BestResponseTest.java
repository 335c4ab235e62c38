package marketsim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import marketsim.core.config.DynamicsConfig;
import marketsim.core.config.FirmConfig;
import marketsim.core.config.MarketConfig;
import marketsim.core.config.PopulationConfig;
import marketsim.core.config.PricingRuleName;
import marketsim.core.config.Trait;
import marketsim.core.config.WordOfMouthConfig;
import marketsim.core.metrics.Field;
import marketsim.core.metrics.RunRecord;
import org.junit.jupiter.api.Test;

/**
 * MODEL.md section 6: single-product firms pricing by logit best response, homogeneous consumers
 * (alpha 0.5, beta 2, no loyalty, no taste mismatch, everyone shops every tick), converge to the
 * Bertrand-Nash markups {@code p_j - c_j = 1 / (alpha (1 - s_j))}, where the shares {@code s_j}
 * are the logit shares at those prices (outside option u0 = 0); and consumer surplus per occasion
 * equals the log-sum {@code ln(exp(u0) + sum exp(V_j)) / alpha}.
 *
 * <p>The equilibrium is computed here independently by iterating the best responses on the
 * closed-form shares to a fixed point. Tolerance: 1% of each price. Firms estimate their share
 * from 40,000 occasions per review (standard error about 0.0023), which moves a markup by about
 * 0.3%; a wrong markup formula (for example the single-firm 1/alpha) misses by 30% or more.
 */
class BestResponseTest {
    private static final double ALPHA = 0.5;
    private static final double BETA = 2.0;
    private static final double[] COST = {4, 5, 6};
    private static final double[] QUALITY = {0.3, 0.6, 1.0};
    private static final int N = 20_000;
    private static final int TICKS = 60;

    @Test
    void pricesConvergeToTheLogitBertrandNashMarkups() {
        FirmConfig plain = TestMarkets.firm("x", 1, 0.2, 0.5);
        List<FirmConfig> firms = new ArrayList<>();
        for (int j = 0; j < COST.length; j++) {
            firms.add(new FirmConfig("firm-" + j, plain.archetype(), 0, QUALITY[j], COST[j], plain.learning(),
                    PricingRuleName.BEST_RESPONSE, 0.2, true, 0, plain.qualityInvestment(), plain.service(), 0,
                    plain.loyalty(), plain.personalization(), plain.marketing(), 0, FirmConfig.Innovation.NONE, plain.direct(), null, null, 0, null, false, null));
        }
        DynamicsConfig none = TestMarkets.noDynamics();
        DynamicsConfig dynamics = new DynamicsConfig(0, none.teaching(), 1, none.dominance(),
                new DynamicsConfig.Adaptation(2, 0, 0, 0, 0.5));
        MarketConfig config = new MarketConfig(TICKS, new PopulationConfig(N, 4, 0, List.of(TestMarkets.constantSegment(
                "all", 1, Map.of(Trait.PRICE_SENSITIVITY, ALPHA, Trait.QUALITY_WEIGHT, BETA,
                        Trait.PURCHASE_PROBABILITY, 1.0)))),
                TestMarkets.rules(0.02), firms, Map.of(), null, null, new WordOfMouthConfig(0, 0, 10, 0.1), dynamics,
                10, 0.0018);
        RunRecord record = MarketModel.run(config, 5);

        double[] nash = equilibrium();
        double[][] last = record.entityVectors(TICKS - 1);
        for (int j = 0; j < COST.length; j++) {
            double price = last[j][Field.REVENUE.ordinal()] / last[j][Field.UNITS.ordinal()];
            assertThat(price).as("firm %d price (Nash %s)", j, nash[j]).isCloseTo(nash[j], within(0.01 * nash[j]));
        }
        double logSum = 1; // exp(u0) with u0 = 0
        for (int j = 0; j < COST.length; j++) {
            logSum += Math.exp(-ALPHA * nash[j] + BETA * QUALITY[j]);
        }
        double[] market = last[last.length - 1];
        double surplusPerOccasion = market[Field.CONSUMER_SURPLUS.ordinal()] / market[Field.OCCASIONS.ordinal()];
        assertThat(surplusPerOccasion).isCloseTo(Math.log(logSum) / ALPHA, within(0.01 * Math.log(logSum) / ALPHA));
    }

    /** Best responses iterated on the closed-form logit shares to a fixed point. */
    private static double[] equilibrium() {
        double[] p = COST.clone();
        for (int iteration = 0; iteration < 10_000; iteration++) {
            double denominator = 1;
            double[] w = new double[p.length];
            for (int j = 0; j < p.length; j++) {
                w[j] = Math.exp(-ALPHA * p[j] + BETA * QUALITY[j]);
                denominator += w[j];
            }
            for (int j = 0; j < p.length; j++) {
                p[j] = COST[j] + 1 / (ALPHA * (1 - w[j] / denominator));
            }
        }
        return p;
    }
}
