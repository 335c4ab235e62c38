package marketsim.results.sensitivity;

import java.util.Arrays;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.util.MathArrays;

/**
 * Designs of experiments as points in the unit hypercube [0,1)^k, one row per design point and
 * one column per factor; the caller maps each column onto its factor's range. The seeded designs
 * draw from a {@link Well19937c} started at the seed, so a design is a function of its arguments.
 */
public final class Designs {
    /**
     * Commons Math's Sobol generator ships direction numbers (Joe &amp; Kuo) for this many
     * dimensions; the Saltelli scheme uses two per factor, so it takes at most half as many factors.
     */
    static final int MAX_SOBOL_DIMENSION = 1000;

    /** Offsets of a Saltelli block's rows: A_j, B_j, then AB_j^(i) at {@code AB + i}. */
    static final int A = 0;
    static final int B = 1;
    static final int AB = 2;

    private Designs() {
    }

    /**
     * Latin hypercube (McKay, Beckman &amp; Conover 1979): in every column each of the n strata
     * [s/n, (s+1)/n) holds exactly one point, at a uniform random position within it; the strata
     * are matched across columns by an independent random permutation per column.
     */
    public static double[][] latinHypercube(int n, int k, long seed) {
        new Arguments().atLeast("n", n, 1).atLeast("k", k, 1).check();
        RandomGenerator random = new Well19937c(seed);
        double[][] design = new double[n][k];
        for (int column = 0; column < k; column++) {
            int[] stratum = permutation(n, random);
            for (int row = 0; row < n; row++) {
                design[row][column] = (stratum[row] + random.nextDouble()) / n;
            }
        }
        return design;
    }

    /**
     * The sampling scheme of Saltelli et al. (2010, Comput. Phys. Commun. 181:259, section 3) on a
     * Sobol quasi-random sequence of dimension 2k (Commons Math's {@link SobolSequenceGenerator},
     * first point, all zeros, skipped): for base sample j, A_j is the first k coordinates of point
     * j and B_j the last k. Returns n (k + 2) rows grouped per base sample: row j(k+2) is A_j,
     * j(k+2) + 1 is B_j and j(k+2) + 2 + i is AB_j^(i), A_j with column i taken from B_j. A power
     * of two for n keeps the Sobol points balanced. The next point, the centre (1/2, ..., 1/2), has
     * A_0 = B_0, so the first block adds nothing to the index numerators (a shrinkage of 1/n).
     * Deterministic: there is no seed.
     */
    public static double[][] saltelli(int n, int k) {
        new Arguments().atLeast("n", n, 2).atLeast("k", k, 1)
                .atMost("k", k, MAX_SOBOL_DIMENSION / 2)
                .atMost("n (k + 2) rows", (long) n * (k + 2), Integer.MAX_VALUE).check();
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(2 * k);
        // The first point is the origin, every factor at its lower bound: a corner, not a sample.
        sobol.nextVector();
        int block = k + 2;
        double[][] rows = new double[n * block][];
        for (int j = 0; j < n; j++) {
            double[] point = sobol.nextVector();
            double[] a = Arrays.copyOfRange(point, 0, k);
            double[] b = Arrays.copyOfRange(point, k, 2 * k);
            rows[j * block + A] = a;
            rows[j * block + B] = b;
            for (int i = 0; i < k; i++) {
                double[] ab = a.clone();
                ab[i] = b[i];
                rows[j * block + AB + i] = ab;
            }
        }
        return rows;
    }

    /**
     * Random one-at-a-time trajectories (Morris 1991, Technometrics 33:161; as sampled by
     * Campolongo, Cariboni &amp; Saltelli 2007, Environ. Model. Softw. 22:1509, without their
     * selection of the most spread-out trajectories): r trajectories of k + 1 points on the grid
     * {0, 1/(p-1), ..., 1} of p = {@code levels} levels, rows grouped per trajectory. Each
     * trajectory starts at a random grid point and moves the factors once each, in random order,
     * by {@link #morrisDelta} = p / (2 (p - 1)), that is p/2 grid steps: up from the lower p/2
     * levels, down from the upper p/2. This is Morris's B* = (x* + (delta/2)((2B - J) D* + J)) P*
     * with a uniform base x*, signs D* and order P*: the start is uniform over the grid and its
     * level decides the direction.
     */
    public static double[][] morris(int r, int k, int levels, long seed) {
        new Arguments().atLeast("r", r, 1).atLeast("k", k, 1).atLeast("levels", levels, 2)
                .require(levels % 2 == 0, "`levels` (" + levels + ") must be even, so that delta = p / (2 (p - 1)) "
                        + "is a whole number of grid steps and every level can move")
                .atMost("r (k + 1) rows", (long) r * (k + 1), Integer.MAX_VALUE).check();
        RandomGenerator random = new Well19937c(seed);
        int jump = levels / 2;
        double[][] rows = new double[r * (k + 1)][];
        for (int t = 0; t < r; t++) {
            int[] level = new int[k];
            for (int i = 0; i < k; i++) {
                level[i] = random.nextInt(levels);
            }
            int[] order = permutation(k, random);
            int first = t * (k + 1);
            rows[first] = onGrid(level, levels);
            for (int step = 0; step < k; step++) {
                int i = order[step];
                level[i] += level[i] < jump ? jump : -jump;
                rows[first + 1 + step] = onGrid(level, levels);
            }
        }
        return rows;
    }

    /** The Morris step p / (2 (p - 1)) for p grid levels, e.g. 2/3 for p = 4. */
    public static double morrisDelta(int levels) {
        return levels / (2.0 * (levels - 1));
    }

    private static double[] onGrid(int[] level, int levels) {
        double[] x = new double[level.length];
        for (int i = 0; i < level.length; i++) {
            x[i] = level[i] / (double) (levels - 1);
        }
        return x;
    }

    private static int[] permutation(int n, RandomGenerator random) {
        int[] p = MathArrays.natural(n);
        MathArrays.shuffle(p, random);
        return p;
    }
}
