package marketsim.core.random;

import ec.util.MersenneTwisterFast;
import org.apache.commons.math3.random.AbstractRandomGenerator;

/** Lets Commons Math distributions sample from one of the run's MASON streams. */
public final class MersenneAdapter extends AbstractRandomGenerator {
    private final MersenneTwisterFast random;

    public MersenneAdapter(MersenneTwisterFast random) {
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
