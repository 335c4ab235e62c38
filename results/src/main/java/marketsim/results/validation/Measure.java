package marketsim.results.validation;

import marketsim.core.metrics.Field;
import marketsim.core.metrics.RunRecord;

/** What the checks read from runs: shares of purchase occasions, prices, and means across replications. */
final class Measure {
    private Measure() {
    }

    /** Shares of occasions over the whole run: each firm's, then the outside option's (last). */
    static double[] shares(RunRecord run, int firms) {
        double[][] total = run.window(0, run.ticksRecorded());
        double[] market = total[total.length - 1];
        double occasions = market[Field.OCCASIONS.ordinal()];
        double[] s = new double[firms + 1];
        for (int j = 0; j < firms; j++) {
            s[j] = total[j][Field.UNITS.ordinal()] / occasions;
        }
        s[firms] = market[Field.OUTSIDE_CHOICES.ordinal()] / occasions;
        return s;
    }

    /** Firm {@code j}'s units through one channel ({@code field}: DIRECT_UNITS, PLATFORM_UNITS) as a share of occasions. */
    static double channelShare(RunRecord run, int j, Field field) {
        double[][] total = run.window(0, run.ticksRecorded());
        return total[j][field.ordinal()] / total[total.length - 1][Field.OCCASIONS.ordinal()];
    }

    /** Consumer surplus per occasion over the whole run (money). */
    static double surplusPerOccasion(RunRecord run) {
        double[][] total = run.window(0, run.ticksRecorded());
        double[] market = total[total.length - 1];
        return market[Field.CONSUMER_SURPLUS.ordinal()] / market[Field.OCCASIONS.ordinal()];
    }

    /** Shares of occasions pooled over replications: each firm's, then the outside option's (last). */
    static double[] pooledShares(RunRecord[] runs, int firms) {
        double[] units = new double[firms + 1];
        double occasions = 0;
        for (RunRecord run : runs) {
            double[] s = shares(run, firms);
            double n = occasions(run);
            for (int j = 0; j < s.length; j++) {
                units[j] += s[j] * n;
            }
            occasions += n;
        }
        for (int j = 0; j < units.length; j++) {
            units[j] /= occasions;
        }
        return units;
    }

    /** Occasions pooled over replications. */
    static double occasions(RunRecord[] runs) {
        double n = 0;
        for (RunRecord run : runs) {
            n += occasions(run);
        }
        return n;
    }

    static double occasions(RunRecord run) {
        double[][] total = run.window(0, run.ticksRecorded());
        return total[total.length - 1][Field.OCCASIONS.ordinal()];
    }

    /** Mean price firm {@code j} was paid in the last tick. */
    static double lastPrice(RunRecord run, int j) {
        double[] firm = run.entityVectors(run.ticksRecorded() - 1)[j];
        return firm[Field.REVENUE.ordinal()] / firm[Field.UNITS.ordinal()];
    }

    /** Binomial variance of a share estimated from {@code n} occasions. */
    static double variance(double share, double n) {
        return share * (1 - share) / n;
    }
}
