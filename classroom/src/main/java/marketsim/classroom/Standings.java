package marketsim.classroom;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import marketsim.core.LiveLever;
import marketsim.core.MarketModel;
import marketsim.core.metrics.Entity;
import marketsim.core.metrics.EntityType;
import marketsim.core.metrics.Field;
import marketsim.core.metrics.Metric;
import marketsim.core.metrics.RunRecord;

/**
 * What a game shows of a seat over some weeks: for a firm its price, units, unit share, revenue, net profit,
 * retention, NPS, customers and where its money went; for the platform its fee revenue, members, GMV and net
 * profit. A round's figures go to the team's page and the results file; the game's so far to the leaderboard.
 */
final class Standings {
    /** The results file's columns, one row per seat and round. */
    static final List<String> COLUMNS = List.of("round", "seat", "name", "price", "units", "unit_share", "revenue",
            "net_profit", "retention", "nps", "customers", "fee_revenue", "members");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Standings() {
    }

    /** {@code seat}'s figures over weeks {@code [from, to)} of {@code model}'s run. */
    static ObjectNode of(MarketModel model, GameSetup.Seat seat, int from, int to) {
        RunRecord record = model.record();
        double[][] window = record.window(from, to);
        List<Entity> entities = record.entities();
        double[] market = null;
        double[] own = null;
        EntityType type = seat.platform() ? EntityType.PLATFORM : EntityType.FIRM;
        for (int e = 0; e < entities.size(); e++) {
            Entity entity = entities.get(e);
            if (entity.type() == EntityType.MARKET) {
                market = window[e];
            } else if (entity.type() == type && (seat.platform() || entity.name().equals(seat.name()))) {
                own = window[e];
            }
        }
        double discount = model.config().discountRatePerTick();
        ObjectNode out = JSON.createObjectNode();
        out.put("seat", seat.index()).put("name", seat.name()).put("archetype", seat.archetype());
        put(out, "net_profit", Metric.NET_PROFIT.value(type, own, market, discount));
        if (seat.platform()) {
            put(out, "fee_revenue", Metric.PLATFORM_FEE_REVENUE.value(type, own, market, discount));
            put(out, "members", Metric.MEMBERS.value(type, own, market, discount));
            put(out, "gmv", Metric.GMV.value(type, own, market, discount));
            put(out, "take_rate", LiveLever.TAKE_RATE.inForce(model, 0));
            put(out, "subsidy", LiveLever.SUBSIDY.inForce(model, 0));
            return out;
        }
        put(out, "price", model.firms().get(seat.firm()).price());
        for (Metric m : new Metric[] {Metric.UNITS, Metric.UNIT_SHARE, Metric.REVENUE, Metric.RETENTION, Metric.NPS,
                Metric.CUSTOMERS}) {
            put(out, m.key(), m.value(type, own, market, discount));
        }
        ObjectNode costs = out.putObject("costs");
        put(costs, "goods", own[Field.COST_OF_GOODS.ordinal()]);
        put(costs, "fees", Metric.INTERMEDIARY_FEES.value(type, own, market, discount));
        for (Metric m : new Metric[] {Metric.FIXED_COSTS, Metric.MARKETING_COSTS, Metric.PERSONALIZATION_COSTS,
                Metric.QUALITY_COSTS, Metric.EDUCATION_COSTS, Metric.SERVICE_COSTS, Metric.INNOVATION_COSTS}) {
            put(costs, m.key().replace("_costs", ""), m.value(type, own, market, discount));
        }
        return out;
    }

    /** A figure, or null where it is not a number (a retention with no returning customers yet). */
    private static void put(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }

    /** A results-file row of {@code figures} for round {@code round}. */
    static String row(int round, ObjectNode figures) {
        StringBuilder b = new StringBuilder();
        b.append(round).append(',').append(figures.get("seat").asInt()).append(',').append(figures.get("name").asText());
        for (String column : COLUMNS.subList(3, COLUMNS.size())) {
            b.append(',');
            if (figures.hasNonNull(column)) {
                b.append(String.format(Locale.ROOT, "%.6g", figures.get(column).asDouble()));
            }
        }
        return b.toString();
    }
}
