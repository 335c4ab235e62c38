package marketsim.results.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import marketsim.results.sensitivity.Designs;

/**
 * A design of experiments: which points of the factors' space a sweep runs.
 * <ul>
 * <li>{@code grid}: every combination of the factors' levels (full factorial).</li>
 * <li>{@code lhs}: a Latin hypercube of {@code samples} points: each factor's range cut into
 *     {@code samples} strata, each hit once; the design for response surfaces and scenario
 *     discovery.</li>
 * <li>{@code sobol}: Saltelli's scheme on a Sobol quasi-random sequence, {@code samples} base
 *     points giving {@code samples x (k + 2)} runs; first-order and total Sobol indices.</li>
 * <li>{@code morris}: {@code samples} random one-at-a-time trajectories on a grid of
 *     {@code levels} levels, {@code samples x (k + 1)} points; elementary effects (mu*, sigma),
 *     the cheap screening design.</li>
 * </ul>
 */
public enum Design {
    GRID, LHS, SOBOL, MORRIS;

    /** The name on the command line and in files. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Design parse(String text) {
        for (Design d : values()) {
            if (d.key().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a design; choose grid, lhs, sobol or morris");
    }

    /** Whether the design samples coordinates in [0, 1] (all but the grid). */
    public boolean sampled() {
        return this != GRID;
    }

    /** How many points the design has for k factors. */
    public long points(List<Factor> factors, int samples) {
        int k = factors.size();
        return switch (this) {
            case GRID -> factors.stream().mapToLong(f -> f.levels().size()).reduce(1, Math::multiplyExact);
            case LHS -> samples;
            case SOBOL -> (long) samples * (k + 2);
            case MORRIS -> (long) samples * (k + 1);
        };
    }

    /**
     * The unit coordinates of each point, one row per point, in run order: for a grid, each
     * factor's level index scaled so {@link Factor#valueAt} returns that level.
     */
    public double[][] coordinates(List<Factor> factors, int samples, int levels, long seed) {
        int k = factors.size();
        return switch (this) {
            case GRID -> grid(factors);
            case LHS -> Designs.latinHypercube(samples, k, seed);
            case SOBOL -> Designs.saltelli(samples, k);
            case MORRIS -> Designs.morris(samples, k, levels, seed);
        };
    }

    /** The grid's level combinations, the first factor varying slowest, each level at its stratum's centre. */
    private static double[][] grid(List<Factor> factors) {
        List<double[]> rows = new ArrayList<>();
        rows.add(new double[0]);
        for (Factor f : factors) {
            if (f.continuous()) {
                throw new IllegalArgumentException("--vary " + f.path() + ": a grid needs levels; give "
                        + "from:to:step or a,b,c (from:to is for --design lhs, sobol or morris)");
            }
            int m = f.levels().size();
            List<double[]> next = new ArrayList<>();
            for (double[] row : rows) {
                for (int level = 0; level < m; level++) {
                    double[] longer = java.util.Arrays.copyOf(row, row.length + 1);
                    longer[row.length] = (level + 0.5) / m;
                    next.add(longer);
                }
            }
            rows = next;
        }
        return rows.toArray(double[][]::new);
    }
}
