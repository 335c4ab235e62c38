package marketsim.results.sensitivity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.util.MathArrays;

/**
 * PRIM, the Patient Rule Induction Method (Friedman &amp; Fisher 1999, Statistics and Computing
 * 9:123), peeling only, as used for scenario discovery in the EMA Workbench (Kwakkel 2017,
 * Environ. Model. Softw. 96:239). Starting from the box that holds all n points, each step
 * considers, for every column, removing the points below the alpha-quantile (lower side) or above the (1 - alpha)-quantile (upper side) of
 * the points still in the box, and takes the peel with the largest gain in density per point
 * removed (the Workbench's default "lenient1" objective: the same choice as the largest density
 * when every peel removes alpha of the box, and fair when ties make peels unequal); on equal gain
 * it prefers a peel on a column already restricted. Peeling stops when the best peel would leave
 * a mass below {@code minMass} or would not raise the density. Pasting is not done.
 * <pre>
 *   coverage = interesting points in box / all interesting points
 *   density  = interesting points in box / points in box
 *   mass     = points in box / n
 * </pre>
 * A peel's boundary lies halfway between the quantile's order statistic and the next distinct
 * value inward (the quantile rule of the sdtoolkit and the Workbench), so it never sits on a data
 * value and tied values leave or stay together.
 */
public final class Prim {
    /**
     * A box of the peeling trajectory: per column the bounds (inclusive) of the points it holds,
     * and whether that column was peeled. A column never peeled reports the data minimum and
     * maximum, i.e. it is unrestricted; a peeled side's bound lies strictly inside them.
     */
    public record Box(double[] lower, double[] upper, double coverage, double density, double mass, int points,
                      boolean[] restricted) {
        public Box {
            lower = lower.clone();
            upper = upper.clone();
            restricted = restricted.clone();
        }

        @Override
        public double[] lower() {
            return lower.clone();
        }

        @Override
        public double[] upper() {
            return upper.clone();
        }

        @Override
        public boolean[] restricted() {
            return restricted.clone();
        }

        @Override
        public String toString() {
            return "Box[lower=" + Arrays.toString(lower) + ", upper=" + Arrays.toString(upper) + ", coverage="
                    + coverage + ", density=" + density + ", mass=" + mass + ", points=" + points + ", restricted="
                    + Arrays.toString(restricted) + "]";
        }
    }

    /**
     * The peeling sequence, starting with the full box, and the index of the chosen box: the
     * highest coverage among boxes with density >= the threshold (on equal coverage the denser),
     * or the densest box if none reaches it.
     */
    public record Result(List<Box> trajectory, int chosen) {
        public Result {
            trajectory = List.copyOf(trajectory);
        }

        public Box box() {
            return trajectory.get(chosen);
        }
    }

    /** One candidate peel: the column, its side, the new bound and the points kept. */
    private record Peel(int column, boolean upperSide, double bound, int[] kept, double gain) {
    }

    private final double[][] x;
    private final boolean[] interesting;
    private final int allInteresting;

    private Prim(double[][] x, boolean[] interesting) {
        this.x = x;
        this.interesting = interesting;
        this.allInteresting = count(MathArrays.natural(x.length));
    }

    /**
     * Peels the box of points {@code x} (n rows, k columns, any scale) where {@code interesting}
     * is true, {@code alpha} (e.g. 0.05) of the remaining points at a time, while the mass stays at
     * least {@code minMass}; chooses the box as {@link Result} says, against {@code threshold}.
     */
    public static Result find(double[][] x, boolean[] interesting, double alpha, double minMass, double threshold) {
        validate(x, interesting, alpha, minMass, threshold);
        return new Prim(x, interesting).peel(alpha, minMass, threshold);
    }

    private Result peel(double alpha, double minMass, double threshold) {
        int k = x[0].length;
        double[] lower = new double[k];
        double[] upper = new double[k];
        for (int column = 0; column < k; column++) {
            double[] values = column(MathArrays.natural(x.length), column);
            lower[column] = Arrays.stream(values).min().orElseThrow();
            upper[column] = Arrays.stream(values).max().orElseThrow();
        }
        boolean[] restricted = new boolean[k];
        int[] inside = MathArrays.natural(x.length);
        List<Box> trajectory = new ArrayList<>();
        trajectory.add(box(lower, upper, inside, restricted));
        while (true) {
            Peel best = bestPeel(inside, alpha, restricted);
            if (best == null || best.kept().length < minMass * x.length) {
                break;
            }
            (best.upperSide() ? upper : lower)[best.column()] = best.bound();
            restricted[best.column()] = true;
            inside = best.kept();
            trajectory.add(box(lower, upper, inside, restricted));
        }
        return new Result(trajectory, choose(trajectory, threshold));
    }

    /** The peel with the largest positive gain in density per point removed, or null if none. */
    private Peel bestPeel(int[] inside, double alpha, boolean[] restricted) {
        double density = count(inside) / (double) inside.length;
        Peel best = null;
        for (int column = 0; column < restricted.length; column++) {
            double[] sorted = column(inside, column);
            Arrays.sort(sorted);
            for (boolean upperSide : new boolean[] {false, true}) {
                double bound = upperSide ? upperBound(sorted, alpha) : lowerBound(sorted, alpha);
                int[] kept = keep(inside, column, upperSide, bound);
                int removed = inside.length - kept.length;
                if (removed == 0 || kept.length == 0) {
                    continue;
                }
                double gain = (count(kept) / (double) kept.length - density) / removed;
                Peel candidate = new Peel(column, upperSide, bound, kept, gain);
                if (best == null || gain > best.gain()
                        || gain == best.gain() && restricted[column] && !restricted[best.column()]) {
                    best = candidate;
                }
            }
        }
        return best == null || best.gain() <= 0 ? null : best;
    }

    /** Midway between the alpha-quantile's order statistic and the next larger distinct value. */
    private static double lowerBound(double[] sorted, double alpha) {
        double h = (sorted.length - 1) * alpha;
        int below = (int) Math.floor(h);
        int above = (int) Math.ceil(h);
        while (sorted[below] == sorted[above] && above < sorted.length - 1) {
            above++;
        }
        return (sorted[below] + sorted[above]) / 2;
    }

    /** Midway between the (1 - alpha)-quantile's order statistic and the next smaller distinct value. */
    private static double upperBound(double[] sorted, double alpha) {
        double h = (sorted.length - 1) * (1 - alpha);
        int below = (int) Math.floor(h);
        int above = (int) Math.ceil(h);
        while (sorted[below] == sorted[above] && below > 0) {
            below--;
        }
        return (sorted[below] + sorted[above]) / 2;
    }

    private int[] keep(int[] inside, int column, boolean upperSide, double bound) {
        return Arrays.stream(inside).filter(p -> upperSide ? x[p][column] <= bound : x[p][column] >= bound).toArray();
    }

    private Box box(double[] lower, double[] upper, int[] inside, boolean[] restricted) {
        int hits = count(inside);
        return new Box(lower, upper, hits / (double) allInteresting, hits / (double) inside.length,
                inside.length / (double) x.length, inside.length, restricted);
    }

    private static int choose(List<Box> trajectory, double threshold) {
        int chosen = -1;
        int densest = 0;
        for (int b = 0; b < trajectory.size(); b++) {
            Box box = trajectory.get(b);
            if (box.density() > trajectory.get(densest).density()) {
                densest = b;
            }
            if (box.density() >= threshold && (chosen < 0 || box.coverage() > trajectory.get(chosen).coverage()
                    || box.coverage() == trajectory.get(chosen).coverage()
                    && box.density() > trajectory.get(chosen).density())) {
                chosen = b;
            }
        }
        return chosen < 0 ? densest : chosen;
    }

    private double[] column(int[] points, int column) {
        return Arrays.stream(points).mapToDouble(p -> x[p][column]).toArray();
    }

    private int count(int[] points) {
        return (int) Arrays.stream(points).filter(p -> interesting[p]).count();
    }

    private static void validate(double[][] x, boolean[] interesting, double alpha, double minMass, double threshold) {
        Arguments arguments = new Arguments().fraction("alpha", alpha)
                .require(minMass > 0 && minMass <= 1, "`minMass` (" + minMass + ") must be in (0, 1]")
                .require(threshold >= 0 && threshold <= 1, "`threshold` (" + threshold + ") must be in [0, 1]")
                .require(x != null && interesting != null, "`x` and `interesting` must not be null");
        if (x == null || interesting == null) {
            arguments.check();
        }
        int k = x.length == 0 || x[0] == null ? 0 : x[0].length;
        arguments.atLeast("n = x.length", x.length, 2).atLeast("k = x[0].length", k, 1)
                .require(interesting.length == x.length, "`interesting.length` (" + interesting.length
                        + ") must be n = x.length (" + x.length + ")");
        for (int row = 0; row < x.length && arguments.ok(); row++) {
            arguments.require(x[row] != null && x[row].length == k, "`x[" + row + "]` must have k = " + k + " columns")
                    .require(x[row] == null || Arrays.stream(x[row]).allMatch(Double::isFinite),
                            "`x[" + row + "]` must be finite");
        }
        boolean any = false;
        for (boolean b : interesting) {
            any |= b;
        }
        arguments.require(any, "`interesting` must be true for at least one point: PRIM looks for where they are")
                .check();
    }
}
