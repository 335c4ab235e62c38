package marketsim.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class EstimateTest {
    @Test
    void handComputedInterval() {
        // mean 2, sd 1 (values 1,2,3), t(0.975, 2) = 4.302653, half = 4.302653 / sqrt(3) = 2.484138
        Estimate e = Estimate.of(new double[] {1, 2, 3});
        assertThat(e.mean()).isEqualTo(2.0);
        assertThat(e.sd()).isEqualTo(1.0);
        assertThat(e.halfWidth()).isCloseTo(2.484138, within(1e-6));
    }

    @Test
    void nanValuesAreLeftOutAndOneValueHasNoInterval() {
        Estimate e = Estimate.of(new double[] {Double.NaN, 5});
        assertThat(e.n()).isEqualTo(1);
        assertThat(e.mean()).isEqualTo(5);
        assertThat(e.halfWidth()).isNaN();
    }

    /**
     * 4,000 samples of 10 normals with known mean 3: the 95% interval should cover it in 95% of
     * samples. Binomial sd of the coverage is sqrt(0.95 x 0.05 / 4000) = 0.0034; the tolerance
     * 0.015 is 4.4 sd, while a z instead of t quantile would give about 0.92 and fail.
     */
    @Test
    void intervalsCoverTheTrueMeanAtTheNominalRate() {
        SplittableRandom random = new SplittableRandom(20261125);
        int trials = 4000;
        int covered = 0;
        for (int k = 0; k < trials; k++) {
            double[] xs = new double[10];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = 3 + 2 * gaussian(random);
            }
            Estimate e = Estimate.of(xs);
            if (e.lower() <= 3 && 3 <= e.upper()) {
                covered++;
            }
        }
        assertThat(covered / (double) trials).isCloseTo(0.95, within(0.015));
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
