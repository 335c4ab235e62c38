package marketsim.classroom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import marketsim.core.LiveLever;
import marketsim.core.config.MarketConfig;

/**
 * What a game's seat decides and the rules its decisions keep: a firm sets its price or its markup (one of them:
 * the last set holds), its spending, personalization and channels (at least one); the platform its fees and its
 * ranking. A lever left out of a decision carries over.
 */
final class Decisions {
    /** A firm's levers, those its scenario gives it ({@link #levers}). */
    static final List<LiveLever> FIRM_LEVERS = List.of(LiveLever.MARKUP, LiveLever.PRICE, LiveLever.QUALITY_SPEND,
            LiveLever.MARKETING_SPEND, LiveLever.EDUCATION_SPEND, LiveLever.PERSONALIZATION, LiveLever.CHANNEL_DIRECT,
            LiveLever.CHANNEL_PLATFORM, LiveLever.CHANNEL_STORE);
    static final List<LiveLever> PLATFORM_LEVERS = List.of(LiveLever.TAKE_RATE, LiveLever.SUBSIDY,
            LiveLever.SELF_PREFERENCING);

    private Decisions() {
    }

    /**
     * The levers {@code seat} decides in {@code config}'s market: those that apply there, personalization only for a
     * firm that personalizes, its web store only for a firm that has one.
     */
    static List<LiveLever> levers(MarketConfig config, GameSetup.Seat seat) {
        List<LiveLever> out = new ArrayList<>();
        for (LiveLever lever : seat.platform() ? PLATFORM_LEVERS : FIRM_LEVERS) {
            boolean personalizes = lever != LiveLever.PERSONALIZATION
                    || config.firms().get(seat.firm()).personalization().enabled()
                    && config.firms().get(seat.firm()).personalization().level() > 0;
            boolean hasWebStore = lever != LiveLever.CHANNEL_DIRECT || config.firms().get(seat.firm()).direct() != null;
            if (lever.appliesTo(config) && personalizes && hasWebStore) {
                out.add(lever);
            }
        }
        return out;
    }

    /**
     * Why {@code values} (by lever name) cannot be {@code seat}'s decisions, or null, with {@code parsed} filled:
     * each one of its {@code levers} and in its range, not a price and a markup at once, and at least one channel
     * open with the others as they stand ({@code inForce}).
     */
    static String check(MarketConfig config, GameSetup.Seat seat, List<LiveLever> levers, Map<String, Double> values,
                        Map<LiveLever, Double> parsed, ToDoubleFunction<LiveLever> inForce) {
        for (Map.Entry<String, Double> e : values.entrySet()) {
            LiveLever lever = LiveLever.of(e.getKey());
            if (lever == null || !levers.contains(lever)) {
                return "no decision '" + e.getKey() + "' for " + seat.name() + ": its decisions are "
                        + levers.stream().map(LiveLever::key).toList();
            }
            Double v = e.getValue();
            String problem = v == null ? lever.label() + ": give a number"
                    : lever.problem(config, seat.platform() ? 0 : seat.firm(), v);
            if (problem != null) {
                return problem;
            }
            parsed.put(lever, v);
        }
        if (parsed.containsKey(LiveLever.MARKUP) && parsed.containsKey(LiveLever.PRICE)) {
            return "set a price or a markup, not both: the price is the markup's on the full unit cost";
        }
        boolean anyChannel = false;
        boolean channels = false;
        for (LiveLever lever : levers) {
            if (lever.isChannel()) {
                channels = true;
                anyChannel |= (parsed.containsKey(lever) ? parsed.get(lever) : inForce.applyAsDouble(lever)) != 0;
            }
        }
        if (channels && !anyChannel) {
            return "keep at least one channel: a firm that sells nowhere has no customers";
        }
        return null;
    }

    /**
     * A seat's decisions in force after it decides {@code values}: those left out carry over, and a price replaces a
     * markup in force, a markup a price (the firm sells at one or the other).
     */
    static void carryOver(Map<LiveLever, Double> inForce, Map<LiveLever, Double> values) {
        if (values.containsKey(LiveLever.PRICE)) {
            inForce.remove(LiveLever.MARKUP);
        } else if (values.containsKey(LiveLever.MARKUP)) {
            inForce.remove(LiveLever.PRICE);
        }
        inForce.putAll(values);
    }
}
