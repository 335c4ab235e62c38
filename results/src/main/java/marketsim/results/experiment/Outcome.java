package marketsim.results.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import marketsim.core.metrics.Entity;
import marketsim.core.metrics.EntityType;
import marketsim.core.metrics.Metric;
import marketsim.scenario.input.Suggestions;

/**
 * One number a run produces, named {@code ENTITY.METRIC}: an entity of the results files (an
 * archetype such as {@code customer-focused}, {@code platform}, {@code store}, {@code market},
 * a firm or a seller pool) and a metric key of docs/RESULTS.md, e.g.
 * {@code customer-focused.net_margin} or {@code platform.platform_fee_revenue}. Its value is the
 * metric over the summary window, as in summary.csv. Sensitivity analysis, scenario discovery
 * and calibration all name their outcomes this way.
 */
public record Outcome(String entity, Metric metric) {

    /** Parses {@code ENTITY.METRIC} (split at the last dot); throws with the choices on a bad name. */
    public static Outcome parse(String text) {
        String t = text.strip();
        int dot = t.lastIndexOf('.');
        if (dot <= 0 || dot == t.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' must look like ENTITY.METRIC, e.g. "
                    + "customer-focused.net_margin or platform.platform_fee_revenue");
        }
        String key = t.substring(dot + 1);
        Metric metric = Arrays.stream(Metric.values()).filter(m -> m.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "': no metric '" + key + "'"
                        + Suggestions.didYouMean(key, Arrays.stream(Metric.values()).map(Metric::key).toList())
                        + "; metrics are listed in docs/RESULTS.md, e.g. unit_share, net_margin, retention, "
                        + "platform_fee_revenue"));
        return new Outcome(t.substring(0, dot), metric);
    }

    /** The text form, {@code ENTITY.METRIC}. */
    public String label() {
        return entity + "." + metric.key();
    }

    /**
     * The index of this outcome's entity among {@code entities}; an archetype, the platform, the
     * store or the market wins over a firm of the same name. Throws, naming the entities there
     * are, if there is none or the metric does not apply to it.
     */
    public int indexIn(List<Entity> entities) {
        int found = -1;
        for (int e = 0; e < entities.size(); e++) {
            Entity candidate = entities.get(e);
            if (candidate.name().equals(entity)
                    && (found < 0 || isAggregate(candidate.type()) && !isAggregate(entities.get(found).type()))) {
                found = e;
            }
        }
        if (found < 0) {
            Set<String> names = new LinkedHashSet<>();
            for (Entity e : entities) {
                names.add(e.name());
            }
            throw new IllegalArgumentException("'" + label() + "': this scenario has no entity '" + entity
                    + "'" + Suggestions.didYouMean(entity, names) + "; it has " + String.join(", ", names));
        }
        EntityType type = entities.get(found).type();
        if (!metric.scope().includes(type)) {
            throw new IllegalArgumentException("'" + label() + "': " + metric.key() + " does not apply to a "
                    + type.key() + " (" + metric.description() + ")");
        }
        return found;
    }

    /** This outcome's value from one run's summary values [entity][metric]. */
    public double valueIn(List<Entity> entities, double[][] values) {
        return values[indexIn(entities)][metric.ordinal()];
    }

    /** Parses each text; the messages name the text that failed. */
    public static List<Outcome> parseAll(List<String> texts) {
        List<Outcome> out = new ArrayList<>();
        for (String t : texts) {
            out.add(parse(t));
        }
        return out;
    }

    private static boolean isAggregate(EntityType type) {
        return type != EntityType.FIRM && type != EntityType.POOL;
    }

    /**
     * Unit share and net margin of each archetype, and the platform's fee revenue if there is one: those present in
     * every one of {@code entitySets} (a sweep's and a comparison's default outcomes).
     */
    public static List<String> defaults(List<List<Entity>> entitySets) {
        List<String> out = new ArrayList<>();
        for (Entity e : entitySets.get(0)) {
            if (!entitySets.stream().allMatch(set -> set.contains(e))) {
                continue;
            }
            if (e.type() == EntityType.ARCHETYPE) {
                out.add(e.name() + "." + Metric.UNIT_SHARE.key());
                out.add(e.name() + "." + Metric.NET_MARGIN.key());
            } else if (e.type() == EntityType.PLATFORM) {
                out.add(e.name() + "." + Metric.PLATFORM_FEE_REVENUE.key());
            }
        }
        return out;
    }
}
