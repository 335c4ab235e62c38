package marketsim.results.calibration;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import marketsim.results.Csv;
import marketsim.results.experiment.Outcome;

/**
 * A calibration's targets file, read: the parameters to fit, each within [min, max], and the
 * outcome moments to match. A target is a point or a range of an {@link Outcome} (its value over
 * the summary window), with a weight w and a scale s, the distance that counts as one unit of
 * misfit. A simulated mean m misfits by {@code w (d / s)^2}, where d is the distance from m to the
 * point, or to the nearest end of the range (0 inside it); a candidate's loss is the sum over the
 * targets: the method of simulated moments with a diagonal weighting matrix (McFadden 1989;
 * Gourieroux and Monfort, Simulation-Based Econometric Methods, 1996).
 *
 * @param file        the file as named on the command line
 * @param text        its contents, kept with the results
 * @param description what the targets stand for (optional; empty if absent)
 */
public record Targets(String file, String text, String description, List<Parameter> parameters, List<Target> targets) {

    /**
     * A parameter to fit: its path (as in {@code --set}) and range; {@code where} holds the line and
     * column of each of its keys ("" for the element itself), for messages.
     */
    public record Parameter(String path, double min, double max, Map<String, String> where) {
        /** Where {@code key} of this parameter stands in the file, else where the parameter does. */
        public String at(String key) {
            return where.getOrDefault(key, where.getOrDefault("", ""));
        }
    }

    /**
     * A point ({@code low == high}) or a range of an outcome, with its weight and scale; {@code where}
     * its outcome stands in the file.
     */
    public record Target(Outcome outcome, double low, double high, double weight, double scale, String where) {
        public boolean isRange() {
            return high > low;
        }

        /** Distance from {@code mean} to the point, or to the range (0 inside it). */
        public double distance(double mean) {
            return mean < low ? low - mean : mean > high ? mean - high : 0;
        }

        /** {@code w (d / s)^2}. */
        public double misfit(double mean) {
            double units = distance(mean) / scale;
            return weight * units * units;
        }

        /** "0.3" or "[0.4, 0.55]". */
        public String label() {
            return isRange() ? "[" + Csv.number(low) + ", " + Csv.number(high) + "]" : Csv.number(low);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s %s", outcome.label(), label());
        }
    }
}
