package marketsim.core.consumer;

import java.util.random.RandomGenerator;

import marketsim.core.config.Distribution;
import marketsim.core.config.TraitSpec;
import marketsim.core.random.CommonsMathAdapter;
import marketsim.core.space.TasteCircle;
import org.apache.commons.math3.distribution.BetaDistribution;

/** Draws values of a distribution: draw, then clip to the range (or wrap, for the circle). */
public final class TraitSampler {
    private final TraitSpec spec;
    private final boolean circular;
    private final RandomGenerator random;
    private final BetaDistribution beta;

    public TraitSampler(TraitSpec spec, boolean circular, RandomGenerator random) {
        this.spec = spec;
        this.circular = circular;
        this.random = random;
        this.beta = spec.distribution() instanceof Distribution.Beta b
                ? new BetaDistribution(new CommonsMathAdapter(random), b.a(), b.b())
                : null;
    }

    public double next() {
        double x = draw(spec.distribution());
        if (circular) {
            return TasteCircle.wrap(x);
        }
        return Math.max(spec.min(), Math.min(spec.max(), x));
    }

    private double draw(Distribution distribution) {
        if (distribution instanceof Distribution.Constant c) {
            return c.value();
        } else if (distribution instanceof Distribution.Normal n) {
            return n.mean() + n.sd() * random.nextGaussian();
        } else if (distribution instanceof Distribution.LogNormal l) {
            return l.median() * Math.exp(l.sigma() * random.nextGaussian());
        } else if (distribution instanceof Distribution.Uniform u) {
            return u.min() + (u.max() - u.min()) * random.nextDouble();
        } else {
            Distribution.Beta b = (Distribution.Beta) distribution;
            return b.min() + (b.max() - b.min()) * beta.sample();
        }
    }
}
