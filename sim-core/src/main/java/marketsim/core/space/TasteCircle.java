package marketsim.core.space;

/**
 * Arithmetic on the taste circle of circumference 1 (Salop 1979), where consumer {@code i}'s
 * taste {@code tau_i} and firm {@code j}'s product {@code x_j} sit, both in [0,1). The one place
 * circular distance is computed: consumers' utilities and the platform's ranking must agree on it.
 */
public final class TasteCircle {
    private TasteCircle() {
    }

    /** {@code d(a, b) = min(|a - b|, 1 - |a - b|)}, in [0, 0.5], for points in [0,1). */
    public static double distance(double a, double b) {
        double d = Math.abs(a - b);
        return Math.min(d, 1 - d);
    }

    /** The point {@code x mod 1}, in [0,1): a walk around the circle comes back where it started. */
    public static double wrap(double x) {
        return x - Math.floor(x);
    }

    /**
     * The signed step from {@code from} to {@code to} the shorter way round, in [-0.5, 0.5]
     * (positive: the direction of increasing position).
     */
    public static double shortestStep(double from, double to) {
        double gap = to - from;
        return gap - Math.rint(gap);
    }
}
