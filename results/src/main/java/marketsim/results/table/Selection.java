package marketsim.results.table;

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
 * The rows a strategist asked for with {@code --entity NAME} and {@code --metric KEY}: every metric of the named
 * entities, one metric of every entity, or the named metrics of the named entities. An entity is a firm, a seller
 * pool, an archetype, {@code platform}, {@code store} or {@code market}, by its name in the results files; a metric
 * is a key of docs/RESULTS.md. Checked against the entities a scenario's run has before anything runs: an unknown
 * name is refused naming the closest one and listing them all.
 *
 * @param rows the (entity index, metric) pairs, entities in results order, metrics in the order asked (or
 *             docs/RESULTS.md's)
 */
public record Selection(List<Row> rows) {
    /** One printed row: an entity (its index among the run's entities) and a metric. */
    public record Row(int entity, Metric metric) {
    }

    /** Whether the user asked for rows at all (else the command prints its usual table). */
    public static boolean asked(List<String> entities, List<String> metrics) {
        return !entities.isEmpty() || !metrics.isEmpty();
    }

    /**
     * The rows named by {@code names} (entities) and {@code keys} (metrics) among {@code entities}; an empty list
     * means all. Throws {@link IllegalArgumentException} with a message for the user on an unknown name, or when no
     * named metric applies to a named entity.
     */
    public static Selection of(List<Entity> entities, List<String> names, List<String> keys) {
        List<Metric> metrics = new ArrayList<>();
        for (String key : keys) {
            metrics.add(metric(key.strip()));
        }
        Set<Integer> chosen = new LinkedHashSet<>();
        for (String name : names) {
            chosen.addAll(entity(entities, name.strip()));
        }
        List<Integer> order = new ArrayList<>();
        for (int e = 0; e < entities.size(); e++) {
            if (names.isEmpty() || chosen.contains(e)) {
                order.add(e);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int e : order) {
            EntityType type = entities.get(e).type();
            for (Metric m : metrics.isEmpty() ? Arrays.asList(Metric.values()) : metrics) {
                if (m.scope().includes(type)) {
                    rows.add(new Row(e, m));
                }
            }
        }
        if (rows.isEmpty()) {
            Metric m = metrics.get(0);
            throw new IllegalArgumentException("--metric " + m.key() + " does not apply to " + String.join(", ", names)
                    + ": it is measured for " + m.scope().describe() + " entities (" + m.description() + ")");
        }
        return new Selection(List.copyOf(rows));
    }

    private static Metric metric(String key) {
        List<String> all = Arrays.stream(Metric.values()).map(Metric::key).toList();
        return Arrays.stream(Metric.values()).filter(m -> m.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--metric " + key + ": no such metric"
                        + Suggestions.didYouMean(key, all) + "; the metrics (docs/RESULTS.md) are "
                        + String.join(", ", all)));
    }

    private static List<Integer> entity(List<Entity> entities, String name) {
        List<Integer> out = new ArrayList<>();
        Set<String> all = new LinkedHashSet<>();
        for (int e = 0; e < entities.size(); e++) {
            all.add(entities.get(e).name());
            if (entities.get(e).name().equals(name)) {
                out.add(e);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("--entity " + name + ": this scenario has no such firm, archetype, "
                    + "platform, store or market" + Suggestions.didYouMean(name, all) + "; it has "
                    + String.join(", ", all));
        }
        return out;
    }
}
