package marketsim.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Issue 11's reference workload as a plain struct-of-arrays loop over primitive arrays: the
 * baseline the engine is measured against ({@link ReferenceBenchmark}) and checked against
 * ({@code ReferenceWorkloadTest}).
 *
 * <p>Five firms with fixed prices {@code p = (10, 11, 12, 16, 20)}, qualities
 * {@code q = (0.4, 0.5, 0.6, 0.9, 1.0)} and positions {@code x = (0, 0.2, 0.4, 0.6, 0.8)} on
 * the taste circle; consumers with {@code alpha ~ lognormal(ln 0.3, 0.3)}, {@code tau ~ U[0,1)}.
 * Each tick, in a random order, each consumer shops with probability 0.25 and draws from the logit
 * over the firms and the outside option (utility 0):
 *
 * <pre>
 * U_j = -alpha p_j + beta q_j - t d(tau, x_j) + gamma L_j - s [j != last]     beta 4, t 2, gamma 3, s 0.5
 * </pre>
 *
 * (no switching cost before a first purchase); a buyer's stock with the chosen firm moves
 * {@code L += 0.2 (1 - L)}; then every stock decays by {@code delta} (2%) a tick.
 */
public final class ReferenceLoop {
    public static final double[] PRICE = {10, 11, 12, 16, 20};
    public static final double[] QUALITY = {0.4, 0.5, 0.6, 0.9, 1.0};
    public static final double[] POSITION = {0.0, 0.2, 0.4, 0.6, 0.8};
    public static final int FIRMS = PRICE.length;
    public static final double MEDIAN_ALPHA = 0.3;
    public static final double SIGMA_ALPHA = 0.3;
    public static final double BETA = 4;
    public static final double MISMATCH = 2;
    public static final double GAMMA = 3;
    public static final double SWITCHING = 0.5;
    public static final double PURCHASE_PROBABILITY = 0.25;
    public static final double RELATIONSHIP_RATE = 0.2;
    public static final double DECAY = 0.02;

    private final SplittableRandom random;
    private final double gamma;
    private final float keep;
    private final double[] alpha;
    private final double[] taste;
    private final int[] last;
    private final float[] stock;
    private final int[] order;
    private final double[] weight = new double[FIRMS];
    private final long[] units = new long[FIRMS];
    private long occasions;

    /** The workload as issue 11 defines it. */
    public ReferenceLoop(int consumers, long seed) {
        this(consumers, seed, GAMMA, DECAY);
    }

    /** The workload with another relationship weight or decay (to check that a test sees the change). */
    public ReferenceLoop(int consumers, long seed, double gamma, double decay) {
        this.gamma = gamma;
        this.keep = (float) (1 - decay);
        random = new SplittableRandom(seed);
        alpha = new double[consumers];
        taste = new double[consumers];
        last = new int[consumers];
        stock = new float[consumers * FIRMS];
        order = new int[consumers];
        for (int i = 0; i < consumers; i++) {
            alpha[i] = MEDIAN_ALPHA * Math.exp(SIGMA_ALPHA * gaussian());
            taste[i] = random.nextDouble();
            last[i] = -1;
            order[i] = i;
        }
    }

    private double gaussian() {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** One tick; returns the purchases made. */
    public long tick() {
        int n = alpha.length;
        for (int k = n - 1; k > 0; k--) {
            int r = random.nextInt(k + 1);
            int t = order[k];
            order[k] = order[r];
            order[r] = t;
        }
        Arrays.fill(units, 0);
        occasions = 0;
        long bought = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (random.nextDouble() >= PURCHASE_PROBABILITY) {
                continue;
            }
            occasions++;
            double total = 1; // exp(0), the outside option
            for (int j = 0; j < FIRMS; j++) {
                double d = Math.abs(taste[i] - POSITION[j]);
                d = Math.min(d, 1 - d);
                double u = -alpha[i] * PRICE[j] + BETA * QUALITY[j] - MISMATCH * d + gamma * stock[i * FIRMS + j]
                        - (last[i] >= 0 && last[i] != j ? SWITCHING : 0);
                weight[j] = Math.exp(u);
                total += weight[j];
            }
            double draw = random.nextDouble() * total - 1;
            if (draw < 0) {
                continue;
            }
            int chosen = FIRMS - 1;
            for (int j = 0; j < FIRMS; j++) {
                draw -= weight[j];
                if (draw < 0) {
                    chosen = j;
                    break;
                }
            }
            stock[i * FIRMS + chosen] += (float) RELATIONSHIP_RATE * (1 - stock[i * FIRMS + chosen]);
            last[i] = chosen;
            units[chosen]++;
            bought++;
        }
        for (int s = 0; s < stock.length; s++) {
            stock[s] *= keep;
        }
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
}
