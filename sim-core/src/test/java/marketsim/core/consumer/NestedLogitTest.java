package marketsim.core.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Hand-computed nested-logit probabilities (MODEL.md 2.1): firm 0 offers one product through two channels of equal
 * utility 0, firm 1 one offer of utility 0, the outside option utility 0.
 */
class NestedLogitTest {
    private static final double EXACT = 1e-12;
    private static final int[] FIRMS = {0, 0, 1};
    private static final double[] EQUAL = {0, 0, 0};

    @Test
    void aProductInTwoChannelsIsOneAlternativeWithALargerInclusiveValue() {
        // lambda 0.5: I_0 = 0.5 ln 2, exp(I_0) = sqrt 2; probabilities over 2 + sqrt 2 (the outside option's 1,
        // firm 0's sqrt 2 split in halves, firm 1's 1); log-sum ln(2 + sqrt 2). Weights are relative to the
        // largest inclusive value, so only their ratios are compared.
        NestedLogit logit = new NestedLogit(2, 0.5);
        double[] w = new double[3];
        double total = logit.weigh(3, FIRMS, EQUAL, 0, w);
        double sum = 2 + Math.sqrt(2);
        assertThat(w[0] / total).isCloseTo(Math.sqrt(2) / 2 / sum, within(EXACT));
        assertThat(w[1] / total).isCloseTo(Math.sqrt(2) / 2 / sum, within(EXACT));
        assertThat(w[2] / total).isCloseTo(1 / sum, within(EXACT));
        assertThat(logit.outsideWeight() / total).isCloseTo(1 / sum, within(EXACT));
        assertThat(logit.logSum()).isCloseTo(Math.log(sum), within(EXACT));
    }

    @Test
    void lambdaOneIsPlainLogitOverOffers() {
        // every offer its own alternative: weights 1, 1, 1 and the outside option's 1
        NestedLogit logit = new NestedLogit(2, 1);
        double[] w = new double[3];
        assertThat(logit.weigh(3, FIRMS, EQUAL, 0, w)).isCloseTo(4, within(EXACT));
        assertThat(w).containsExactly(1, 1, 1);
    }

    @Test
    void towardZeroAnIdenticalSecondChannelAddsNothing() {
        // lambda 0.01: exp(I_0) = 2^0.01 = 1.00696; firm 0's share 1.00696 / 3.00696, about a third, not a half
        NestedLogit logit = new NestedLogit(2, 0.01);
        double[] w = new double[3];
        double total = logit.weigh(3, FIRMS, EQUAL, 0, w);
        assertThat((w[0] + w[1]) / total).isCloseTo(Math.pow(2, 0.01) / (2 + Math.pow(2, 0.01)), within(EXACT));
        assertThat((w[0] + w[1]) / total).isCloseTo(1.0 / 3, within(0.002));
    }

    @Test
    void withinTheNestTheBetterChannelTakesMoreAsLambdaFalls() {
        // V = (1, 0) for firm 0's channels, lambda 0.5: P(c | j) = e^2 / (e^2 + 1) = 0.8808 for the first;
        // exp(I_0) = (e^2 + 1)^0.5
        NestedLogit logit = new NestedLogit(2, 0.5);
        double[] w = new double[3];
        double total = logit.weigh(3, FIRMS, new double[] {1, 0, 0}, 0, w);
        double inclusive = Math.sqrt(Math.exp(2) + 1);
        assertThat(total / logit.outsideWeight()).isCloseTo(2 + inclusive, within(EXACT));
        assertThat(w[0] / (w[0] + w[1])).isCloseTo(Math.exp(2) / (Math.exp(2) + 1), within(EXACT));
    }

    @Test
    void largeUtilitiesDoNotOverflowAndScratchIsResetBetweenOccasions() {
        NestedLogit logit = new NestedLogit(2, 0.1);
        double[] w = new double[3];
        double total = logit.weigh(3, FIRMS, new double[] {800, 799, 0}, 0, w);
        assertThat(Double.isFinite(total)).isTrue();
        assertThat((w[0] + w[1]) / total).isCloseTo(1, within(EXACT));
        // the same occasion again gives the same answer: nothing left over from the first
        double[] again = new double[3];
        assertThat(logit.weigh(3, FIRMS, new double[] {800, 799, 0}, 0, again)).isEqualTo(total);
        assertThat(again).containsExactly(w);
    }

    @Test
    void productsInOneChannelEachArePlainLogitWhateverLambda() {
        // I_j = V_j for a one-offer nest: the same weights, bit for bit, as lambda = 1
        int[] firms = {0, 1, 2};
        double[] utility = {-1.3, 0.4, -0.2};
        double[] nested = new double[3];
        double[] plain = new double[3];
        NestedLogit lambdaSmall = new NestedLogit(3, 0.3);
        NestedLogit lambdaOne = new NestedLogit(3, 1);
        assertThat(lambdaSmall.weigh(3, firms, utility, -0.5, nested))
                .isEqualTo(lambdaOne.weigh(3, firms, utility, -0.5, plain));
        assertThat(nested).containsExactly(plain);
        assertThat(lambdaSmall.logSum()).isEqualTo(lambdaOne.logSum());
    }

    @Test
    void anOccasionWithEveryProductInOneChannelIsThePlainLogitExactlyAndLeavesNoState() {
        // firms 0, 1 and 2 one offer each: the plain logit's weights to the last bit (the shortcut taken); the
        // occasion after it, with a nest of two, weighs as on a fresh logit (the shortcut left no nest counted)
        int[] firms = {2, 0, 1};
        double[] utility = {0.3, -1.2, 0.8};
        NestedLogit nested = new NestedLogit(3, 0.5);
        NestedLogit plain = new NestedLogit(3, 1);
        double[] w = new double[3];
        double[] v = new double[3];
        assertThat(nested.weigh(3, firms, utility, -0.5, w)).isEqualTo(plain.weigh(3, firms, utility, -0.5, v));
        assertThat(w).containsExactly(v);
        assertThat(nested.logSum()).isEqualTo(plain.logSum());

        double[] after = new double[3];
        double[] fresh = new double[3];
        double total = nested.weigh(3, FIRMS, new double[] {1, 0, 0}, 0, after);
        assertThat(total).isEqualTo(new NestedLogit(3, 0.5).weigh(3, FIRMS, new double[] {1, 0, 0}, 0, fresh));
        assertThat(after).containsExactly(fresh);
    }

    @Test
    void theDefaultLambdaInSquaresIsTheTextbookFormula() {
        // lambda 1/2 is computed in squares and square roots; on 2,000 random occasions (7 firms, each offer in one
        // of up to three channels, utilities N(-1, 1.5^2), some far below the rest) every probability and the
        // log-sum agree with the formulas of the class, computed directly, to 1e-12
        java.util.Random random = new java.util.Random(11);
        NestedLogit logit = new NestedLogit(7, 0.5);
        for (int occasion = 0; occasion < 2000; occasion++) {
            int offers = 1 + random.nextInt(12);
            int[] firm = new int[offers];
            double[] utility = new double[offers];
            for (int o = 0; o < offers; o++) {
                firm[o] = random.nextInt(7);
                utility[o] = random.nextInt(50) == 0 ? -300 : -1 + 1.5 * random.nextGaussian();
            }
            double[] w = new double[offers];
            double total = logit.weigh(offers, firm, utility, -1.5, w);
            double[] nestSum = new double[7];
            for (int o = 0; o < offers; o++) {
                nestSum[firm[o]] += Math.exp(utility[o] / 0.5);
            }
            double denominator = Math.exp(-1.5);
            for (int j = 0; j < 7; j++) {
                denominator += nestSum[j] > 0 ? Math.exp(0.5 * Math.log(nestSum[j])) : 0;
            }
            for (int o = 0; o < offers; o++) {
                double inclusive = Math.exp(0.5 * Math.log(nestSum[firm[o]]));
                double expected = inclusive / denominator * Math.exp(utility[o] / 0.5) / nestSum[firm[o]];
                assertThat(w[o] / total).isCloseTo(expected, within(1e-12));
            }
            assertThat(logit.outsideWeight() / total).isCloseTo(Math.exp(-1.5) / denominator, within(1e-12));
            assertThat(logit.logSum()).isCloseTo(Math.log(denominator), within(1e-12));
        }
    }

    @Test
    void anyOtherLambdaWeighsEachProductAgainstItsBestOffer() {
        // lambda 0.05 with a product 40 utils below the best: exp(V / lambda) alone would underflow; the
        // probabilities still sum to one and the far product keeps its (tiny) positive share
        NestedLogit logit = new NestedLogit(2, 0.05);
        double[] w = new double[3];
        double total = logit.weigh(3, FIRMS, new double[] {-40, -40.01, 0}, 0, w);
        assertThat((w[0] + w[1] + w[2] + logit.outsideWeight()) / total).isCloseTo(1, within(EXACT));
        assertThat(w[0]).isPositive();
        double inclusive = Math.exp(-40 + 0.05 * Math.log(1 + Math.exp(-0.01 / 0.05))); // exp(I_0)
        double expected = inclusive / (2 + inclusive) / (1 + Math.exp(-0.01 / 0.05)); // P(firm 0) P(channel 0 | 0)
        assertThat(w[0] / total / expected).isCloseTo(1, within(1e-9));
    }
}
