package marketsim.classroom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import marketsim.core.LiveLever;
import marketsim.core.config.FirmConfig;
import marketsim.core.config.MarketConfig;
import marketsim.core.config.PricingRuleName;
import marketsim.scenario.Scenario;
import marketsim.scenario.ScenarioException;
import marketsim.scenario.ScenarioLoader;

/**
 * What defines a game, and so its journal's first line: the scenario (by name or file, with the teacher's
 * overrides), the seed, the number of team seats, a round's weeks, the rounds and whether the platform is a seat.
 * From it follow the seats and the scenario the game runs: its horizon is the game's weeks, and each seat's firm
 * prices cost-plus (the team sets its markup; a seat no team took plays that markup, the scenario's).
 *
 * <p>Seats are the scenario's named firms other than the platform's private label, taken one of each archetype in
 * turn (jeo-baseline: bulk-a, brand-a, bulk-b, brand-b, ...) so a small class still sees both strategies; with the
 * platform's seat open, the platform is the first seat.
 */
public record GameSetup(String scenarioName, List<String> overrides, long seed, int teams, int roundTicks, int rounds,
                        boolean platformSeat) {
    /** Defaults of {@code marketsim game}: four teams, rounds of four weeks (a month), eight rounds. */
    public static final int DEFAULT_TEAMS = 4;
    public static final int DEFAULT_ROUND_TICKS = 4;
    public static final int DEFAULT_ROUNDS = 8;
    /** The most rounds and the longest round a game takes (five years of weeks in all at most). */
    public static final int MAX_ROUNDS = 60;
    public static final int MAX_ROUND_TICKS = 52;

    /** One seat: a firm of the scenario (its index) or the platform ({@code firm} -1). */
    public record Seat(int index, String name, String archetype, int firm) {
        public boolean platform() {
            return firm < 0;
        }
    }

    public GameSetup {
        overrides = List.copyOf(overrides);
    }

    /** Why the settings cannot make a game, or null. */
    public String problem() {
        if (teams < 1) {
            return "--teams " + teams + ": a game needs at least one team";
        }
        if (roundTicks < 1 || roundTicks > MAX_ROUND_TICKS) {
            return "--round-ticks " + roundTicks + ": must be 1 to " + MAX_ROUND_TICKS + " weeks";
        }
        if (rounds < 1 || rounds > MAX_ROUNDS) {
            return "--rounds " + rounds + ": must be 1 to " + MAX_ROUNDS;
        }
        return null;
    }

    /** The game's weeks: rounds times the weeks of a round. */
    public int weeks() {
        return rounds * roundTicks;
    }

    /** The scenario as written with the teacher's overrides and the seed (to read its firms and platform). */
    private Scenario base() throws ScenarioException {
        List<String> all = new ArrayList<>(overrides);
        all.add("seed=" + seed);
        return ScenarioLoader.load(scenarioName, all);
    }

    /**
     * The scenario the game runs: the game's horizon, each seat's firm pricing cost-plus. Throws with a message for
     * the teacher when the scenario cannot be played (too few firms for the teams, firms that imitate each other).
     */
    public Scenario scenario() throws ScenarioException, GameException {
        return scenario(List.of());
    }

    /** As {@link #scenario()}, with {@code extra} overrides last (an exported folder's replications). */
    public Scenario scenario(List<String> extra) throws ScenarioException, GameException {
        Scenario base = base();
        MarketConfig config = base.config();
        if (config.dynamics().adaptation().imitationRate() > 0) {
            throw new GameException(base.name() + " lets firms imitate each other's strategies, which would change a "
                    + "team's firm under it: play it with --set dynamics.adaptation.imitation_rate=0");
        }
        List<Seat> seats = seats(config);
        List<String> all = new ArrayList<>(overrides);
        all.add("seed=" + seed);
        all.add("horizon=" + weeks());
        for (Seat seat : seats) {
            if (!seat.platform() && config.firms().get(seat.firm()).pricing() != PricingRuleName.COST_PLUS) {
                all.add("firms[" + seat.name() + "].pricing=" + PricingRuleName.COST_PLUS.key());
            }
        }
        all.addAll(extra);
        return ScenarioLoader.load(scenarioName, all);
    }

    /**
     * The seed of the market this game is played on: a run's first replication's under its seed
     * ({@code replicationSeed(seed, 0)}), so the game as played is replication 1 of its debrief and of its exported
     * results folder, as it would be of {@code marketsim run} with {@code --seed seed}.
     */
    public long marketSeed() {
        return marketsim.core.random.Streams.replicationSeed(seed, 0);
    }

    /**
     * The seats of the game recorded by this setup and its journal's {@code entries}: {@link #seats(MarketConfig)},
     * and the platform's last if the journal records that the teacher opened it.
     */
    List<Seat> seats(MarketConfig config, List<Journal.Entry> entries) throws GameException {
        List<Seat> seats = seats(config);
        return entries.stream().anyMatch(Journal.Entry::opensPlatform) ? withPlatform(seats) : seats;
    }

    /** {@code seats} and the platform's after them (the teacher opened it from the page). */
    static List<Seat> withPlatform(List<Seat> seats) {
        List<Seat> out = new ArrayList<>(seats);
        out.add(new Seat(seats.size(), "platform", "platform", -1));
        return List.copyOf(out);
    }

    /** The seats of {@code config}'s market for this game's teams. */
    public List<Seat> seats(MarketConfig config) throws GameException {
        List<Seat> out = new ArrayList<>();
        if (platformSeat) {
            if (config.platform() == null) {
                throw new GameException("--platform-seat: this scenario has no platform");
            }
            out.add(new Seat(0, "platform", "platform", -1));
        }
        Map<String, List<Integer>> byArchetype = new LinkedHashMap<>();
        for (int j : LiveLever.movableFirms(config)) {
            FirmConfig f = config.firms().get(j);
            if (!f.privateLabel() && !f.entrant()) {
                byArchetype.computeIfAbsent(f.archetype().key(), k -> new ArrayList<>()).add(j);
            }
        }
        int available = out.size() + byArchetype.values().stream().mapToInt(List::size).sum();
        if (teams > available) {
            throw new GameException(String.format(Locale.ROOT, "--teams %d: this scenario has %d seat%s (%s)", teams,
                    available, available == 1 ? "" : "s", platformSeat ? "its firms and the platform" : "its firms; "
                            + "--platform-seat opens the platform's"));
        }
        for (int turn = 0; out.size() < teams; turn++) {
            for (List<Integer> firms : byArchetype.values()) {
                if (turn < firms.size() && out.size() < teams) {
                    FirmConfig f = config.firms().get(firms.get(turn));
                    out.add(new Seat(out.size(), f.name(), f.archetype().key(), firms.get(turn)));
                }
            }
        }
        return out;
    }

    /** A game that cannot be set up or resumed as asked, with the reason for the teacher. */
    public static final class GameException extends Exception {
        private static final long serialVersionUID = 1L;

        public GameException(String message) {
            super(message);
        }
    }
}
