package marketsim.results.experiment;

import java.util.Locale;

import marketsim.core.metrics.Entity;
import marketsim.core.metrics.EntityType;

/**
 * How much of a run's timeseries.csv is written ({@code marketsim run --timeseries DETAIL --timeseries-every K}):
 * which entities get rows, and at which ticks. The other files (aggregate.csv, summary.csv, the charts) are the same
 * whatever it is: they are computed from every tick of every entity.
 *
 * @param detail which entities get rows
 * @param every  rows at ticks K, 2K, 3K, ... and at the last tick; 1 is every tick
 */
public record TimeSeries(Detail detail, int every) {
    /** Every entity at every tick: the default. */
    public static final TimeSeries FULL = new TimeSeries(Detail.FIRMS, 1);

    /** Which entities timeseries.csv has rows for. */
    public enum Detail {
        /** Every entity: firms, pools, archetypes, the platform, the store, the market. */
        FIRMS,
        /** Archetypes, the platform, the store and the market (aggregate.csv's entities): no firm or pool rows. */
        ARCHETYPES,
        /** No timeseries.csv. */
        NONE;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The detail named {@code key} (firms, archetypes, none); an IllegalArgumentException saying which exist. */
        public static Detail parse(String key) {
            for (Detail d : values()) {
                if (d.key().equals(key.strip().toLowerCase(Locale.ROOT))) {
                    return d;
                }
            }
            throw new IllegalArgumentException("'" + key + "' is not a detail; use firms (every entity), archetypes "
                    + "(archetypes, platform, store, market) or none (no timeseries.csv)");
        }
    }

    public TimeSeries {
        if (every < 1) {
            throw new IllegalArgumentException("every " + every + ": must be at least 1 tick");
        }
    }

    /** Whether the file is written at all. */
    public boolean written() {
        return detail != Detail.NONE;
    }

    /** Whether tick {@code tick} (1-based) of a run of {@code last} ticks gets rows. */
    public boolean atTick(int tick, int last) {
        return written() && (tick % every == 0 || tick == last);
    }

    /** Whether {@code entity} gets rows. */
    public boolean of(Entity entity) {
        return detail == Detail.FIRMS || entity.type() != EntityType.FIRM && entity.type() != EntityType.POOL;
    }
}
