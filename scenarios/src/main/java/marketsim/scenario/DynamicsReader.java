package marketsim.scenario;

import marketsim.core.config.DynamicsConfig;
import marketsim.core.config.WordOfMouthConfig;

/**
 * Reads what changes a market over time besides prices: {@code word_of_mouth:} (the network and
 * its talk) and {@code dynamics:} (taste drift and trend, teaching, customer dominance, firms' adaptation).
 */
final class DynamicsReader {
    private DynamicsReader() {
    }

    static WordOfMouthConfig wordOfMouth(Node node) {
        WordOfMouthConfig config = new WordOfMouthConfig(node.number(Params.TALK_RATE), node.number(Params.ATTITUDE),
                (int) node.integer(Params.MEAN_DEGREE) / 2 * 2, node.number(Params.REWIRING));
        node.finish();
        return config;
    }

    static DynamicsConfig dynamics(Node node) {
        double drift = node.number(Params.TASTE_DRIFT);
        double innovationCost = node.number(Params.INNOVATION_COST);
        Node tr = node.object("taste_trend");
        var trend = new DynamicsConfig.TasteTrend(tr.number(Params.TREND_SPEED), (int) tr.integer(Params.TREND_START),
                (int) tr.integer(Params.TREND_DURATION));
        tr.finish();
        Node t = node.object("teaching");
        var teaching = new DynamicsConfig.Teaching(t.number(Params.TEACHING_STEP), t.number(Params.TEACHING_DECAY),
                t.number(Params.PRICE_SHIFT), t.number(Params.QUALITY_SHIFT), t.number(Params.RELATIONSHIP_SHIFT),
                t.number(Params.SPILLOVER), t.number(Params.AUDIENCE_SHARE), t.number(Params.ATTRIBUTE_WEIGHT));
        t.finish();
        Node d = node.object("customer_dominance");
        var dominance = new DynamicsConfig.CustomerDominance(d.bool(Params.DOMINANCE), d.number(Params.SWITCHING_FACTOR),
                d.number(Params.SEARCH_AWARENESS), d.number(Params.EXAMINATION_FACTOR), d.number(Params.TALK_FACTOR));
        d.finish();
        Node a = node.object("adaptation");
        var adaptation = new DynamicsConfig.Adaptation(Math.max(1, (int) a.integer(Params.REVIEW_EVERY)),
                a.number(Params.MARKUP_STEP), a.number(Params.IMITATION_RATE), (int) a.integer(Params.EXIT_AFTER),
                a.number(Params.PRICE_ADJUSTMENT));
        a.finish();
        node.finish();
        return new DynamicsConfig(drift, trend, teaching, Math.max(1e-9, innovationCost), dominance, adaptation);
    }
}
