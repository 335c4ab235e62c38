package marketsim.results.sweep;

import java.util.ArrayList;
import java.util.List;
import marketsim.results.Csv;
import marketsim.scenario.Overrides;

/**
 * One varied parameter of a sweep, as given to {@code --vary}: a scenario path and either a
 * list of levels ({@code path=a,b,c}, or {@code path=from:to:step}, inclusive) or a continuous
 * range ({@code path=from:to}). A grid runs every level; the sampling designs (Latin hypercube,
 * Sobol, Morris) map a coordinate {@code u} in [0, 1] to a value: linearly onto a range (for a
 * whole-number parameter, each whole number in the range an equal share), or onto one of the
 * levels, each taking an equal share.
 */
public record Factor(String path, List<String> levels, double from, double to, boolean integer) {
    /** Most levels one factor may have, and most points a grid may have. */
    public static final int MAX_LEVELS = 10_000;

    public Factor {
        levels = List.copyOf(levels);
    }

    /** A continuous range (no levels). */
    public boolean continuous() {
        return levels.isEmpty();
    }

    /** The short name used in labels: the path's last part. */
    public String shortName() {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** The value at coordinate {@code u} in [0, 1], as text for {@code --set}. */
    public String valueAt(double u) {
        double clamped = Math.min(1, Math.max(0, u));
        if (continuous()) {
            if (integer) { // each whole number in [from, to] an equal share of [0, 1]
                double low = Math.ceil(from);
                double count = Math.floor(to) - low + 1;
                return Csv.number(Math.min(low + Math.floor(clamped * count), Math.floor(to)));
            }
            return Csv.number(from + clamped * (to - from));
        }
        return levels.get(Math.min(levels.size() - 1, (int) Math.floor(clamped * levels.size())));
    }

    /** This factor with whole-number sampling of its range. */
    public Factor asInteger() {
        return new Factor(path, levels, from, to, true);
    }

    /** Parses {@code path=from:to:step}, {@code path=a,b,c} or {@code path=from:to}. */
    public static Factor parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' must look like path=from:to:step, path=a,b,c or "
                    + "path=from:to");
        }
        String path = text.substring(0, eq).strip();
        String spec = text.substring(eq + 1).strip();
        String badPath = Overrides.pathProblem(path);
        if (badPath != null) {
            throw new IllegalArgumentException("'" + path + "': " + badPath);
        }
        String[] range = spec.split(":", -1);
        if (range.length == 2) {
            double from = number(spec, range[0]);
            double to = number(spec, range[1]);
            if (!(to > from)) {
                throw new IllegalArgumentException("'" + spec + "': to must be greater than from");
            }
            return new Factor(path, List.of(), from, to, false);
        }
        List<String> values = new ArrayList<>();
        if (range.length == 3) {
            double from = number(spec, range[0]);
            double to = number(spec, range[1]);
            double step = number(spec, range[2]);
            if (!(step > 0) || to < from) {
                throw new IllegalArgumentException("'" + spec + "': step must be > 0 and to >= from");
            }
            long count = Math.round(Math.floor((to - from) / step + 1e-9)) + 1;
            if (count > MAX_LEVELS) {
                throw new IllegalArgumentException("'" + spec + "' gives " + count + " values; at most " + MAX_LEVELS);
            }
            for (long k = 0; k < count; k++) {
                values.add(Csv.number(from + k * step));
            }
        } else if (range.length == 1) {
            for (String v : spec.split(",", -1)) {
                if (v.isBlank()) {
                    throw new IllegalArgumentException("'" + spec + "' has an empty level");
                }
                values.add(v.strip());
            }
        } else {
            throw new IllegalArgumentException("'" + spec + "' must be from:to:step, a,b,c or from:to");
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' gives no values");
        }
        if (new java.util.HashSet<>(values).size() < values.size() || numbersRepeat(values)) {
            throw new IllegalArgumentException("'" + spec + "' gives a level twice");
        }
        return new Factor(path, values, Double.NaN, Double.NaN, false);
    }

    /** Whether two levels are the same number written differently (0.1 and 0.10, 1 and 1.0). */
    private static boolean numbersRepeat(List<String> values) {
        java.util.Set<Double> seen = new java.util.HashSet<>();
        for (String v : values) {
            try {
                if (!seen.add(Double.parseDouble(v))) {
                    return true;
                }
            } catch (NumberFormatException e) {
                // text levels are compared as written
            }
        }
        return false;
    }

    private static double number(String spec, String part) {
        try {
            double x = Double.parseDouble(part.strip());
            if (!Double.isFinite(x)) {
                throw new NumberFormatException();
            }
            return x;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + spec + "': '" + part + "' is not a number");
        }
    }
}
