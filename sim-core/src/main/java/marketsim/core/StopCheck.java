package marketsim.core;

import java.util.List;

import marketsim.core.config.MarketConfig;
import marketsim.core.config.StopRule;
import marketsim.core.metrics.Entity;
import marketsim.core.metrics.EntityType;
import marketsim.core.metrics.Metric;
import marketsim.core.metrics.RunRecord;

/**
 * Tests a scenario's stop conditions ({@link StopRule}) on the tick just recorded: each operand's metric of that
 * tick alone, as timeseries.csv has it. Entities and metrics are resolved once, when the run starts; a tick costs
 * the few metrics the conditions name. A missing value (NaN, e.g. a margin without sales) satisfies no comparison.
 */
final class StopCheck {
    private final StopRule rule;
    private final double discountRate;
    /** [condition][comparison][side]: the entity index (-1 for a number) and the metric. */
    private final int[][][] entity;
    private final Metric[][][] metric;

    StopCheck(MarketConfig config, List<Entity> entities) {
        this.rule = config.stop();
        this.discountRate = config.discountRatePerTick();
        List<StopRule.Condition> conditions = rule.conditions();
        entity = new int[conditions.size()][][];
        metric = new Metric[conditions.size()][][];
        for (int c = 0; c < conditions.size(); c++) {
            List<StopRule.Comparison> comparisons = conditions.get(c).comparisons();
            entity[c] = new int[comparisons.size()][2];
            metric[c] = new Metric[comparisons.size()][2];
            for (int k = 0; k < comparisons.size(); k++) {
                StopRule.Comparison cmp = comparisons.get(k);
                for (int side = 0; side < 2; side++) {
                    StopRule.Operand o = side == 0 ? cmp.left() : cmp.right();
                    entity[c][k][side] = o.isNumber() ? -1 : index(entities, o.entity());
                    metric[c][k][side] = o.isNumber() ? null : metric(o.metric());
                }
            }
        }
    }

    /** The index of the condition that holds at {@code tick} (0-based, just recorded), or -1. */
    int test(RunRecord record, int tick) {
        if (!rule.active() || tick + 1 < rule.from()) {
            return -1;
        }
        double[][] vectors = record.entityVectors(tick);
        double[] market = vectors[vectors.length - 1];
        List<Entity> entities = record.entities();
        for (int c = 0; c < entity.length; c++) {
            boolean holds = true;
            List<StopRule.Comparison> comparisons = rule.conditions().get(c).comparisons();
            for (int k = 0; k < comparisons.size() && holds; k++) {
                double[] side = new double[2];
                for (int s = 0; s < 2; s++) {
                    StopRule.Operand o = s == 0 ? comparisons.get(k).left() : comparisons.get(k).right();
                    int e = entity[c][k][s];
                    side[s] = e < 0 ? o.number()
                            : metric[c][k][s].value(entities.get(e).type(), vectors[e], market, discountRate);
                }
                holds = comparisons.get(k).holds(side[0], side[1]);
            }
            if (holds) {
                return c;
            }
        }
        return -1;
    }

    /** The entity named {@code name}: an archetype, the platform, the store or the market before a firm so named. */
    static int index(List<Entity> entities, String name) {
        int found = -1;
        for (int e = 0; e < entities.size(); e++) {
            if (entities.get(e).name().equals(name) && (found < 0
                    || entities.get(found).type() == EntityType.FIRM || entities.get(found).type() == EntityType.POOL)) {
                found = e;
            }
        }
        if (found < 0) {
            throw new IllegalArgumentException("stop condition: no entity '" + name + "' in this market");
        }
        return found;
    }

    private static Metric metric(String key) {
        for (Metric m : Metric.values()) {
            if (m.key().equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("stop condition: no metric '" + key + "'");
    }
}
