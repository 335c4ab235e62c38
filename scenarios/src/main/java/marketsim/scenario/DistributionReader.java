package marketsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import marketsim.core.config.Distribution;
import marketsim.core.config.TraitSpec;

/**
 * Reads a value that may be drawn from a distribution: a consumer trait of a segment, or a lever
 * of a seller pool. A number is a constant; a mapping {@code {dist: normal, mean: 1, sd: 0.2}}
 * names the family and its parameters ({@link Params#DIST} and the {@code DIST_*} parameters).
 * Draws are clipped to the parameter's range by the sampler.
 */
final class DistributionReader {
    private DistributionReader() {
    }

    /** A number (constant) or {dist: ...} under {@code p.key()}, clipped to {@code p}'s range. */
    static TraitSpec read(Node segment, Param p) {
        String path = segment.child(p.key());
        JsonNode value = segment.json().get(p.key());
        segment.markKnown(p.key());
        if (value == null || value.isNull()) {
            if (p.defaultValue() instanceof Number n) {
                segment.fill(p.key(), Node.json(n));
                return new TraitSpec(new Distribution.Constant(n.doubleValue()), p.min(), p.max());
            }
            ObjectNode uniform = JsonNodeFactory.instance.objectNode()
                    .put(Params.DIST.key(), "uniform").put(Params.DIST_MIN.key(), 0.0).put(Params.DIST_MAX.key(), 1.0);
            segment.fill(p.key(), uniform);
            return new TraitSpec(new Distribution.Uniform(0, 1), p.min(), p.max());
        }
        if (value.isNumber()) {
            double x = value.asDouble();
            if (!(x >= p.min() && x <= p.max())) {
                segment.problem(path, "(" + Node.show(value) + ") must be in " + p.range() + " " + p.unit());
            }
            return new TraitSpec(new Distribution.Constant(x), p.min(), p.max());
        }
        if (!value.isObject()) {
            segment.problem(path, "must be a number or a distribution such as {dist: normal, mean: 1, sd: 0.2}, got "
                    + Node.show(value));
            return new TraitSpec(new Distribution.Constant(0), p.min(), p.max());
        }
        Node d = segment.object(p.key());
        String family = d.choice(Params.DIST);
        Distribution dist = switch (family) {
            case "normal" -> new Distribution.Normal(d.number(Params.DIST_MEAN), Math.max(0, d.number(Params.DIST_SD)));
            case "lognormal" -> new Distribution.LogNormal(Math.max(1e-12, d.number(Params.DIST_MEDIAN)),
                    Math.max(0, d.number(Params.DIST_SIGMA)));
            case "uniform" -> {
                double min = d.number(Params.DIST_MIN);
                double max = d.number(Params.DIST_MAX);
                if (max < min) {
                    d.problem(d.child("max"), "(" + max + ") must be >= min (" + min + ")");
                    max = min;
                }
                yield new Distribution.Uniform(min, max);
            }
            case "beta" -> {
                double a = Math.max(1e-6, d.number(Params.DIST_A));
                double b = Math.max(1e-6, d.number(Params.DIST_B));
                double min = d.number(Params.DIST_MIN);
                double max = d.number(Params.DIST_MAX);
                if (max < min) {
                    d.problem(d.child("max"), "(" + max + ") must be >= min (" + min + ")");
                    max = min;
                }
                yield new Distribution.Beta(a, b, min, max);
            }
            default -> new Distribution.Constant(d.number(Params.DIST_VALUE));
        };
        d.finish();
        return new TraitSpec(dist, p.min(), p.max());
    }
}
