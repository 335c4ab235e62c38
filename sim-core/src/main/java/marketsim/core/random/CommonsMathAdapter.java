package marketsim.core.random;

import java.util.random.RandomGenerator;

import org.apache.commons.math3.random.AbstractRandomGenerator;

/** Lets Commons Math distributions sample from one of the run's streams. */
public final class CommonsMathAdapter extends AbstractRandomGenerator {
    private final RandomGenerator random;

    public CommonsMathAdapter(RandomGenerator random) {
        this.random = random;
    }

    @Override
    public double nextDouble() {
        return random.nextDouble();
    }

    @Override
    public void setSeed(long seed) {
        throw new UnsupportedOperationException("streams are seeded once, by derivation");
    }
}
