package marketsim.results.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import marketsim.format.Estimate;
import org.junit.jupiter.api.Test;

class MomentsTest {
    /**
     * Streamed moments give Estimate.of's numbers to the last bit, for every count from 0 to 60, with
     * NaNs, repeats, large offsets (where a two-pass variance would differ) and both signs.
     */
    @Test
    void streamedEstimatesAreBitForBitThoseOfTheKeptValues() {
        SplittableRandom random = new SplittableRandom(11);
        for (int count = 0; count <= 60; count++) {
            for (int trial = 0; trial < 20; trial++) {
                double[] xs = new double[count];
                double offset = trial % 3 == 0 ? 1e9 : trial % 3 == 1 ? -3.5 : 0;
                for (int i = 0; i < count; i++) {
                    int kind = random.nextInt(10);
                    xs[i] = kind == 0 ? Double.NaN : kind == 1 && i > 0 ? xs[i - 1]
                            : offset + random.nextGaussian() * Math.pow(10, random.nextInt(-3, 4));
                }
                Moments m = new Moments(2);
                for (double x : xs) {
                    m.add(1, x);
                }
                Estimate kept = Estimate.of(xs);
                Estimate streamed = m.estimate(1);
                assertThat(bits(streamed)).as("n=%d trial=%d", count, trial).isEqualTo(bits(kept));
                assertThat(m.estimate(0).n()).isZero();
            }
        }
    }

    private static String bits(Estimate e) {
        return Double.doubleToRawLongBits(e.mean()) + "/" + Double.doubleToRawLongBits(e.sd()) + "/"
                + Double.doubleToRawLongBits(e.halfWidth()) + "/" + e.n();
    }
}
