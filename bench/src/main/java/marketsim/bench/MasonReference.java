package marketsim.bench;

import static marketsim.bench.ReferenceLoop.BETA;
import static marketsim.bench.ReferenceLoop.DECAY;
import static marketsim.bench.ReferenceLoop.FIRMS;
import static marketsim.bench.ReferenceLoop.GAMMA;
import static marketsim.bench.ReferenceLoop.MEDIAN_ALPHA;
import static marketsim.bench.ReferenceLoop.MISMATCH;
import static marketsim.bench.ReferenceLoop.POSITION;
import static marketsim.bench.ReferenceLoop.PRICE;
import static marketsim.bench.ReferenceLoop.PURCHASE_PROBABILITY;
import static marketsim.bench.ReferenceLoop.QUALITY;
import static marketsim.bench.ReferenceLoop.RELATIONSHIP_RATE;
import static marketsim.bench.ReferenceLoop.SIGMA_ALPHA;
import static marketsim.bench.ReferenceLoop.SWITCHING;

import java.util.Arrays;

import ec.util.MersenneTwisterFast;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Issue 11's reference workload ({@link ReferenceLoop}) as a MASON user would write it: one {@link Steppable} object
 * per consumer holding its own state, all scheduled on MASON's {@link sim.engine.Schedule} every tick (which steps
 * agents of the same time and ordering in a random order), drawing from the model's {@link MersenneTwisterFast}.
 * The yardstick for "how much faster than a MASON model of the same work" (docs/PERFORMANCE.md);
 * {@code ReferenceWorkloadTest} checks that it does the same work as the loop and the engine.
 *
 * <p>A consumer's step: with probability 0.25 it shops, drawing from the logit over the five firms and the outside
 * option, and a buyer's stock with the chosen firm moves {@code L += 0.2 (1 - L)}; then its stocks decay by 2%. (The
 * loop decays every stock after everyone has shopped; no consumer reads another's stocks, so decaying its own at
 * the end of its step is the same.)
 */
public final class MasonReference extends SimState {
    private static final long serialVersionUID = 1L;

    private final int consumers;
    private final float keep = (float) (1 - DECAY);
    private final double[] weight = new double[FIRMS];
    private final long[] units = new long[FIRMS];
    private long occasions;
    private long bought;

    public MasonReference(int consumers, long seed) {
        super(seed);
        this.consumers = consumers;
    }

    @Override
    public void start() {
        super.start();
        for (int i = 0; i < consumers; i++) {
            schedule.scheduleRepeating(new Consumer(random));
        }
    }

    /** One tick; returns the purchases made. */
    public long tick() {
        Arrays.fill(units, 0);
        occasions = 0;
        bought = 0;
        schedule.step(this);
        return bought;
    }

    /** Units firm {@code j} sold in the last tick. */
    public long units(int j) {
        return units[j];
    }

    /** Purchase occasions in the last tick. */
    public long occasions() {
        return occasions;
    }

    /** One consumer: its price sensitivity, taste, last supplier and relationship stocks. */
    private static final class Consumer implements Steppable {
        private static final long serialVersionUID = 1L;

        private final double alpha;
        private final double taste;
        private int last = -1;
        private final float[] stock = new float[FIRMS];

        Consumer(MersenneTwisterFast random) {
            alpha = MEDIAN_ALPHA * Math.exp(SIGMA_ALPHA * random.nextGaussian());
            taste = random.nextDouble();
        }

        @Override
        public void step(SimState state) {
            MasonReference model = (MasonReference) state;
            MersenneTwisterFast random = model.random;
            if (random.nextDouble() < PURCHASE_PROBABILITY) {
                shop(model, random);
            }
            for (int j = 0; j < FIRMS; j++) {
                stock[j] *= model.keep;
            }
        }

        private void shop(MasonReference model, MersenneTwisterFast random) {
            model.occasions++;
            double[] weight = model.weight;
            double total = 1; // exp(0), the outside option
            for (int j = 0; j < FIRMS; j++) {
                double d = Math.abs(taste - POSITION[j]);
                d = Math.min(d, 1 - d);
                double u = -alpha * PRICE[j] + BETA * QUALITY[j] - MISMATCH * d + GAMMA * stock[j]
                        - (last >= 0 && last != j ? SWITCHING : 0);
                weight[j] = Math.exp(u);
                total += weight[j];
            }
            double draw = random.nextDouble() * total - 1;
            if (draw < 0) {
                return;
            }
            int chosen = FIRMS - 1;
            for (int j = 0; j < FIRMS; j++) {
                draw -= weight[j];
                if (draw < 0) {
                    chosen = j;
                    break;
                }
            }
            stock[chosen] += (float) RELATIONSHIP_RATE * (1 - stock[chosen]);
            last = chosen;
            model.units[chosen]++;
            model.bought++;
        }
    }
}
