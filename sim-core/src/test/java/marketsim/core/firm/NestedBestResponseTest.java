package marketsim.core.firm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import marketsim.core.TestMarkets;
import org.junit.jupiter.api.Test;

/**
 * The best response on nested-logit demand (MODEL.md 2.1 and 3): one seller direct and on a platform that pays the
 * consumer a subsidy, so its two offers respond differently to its list price and the price moves demand between
 * them. Iterating {@link DemandSlopes} on the exact nested-logit probabilities must reach the price where profit's
 * derivative is zero; the same demand recorded as plain logit must not. The affinities make the two offers about
 * equally likely near the optimum, where a price change moves most demand between them. Measured: the nested best
 * response settles at 6.465, the plain-logit reading at 6.650, where profit still falls by 0.020 per unit of price.
 */
class NestedBestResponseTest {
    private static final double ALPHA = 0.5;
    private static final double COST = 4;
    private static final double SUBSIDY = 0.3;
    private static final double TAKE = 0.3;
    private static final double FEE = 0.3;
    private static final double DIRECT_AFFINITY = 2;
    private static final double PLATFORM_AFFINITY = 0.5;
    private static final double LAMBDA = 0.2;

    /** The two offers' probabilities (direct, platform) at list price p; outside utility 0. */
    private static double[] probabilities(double p) {
        double vd = -ALPHA * p + DIRECT_AFFINITY;
        double vp = -ALPHA * (1 - SUBSIDY) * p + PLATFORM_AFFINITY;
        double ed = Math.exp(vd / LAMBDA);
        double ep = Math.exp(vp / LAMBDA);
        double inclusive = Math.exp(LAMBDA * Math.log(ed + ep));
        double product = inclusive / (1 + inclusive);
        return new double[] {product * ed / (ed + ep), product * ep / (ed + ep)};
    }

    private static double profit(double p) {
        double[] s = probabilities(p);
        return s[0] * (p - COST) + s[1] * ((1 - TAKE) * p - COST - FEE);
    }

    /** Best responses on the demand at each price, from cost, until they settle. */
    private static double iterate(double recordedLambda) {
        Firm firm = new Firm(0, TestMarkets.firm("seller").unitCost(COST).onPlatform().feeAware(true).build());
        DemandSlopes demand = new DemandSlopes(List.of(firm.config()), recordedLambda);
        double p = COST;
        for (int it = 0; it < 500; it++) {
            demand.reset();
            demand.prepare(List.of(firm));
            double[] s = probabilities(p);
            demand.record(ALPHA, 2, new int[] {0, 0}, s, 1, new double[] {p, (1 - SUBSIDY) * p}, new double[] {p},
                    new double[] {1, 1 - TAKE}, new double[] {0, FEE});
            p += 0.5 * (demand.price(0) - p);
        }
        return p;
    }

    private static double marginalProfit(double p) {
        double h = 1e-6;
        return (profit(p + h) - profit(p - h)) / (2 * h);
    }

    @Test
    void theNestedBestResponseMaximizesProfit() {
        double p = iterate(LAMBDA);
        // central difference with h = 1e-6 on a smooth profit of order 1: error far below 1e-6
        assertThat(marginalProfit(p)).isCloseTo(0, within(1e-6));
    }

    @Test
    void theSameDemandReadAsPlainLogitMissesTheOptimum() {
        double p = iterate(1);
        assertThat(Math.abs(marginalProfit(p))).isGreaterThan(1e-3);
    }
}
