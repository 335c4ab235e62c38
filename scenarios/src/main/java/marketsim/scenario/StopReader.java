package marketsim.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import marketsim.core.config.MarketConfig;
import marketsim.core.config.StopRule;
import marketsim.core.metrics.Entity;
import marketsim.core.metrics.Metric;
import marketsim.core.metrics.RunRecord;
import marketsim.scenario.input.Problem;
import marketsim.scenario.input.Suggestions;

/**
 * Reads a scenario's {@code stop:} (ODD 7.12): {@code when}, a condition or a list of them in the syntax of a
 * sweep's {@code --discover} ({@code platform.members < 0.05}, comparisons of {@code ENTITY.METRIC} with numbers
 * or each other joined by {@code and}), and {@code from}, the first tick they are tested. Each condition's
 * problems are placed at its line; whether its entities exist is checked against the market once it is built.
 */
final class StopReader {
    private static final Pattern COMPARISON = Pattern.compile("\\s*(\\S+)\\s*(<=|>=|<|>)\\s*(\\S+)\\s*");
    private static final String SHAPE = "must look like ENTITY.METRIC < NUMBER or ENTITY.METRIC > ENTITY.METRIC "
            + "(operators < <= > >=, joined by 'and'), e.g. platform.members < 0.05";

    private StopReader() {
    }

    /** The rule under {@code node} (the scenario's {@code stop:}); problems go to the node's list. */
    static StopRule read(Node node) {
        JsonNode when = node.raw(Params.STOP_WHEN.key());
        int from = (int) node.integer(Params.STOP_FROM);
        List<StopRule.Condition> conditions = new ArrayList<>();
        String at = node.child(Params.STOP_WHEN.key());
        if (when == null) {
            node.problem(at, "missing: the conditions that end a run, e.g. when: \"platform.members < 0.05\"");
        } else if (when.isTextual()) {
            add(node, at, where(node, node.json(), Params.STOP_WHEN.key()), when.asText(), conditions);
        } else if (when.isArray() && !when.isEmpty()) {
            for (int k = 0; k < when.size(); k++) {
                JsonNode c = when.get(k);
                String place = where(node, when, k);
                if (!c.isTextual()) {
                    node.problems().add(new Problem(at + "[" + k + "]", "must be a condition (text), got "
                            + Node.show(c), place));
                } else {
                    add(node, at + "[" + k + "]", place, c.asText(), conditions);
                }
            }
        } else {
            node.problems().add(new Problem(at, "must be a condition or a list of them, any one of which ends the "
                    + "run, got " + Node.show(when), where(node, node.json(), Params.STOP_WHEN.key())));
        }
        node.finish();
        return new StopRule(conditions, Math.max(1, from));
    }

    private static String where(Node node, JsonNode parent, Object key) {
        return node.locations() == null ? "" : node.locations().of(parent, key);
    }

    private static void add(Node node, String path, String place, String text, List<StopRule.Condition> into) {
        List<StopRule.Comparison> comparisons = new ArrayList<>();
        boolean named = false;
        for (String part : text.strip().split("(?i)\\s+and\\s+")) {
            Matcher m = COMPARISON.matcher(part);
            if (!m.matches()) {
                node.problems().add(new Problem(path, "'" + part.strip() + "' " + SHAPE, place));
                return;
            }
            StopRule.Operand left = operand(node, path, place, m.group(1));
            StopRule.Operand right = operand(node, path, place, m.group(3));
            if (left == null || right == null) {
                return;
            }
            named |= !left.isNumber() || !right.isNumber();
            comparisons.add(new StopRule.Comparison(left, m.group(2), right));
        }
        if (!named) {
            node.problems().add(new Problem(path, "'" + text.strip() + "' compares only numbers; name a metric, e.g. "
                    + "platform.members < 0.05 (shares are fractions: 0.05 is 5%)", place));
            return;
        }
        into.add(new StopRule.Condition(text.strip(), comparisons));
    }

    private static StopRule.Operand operand(Node node, String path, String place, String text) {
        try {
            double x = Double.parseDouble(text);
            if (Double.isFinite(x)) {
                return StopRule.Operand.of(x);
            }
        } catch (NumberFormatException e) {
            // an ENTITY.METRIC
        }
        int dot = text.lastIndexOf('.');
        String key = dot < 0 ? "" : text.substring(dot + 1);
        List<String> keys = Arrays.stream(Metric.values()).map(Metric::key).toList();
        if (dot <= 0 || !keys.contains(key)) {
            node.problems().add(new Problem(path, "'" + text + "': " + (dot <= 0 ? "must be a number or ENTITY.METRIC, "
                    + "e.g. platform.members" : "no metric '" + key + "'" + Suggestions.didYouMean(key, keys)
                    + " (docs/RESULTS.md lists them)"), place));
            return null;
        }
        return new StopRule.Operand(text.substring(0, dot), key, Double.NaN);
    }

    /**
     * Problems with the entities the conditions name, in the market {@code config} builds: each must be a firm,
     * seller pool, archetype, platform, store or market there, with the metric applying to it.
     */
    static List<Problem> checkEntities(MarketConfig config, String path) {
        List<Problem> out = new ArrayList<>();
        List<Entity> entities = new RunRecord(config).entities();
        List<String> names = entities.stream().map(Entity::name).distinct().toList();
        for (StopRule.Condition c : config.stop().conditions()) {
            for (StopRule.Comparison cmp : c.comparisons()) {
                for (StopRule.Operand o : List.of(cmp.left(), cmp.right())) {
                    if (!o.isNumber() && !names.contains(o.entity())) {
                        out.add(new Problem(path, "'" + c.text() + "': no entity '" + o.entity() + "' in this market"
                                + Suggestions.didYouMean(o.entity(), names) + "; there are " + String.join(", ", names)));
                    }
                }
            }
        }
        return out;
    }
}
