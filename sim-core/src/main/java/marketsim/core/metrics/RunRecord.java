package marketsim.core.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import marketsim.core.config.Archetype;
import marketsim.core.config.FirmConfig;

/**
 * Everything one replication recorded: per tick, each firm's {@link Field} vector and the
 * market-only fields. Entities are the firms (in scenario order), then each archetype present
 * (in {@link Archetype} order), then the market; their vectors are built by aggregation.
 */
public final class RunRecord {
    private final List<FirmConfig> firms;
    private final double[][][] firmTicks;
    private final double[][] marketTicks;
    private final List<Entity> entities = new ArrayList<>();
    private final Map<Archetype, List<Integer>> firmsByArchetype = new LinkedHashMap<>();
    private int recorded;

    public RunRecord(List<FirmConfig> firms, int horizon) {
        this.firms = List.copyOf(firms);
        firmTicks = new double[horizon][][];
        marketTicks = new double[horizon][];
        for (FirmConfig firm : firms) {
            entities.add(new Entity(EntityType.FIRM, firm.name(), firm.archetype().key()));
        }
        for (Archetype archetype : Archetype.values()) {
            List<Integer> members = new ArrayList<>();
            for (int j = 0; j < firms.size(); j++) {
                if (firms.get(j).archetype() == archetype) {
                    members.add(j);
                }
            }
            if (!members.isEmpty()) {
                firmsByArchetype.put(archetype, members);
                entities.add(new Entity(EntityType.ARCHETYPE, archetype.key(), archetype.key()));
            }
        }
        entities.add(new Entity(EntityType.MARKET, "market", ""));
    }

    /** Stores tick {@code tick}'s vectors (copied). Ticks are recorded in order. */
    public void record(int tick, double[][] firmVectors, double[] marketOnly) {
        if (tick != recorded) {
            throw new IllegalStateException("tick " + tick + " recorded out of order");
        }
        double[][] copy = new double[firmVectors.length][];
        for (int j = 0; j < firmVectors.length; j++) {
            copy[j] = firmVectors[j].clone();
        }
        firmTicks[tick] = copy;
        marketTicks[tick] = marketOnly.clone();
        recorded++;
    }

    public int ticksRecorded() {
        return recorded;
    }

    public List<Entity> entities() {
        return List.copyOf(entities);
    }

    public List<FirmConfig> firms() {
        return firms;
    }

    /** Aggregated vectors of every entity at one tick, in {@link #entities()} order. */
    public double[][] entityVectors(int tick) {
        return window(tick, tick + 1);
    }

    /**
     * Aggregated vectors of every entity over ticks {@code [from, to)}: flows summed, stocks at
     * tick {@code to - 1}.
     */
    public double[][] window(int from, int to) {
        if (from < 0 || to > recorded || from >= to) {
            throw new IllegalArgumentException("window [" + from + "," + to + ") outside 0.." + recorded);
        }
        int n = firms.size();
        double[][] firmVectors = new double[n][Field.COUNT];
        double[] marketOnly = new double[Field.COUNT];
        for (int t = from; t < to; t++) {
            boolean last = t == to - 1;
            for (int j = 0; j < n; j++) {
                accumulate(firmVectors[j], firmTicks[t][j], last);
            }
            accumulate(marketOnly, marketTicks[t], last);
        }
        return aggregate(firmVectors, marketOnly);
    }

    private static void accumulate(double[] into, double[] tick, boolean last) {
        for (Field f : Field.values()) {
            int k = f.ordinal();
            if (f.kind() == Field.Kind.FLOW) {
                into[k] += tick[k];
            } else if (last) {
                into[k] = tick[k];
            }
        }
    }

    private double[][] aggregate(double[][] firmVectors, double[] marketOnly) {
        double[][] out = new double[entities.size()][];
        int row = 0;
        for (double[] v : firmVectors) {
            out[row++] = v;
        }
        for (List<Integer> members : firmsByArchetype.values()) {
            double[] sum = new double[Field.COUNT];
            for (int j : members) {
                add(sum, firmVectors[j]);
            }
            out[row++] = sum;
        }
        double[] market = marketOnly.clone();
        for (double[] v : firmVectors) {
            add(market, v);
        }
        double units = market[Field.UNITS.ordinal()];
        double squares = 0;
        for (double[] v : firmVectors) {
            double share = units == 0 ? 0 : v[Field.UNITS.ordinal()] / units;
            squares += share * share;
        }
        market[Field.SQUARED_UNIT_SHARES.ordinal()] = squares;
        out[row] = market;
        return out;
    }

    private static void add(double[] into, double[] v) {
        for (int k = 0; k < Field.COUNT; k++) {
            into[k] += v[k];
        }
    }
}
