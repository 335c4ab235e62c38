package marketsim.scenario;

import java.util.List;
import java.util.Locale;

/**
 * One parameter of the scenario format: its key, type, unit, default and valid range, what it
 * means, and where its form or default comes from. The reader checks values against it and
 * docs/ODD.md's parameter tables are generated from it, so the two cannot drift apart.
 *
 * @param source a short citation for the parameter's form or default (a paper, "essay 001
 *               (Seddon)", a section of MODEL.md), or empty when there is none; set with
 *               {@link #withSource}
 */
public record Param(String key, Type type, String unit, Object defaultValue, double min,
                    double max, List<String> choices, String description, String source) {

    public enum Type { NUMBER, INTEGER, BOOLEAN, TEXT, CHOICE, DISTRIBUTION }

    public Param {
        source = source == null ? "" : source.strip();
    }

    private Param(String key, Type type, String unit, Object defaultValue, double min, double max,
                  List<String> choices, String description) {
        this(key, type, unit, defaultValue, min, max, choices, description, "");
    }

    /** The same parameter, citing {@code citation} for its form or default. */
    public Param withSource(String citation) {
        return new Param(key, type, unit, defaultValue, min, max, choices, description, citation);
    }

    public static Param number(String key, String unit, double def, double min, double max, String description) {
        return new Param(key, Type.NUMBER, unit, def, min, max, List.of(), description);
    }

    public static Param integer(String key, String unit, long def, long min, long max, String description) {
        return new Param(key, Type.INTEGER, unit, def, min, max, List.of(), description);
    }

    public static Param bool(String key, boolean def, String description) {
        return new Param(key, Type.BOOLEAN, "", def, 0, 1, List.of(), description);
    }

    public static Param text(String key, String def, String description) {
        return new Param(key, Type.TEXT, "", def, 0, 0, List.of(), description);
    }

    public static Param choice(String key, String def, List<String> choices, String description) {
        return new Param(key, Type.CHOICE, "", def, 0, 0, List.copyOf(choices), description);
    }

    /** A consumer trait: a number (every consumer the same) or a distribution, clipped to the range. */
    public static Param distribution(String key, String unit, Object def, double min, double max,
                                     String description) {
        return new Param(key, Type.DISTRIBUTION, unit, def, min, max, List.of(), description);
    }

    /** The range as text, for messages and docs. */
    public String range() {
        return switch (type) {
            case INTEGER -> min <= Long.MIN_VALUE ? "any whole number" : "[" + format(min) + ", " + format(max) + "]";
            case NUMBER, DISTRIBUTION -> "[" + format(min) + ", " + format(max) + "]";
            case BOOLEAN -> "true | false";
            case TEXT -> "text";
            case CHOICE -> String.join(" | ", choices);
        };
    }

    public String defaultText() {
        if (defaultValue instanceof Double d) {
            return format(d);
        }
        return String.valueOf(defaultValue);
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
