package marketsim.results.replication;

import marketsim.format.Estimate;

/**
 * Running mean and variance of many cells at once (a cell per tick, entity and metric, say), fed
 * one value at a time, NaN values left out: the replications' values need not be kept. Each cell
 * holds {@code n}, the mean {@code m1} and the sum of squared deviations {@code m2}, updated by
 * Welford's recurrence exactly as Commons Math's {@code SecondMoment} does it (which is what
 * {@link Estimate#of(double[])} uses):
 * {@code dev = x - m1; m1 += dev / n; m2 += (n - 1) dev (dev / n)}. So values added in the order
 * {@code Estimate.of} would read them give its estimate to the last bit (MomentsTest checks it):
 * the results files stay byte-identical whether they are computed from kept values or from a stream.
 */
public final class Moments {
    private final long[] n;
    private final double[] m1;
    private final double[] m2;

    public Moments(int cells) {
        n = new long[cells];
        m1 = new double[cells];
        m2 = new double[cells];
    }

    /** Adds {@code x} to {@code cell} (a NaN is left out, as {@link Estimate#of(double[])} leaves it out). */
    public void add(int cell, double x) {
        if (Double.isNaN(x)) {
            return;
        }
        long count = ++n[cell];
        double dev = x - m1[cell];
        double nDev = dev / count;
        m1[cell] += nDev;
        m2[cell] += ((double) count - 1) * dev * nDev;
    }

    /** The cell's estimate: what {@link Estimate#of(double[])} gives for the values added, in that order. */
    public Estimate estimate(int cell) {
        long count = n[cell];
        if (count == 0) {
            return new Estimate(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        if (count == 1) {
            return new Estimate(m1[cell], Double.NaN, Double.NaN, 1);
        }
        double sd = Math.sqrt(m2[cell] / (count - 1d));
        return new Estimate(m1[cell], sd, Estimate.tQuantile(count - 1) * sd / Math.sqrt(count), count);
    }

    public int cells() {
        return n.length;
    }
}
