package marketsim.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import marketsim.core.config.FirmConfig;
import marketsim.core.config.MarketConfig;
import marketsim.core.config.Trait;
import marketsim.core.metrics.Field;
import marketsim.core.metrics.RunRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MODEL.md section 6, first check: with homogeneous consumers, fixed prices, no loyalty and no
 * network, simulated choice shares equal the closed-form logit shares with the outside option,
 * {@code P_j = exp(V_j) / (exp(u0) + sum_k exp(V_k))}, {@code V_j = -alpha p_j + beta q_j}.
 */
class LogitSharesTest {
    private static final double ALPHA = 0.5;
    private static final double BETA = 2.0;
    private static final double OUTSIDE = -1.0;
    private static final int CONSUMERS = 20_000;
    private static final int TICKS = 50;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void simulatedSharesMatchClosedFormLogit(long seed) {
        List<FirmConfig> firms = List.of(
                TestMarkets.firm("cheap", 8, 0.1, 0.4),    // p = 8.8
                TestMarkets.firm("middle", 9, 0.2, 0.7),   // p = 10.8
                TestMarkets.firm("premium", 10, 0.5, 1.0)); // p = 15
        MarketConfig config = TestMarkets.market(CONSUMERS, TICKS, OUTSIDE, List.of(
                TestMarkets.constantSegment("all", 1.0, Map.of(
                        Trait.PRICE_SENSITIVITY, ALPHA, Trait.QUALITY_WEIGHT, BETA,
                        Trait.PURCHASE_PROBABILITY, 1.0, Trait.SWITCHING_COST, 0.0))), firms);

        RunRecord record = MarketModel.run(config, seed);
        double[][] total = record.window(0, TICKS);
        double[] market = total[total.length - 1];
        double occasions = market[Field.OCCASIONS.ordinal()];
        assertThat(occasions).isEqualTo((double) CONSUMERS * TICKS); // purchase probability 1

        double denominator = Math.exp(OUTSIDE);
        double[] weights = new double[firms.size()];
        for (int j = 0; j < firms.size(); j++) {
            FirmConfig f = firms.get(j);
            weights[j] = Math.exp(-ALPHA * f.unitCost() * (1 + f.markup()) + BETA * f.quality());
            denominator += weights[j];
        }
        for (int j = 0; j < firms.size(); j++) {
            double expected = weights[j] / denominator;
            double simulated = total[j][Field.UNITS.ordinal()] / occasions;
            // Tolerance: 4.5 binomial standard errors over 1,000,000 independent draws
            // (false alarm about 1 in 150,000 per comparison); a mis-specified utility term
            // moves shares by far more than this (about 0.002 here).
            double se = Math.sqrt(expected * (1 - expected) / occasions);
            assertThat(simulated).as(firms.get(j).name()).isCloseTo(expected, org.assertj.core.data.Offset.offset(4.5 * se));
        }
        double expectedOutside = Math.exp(OUTSIDE) / denominator;
        double outsideShare = market[Field.OUTSIDE_CHOICES.ordinal()] / occasions;
        double se = Math.sqrt(expectedOutside * (1 - expectedOutside) / occasions);
        assertThat(outsideShare).isCloseTo(expectedOutside, org.assertj.core.data.Offset.offset(4.5 * se));

        // Log-sum consumer surplus: every occasion has the same ln(exp(u0) + sum exp(V)) / alpha.
        double expectedSurplus = Math.log(denominator) / ALPHA * occasions;
        assertThat(market[Field.CONSUMER_SURPLUS.ordinal()]).isCloseTo(expectedSurplus,
                org.assertj.core.data.Percentage.withPercentage(1e-6));
    }
}
