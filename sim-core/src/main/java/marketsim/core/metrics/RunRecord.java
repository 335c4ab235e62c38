package marketsim.core.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import marketsim.core.config.Archetype;
import marketsim.core.config.FirmConfig;
import marketsim.core.config.MarketConfig;

/**
 * Everything one replication recorded: per tick, the {@link Field} vector of every entity.
 * Entities are the named firms (in scenario order), the seller pools, each archetype present
 * (in {@link Archetype} order; the hybrid platform's includes its marketplace), the platform,
 * the store and the market. Their vectors are sums of firm and intermediary tallies, built as
 * each tick is recorded, so memory does not grow with the number of pooled sellers. An
 * archetype sums the firms that follow it at that tick, so imitation shows in its firm count.
 */
public final class RunRecord {
    private final List<Entity> entities = new ArrayList<>();
    /** members.get(e): indexes of firms summed into entity e (empty for platform, store, market). */
    private final List<int[]> members = new ArrayList<>();
    /** archetypes.get(e): the archetype whose current followers entity e sums, or null. */
    private final List<Archetype> archetypes = new ArrayList<>();
    private final int platformEntity;
    private final int storeEntity;
    private final int hybridEntity;
    private final double[][][] ticks;
    private int recorded;
    private long setupNanos;
    private long[] phaseNanos = new long[0];
    private long stateBytes;
    /** The stop condition that ended the run before its horizon (its index in the scenario's), or -1. */
    private int stoppedBy = -1;

    public RunRecord(MarketConfig config) {
        List<FirmConfig> firms = config.firms();
        for (int j = 0; j < firms.size(); j++) {
            FirmConfig firm = firms.get(j);
            if (firm.pool() == null) {
                add(new Entity(EntityType.FIRM, firm.name(), firm.archetype().key()), new int[] {j}, null);
            }
        }
        Map<String, List<Integer>> pools = new LinkedHashMap<>();
        for (int j = 0; j < firms.size(); j++) {
            if (firms.get(j).pool() != null) {
                pools.computeIfAbsent(firms.get(j).pool(), k -> new ArrayList<>()).add(j);
            }
        }
        pools.forEach((name, list) -> add(new Entity(EntityType.POOL, name,
                firms.get(list.get(0)).archetype().key()), toArray(list), null));
        boolean imitation = config.dynamics().adaptation().imitationRate() > 0;
        int hybrid = -1;
        for (Archetype archetype : Archetype.values()) {
            boolean present = firms.stream().anyMatch(f -> f.archetype() == archetype)
                    || imitation && archetype != Archetype.HYBRID_PLATFORM && config.archetypes().containsKey(archetype)
                    || archetype == Archetype.HYBRID_PLATFORM && config.platform() != null;
            if (present) {
                if (archetype == Archetype.HYBRID_PLATFORM) {
                    hybrid = entities.size();
                }
                add(new Entity(EntityType.ARCHETYPE, archetype.key(), archetype.key()), null, archetype);
            }
        }
        hybridEntity = hybrid;
        platformEntity = config.platform() == null ? -1 : entities.size();
        if (config.platform() != null) {
            add(new Entity(EntityType.PLATFORM, "platform", Archetype.HYBRID_PLATFORM.key()), new int[0], null);
        }
        storeEntity = config.store() == null ? -1 : entities.size();
        if (config.store() != null) {
            add(new Entity(EntityType.STORE, "store", ""), new int[0], null);
        }
        add(new Entity(EntityType.MARKET, "market", ""), new int[0], null);
        ticks = new double[config.horizon()][][];
    }

    /** An entity summing fixed firms, or (archetype != null) the firms following that archetype now. */
    private void add(Entity entity, int[] firmIndexes, Archetype archetype) {
        entities.add(entity);
        members.add(firmIndexes);
        archetypes.add(archetype);
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Stores tick {@code tick}: firm tallies, each firm's archetype this tick (imitation changes
     * it), the platform's and store's tallies (null when absent) and the market-only fields.
     * Ticks are recorded in order.
     */
    public void record(int tick, double[][] firmTally, Archetype[] archetypeOf, double[] platform, double[] store,
                       double[] marketOnly) {
        if (tick != recorded) {
            throw new IllegalStateException("tick " + tick + " recorded out of order");
        }
        double[][] out = new double[entities.size()][];
        int market = entities.size() - 1;
        for (int e = 0; e < market; e++) {
            double[] sum = new double[Field.COUNT];
            Archetype archetype = archetypes.get(e);
            if (archetype != null) {
                for (int j = 0; j < firmTally.length; j++) {
                    if (archetypeOf[j] == archetype) {
                        add(sum, firmTally[j]);
                    }
                }
            } else {
                for (int j : members.get(e)) {
                    add(sum, firmTally[j]);
                }
            }
            if (e == platformEntity || e == hybridEntity) {
                add(sum, platform);
            }
            if (e == storeEntity) {
                add(sum, store);
            }
            out[e] = sum;
        }
        double[] all = marketOnly.clone();
        for (double[] v : firmTally) {
            add(all, v);
        }
        if (platform != null) {
            add(all, platform);
        }
        if (store != null) {
            add(all, store);
        }
        double units = all[Field.UNITS.ordinal()];
        double squares = 0;
        for (double[] v : firmTally) {
            double share = units == 0 ? 0 : v[Field.UNITS.ordinal()] / units;
            squares += share * share;
        }
        all[Field.SQUARED_UNIT_SHARES.ordinal()] = squares;
        out[market] = all;
        ticks[tick] = out;
        recorded++;
    }

    /** Where a run's time went: setting up, and each phase of the schedule (in Phase order); its state's size. */
    public void timing(long setup, long[] phases, long stateBytes) {
        this.setupNanos = setup;
        this.phaseNanos = phases.clone();
        this.stateBytes = stateBytes;
    }

    /** Bytes of the run's per-consumer state (population, network and word of mouth, shoppers and their draws, purchase log). */
    public long stateBytes() {
        return stateBytes;
    }

    public long setupNanos() {
        return setupNanos;
    }

    /** Nanoseconds per phase, in the order of marketsim.core.Phase; empty if not timed. */
    public long[] phaseNanos() {
        return phaseNanos.clone();
    }

    public int ticksRecorded() {
        return recorded;
    }

    /** Records that stop condition {@code condition} ended the run after the ticks recorded so far. */
    public void stoppedBy(int condition) {
        stoppedBy = condition;
    }

    /** The stop condition (its index) that ended the run before its horizon, or -1 if it ran to the horizon. */
    public int stoppedBy() {
        return stoppedBy;
    }

    public List<Entity> entities() {
        return List.copyOf(entities);
    }

    /** Vectors of every entity at one tick, in {@link #entities()} order: a copy, as {@link #window} gives it. */
    public double[][] entityVectors(int tick) {
        return window(tick, tick + 1);
    }

    /**
     * Vectors of every entity over ticks {@code [from, to)}: flows summed, stocks at tick
     * {@code to - 1}.
     */
    public double[][] window(int from, int to) {
        double[][] out = new double[entities.size()][];
        for (int e = 0; e < out.length; e++) {
            out[e] = new double[Field.COUNT]; // row by row: a two-dimensional new array is made by the VM, slowly
        }
        return windowInto(from, to, out);
    }

    /**
     * As {@link #window}, into {@code out} (a row of {@link Field#COUNT} per entity, overwritten): for a caller that
     * reads every tick's vectors in turn and keeps none (a run's rows), without an array per tick.
     */
    public double[][] windowInto(int from, int to, double[][] out) {
        if (from < 0 || to > recorded || from >= to) {
            throw new IllegalArgumentException("window [" + from + "," + to + ") outside 0.." + recorded);
        }
        for (double[] row : out) {
            Arrays.fill(row, 0);
        }
        for (int t = from; t < to; t++) {
            boolean last = t == to - 1;
            for (int e = 0; e < out.length; e++) {
                double[] tick = ticks[t][e];
                double[] sum = out[e];
                for (int k = 0; k < Field.COUNT; k++) {
                    if (FLOW[k]) {
                        sum[k] += tick[k];
                    } else if (last) {
                        sum[k] = tick[k];
                    }
                }
            }
        }
        return out;
    }

    /** Whether each field (by ordinal) is a flow, summed over a window; else a stock, read at its end. */
    private static final boolean[] FLOW = new boolean[Field.COUNT];

    static {
        for (Field f : Field.values()) {
            FLOW[f.ordinal()] = f.kind() == Field.Kind.FLOW;
        }
    }

    private static void add(double[] into, double[] v) {
        for (int k = 0; k < Field.COUNT; k++) {
            into[k] += v[k];
        }
    }
}
