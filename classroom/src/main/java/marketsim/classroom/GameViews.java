package marketsim.classroom;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import marketsim.core.LiveLever;
import marketsim.core.config.FirmConfig;
import marketsim.core.config.MarketConfig;

/**
 * What the game's pages are sent, as JSON: the game for every page (round, seats and their teams, the
 * leaderboard) and a seat's own page (its decisions with their ranges and values in force, the fees of its
 * channels, its results round by round).
 */
final class GameViews {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The round-by-round figures the teacher's charts draw. */
    private static final List<String> HISTORY = List.of("net_profit", "unit_share", "price");

    private final Game game;
    private final GameTeams teams;

    GameViews(Game game, GameTeams teams) {
        this.game = game;
        this.teams = teams;
    }

    /** Whether every seat a team joined has submitted for the open round (and at least one has joined). */
    boolean everyTeamSubmitted() {
        boolean any = false;
        for (int s = 0; s < game.seats().size(); s++) {
            if (teams.name(s) != null) {
                any = true;
                if (!game.submitted(s)) {
                    return false;
                }
            }
        }
        return any;
    }

    /** The game as every page sees it; the teacher's page also gets the seats' join state. */
    ObjectNode game(boolean teacher, String joinAddress, long secondsLeft) {
        GameSetup setup = game.setup();
        ObjectNode root = JSON.createObjectNode();
        root.put("scenario", game.scenario().name()).put("question", game.scenario().description())
                .put("money", game.scenario().moneyUnit()).put("teacher", teacher).put("join", joinAddress)
                .put("rounds", setup.rounds()).put("round_ticks", setup.roundTicks())
                .put("done", game.roundsShown()).put("over", game.overShown()).put("deadline", secondsLeft);
        ArrayNode seats = root.putArray("seats");
        for (GameSetup.Seat seat : game.seats()) {
            ObjectNode s = seats.addObject();
            s.put("seat", seat.index()).put("name", seat.name()).put("archetype", seat.archetype())
                    .put("platform", seat.platform()).put("team", teams.name(seat.index()))
                    .put("submitted", game.submitted(seat.index()));
            ObjectNode sofar = game.sofar(seat.index());
            if (sofar != null) {
                s.set("sofar", sofar);
            }
        }
        root.put("platform_seat_closed", game.platformSeatClosed());
        root.set("computer", JSON.valueToTree(game.computerFirms()));
        root.set("history", history());
        return root;
    }

    /** The figures the teacher's charts draw: each seat's, round by round (a platform's unit share is null). */
    private ObjectNode history() {
        ObjectNode out = JSON.createObjectNode();
        List<List<ObjectNode>> all = game.rounds();
        for (String key : HISTORY) {
            ArrayNode bySeat = out.putArray(key);
            for (int seat = 0; seat < game.seats().size(); seat++) {
                ArrayNode values = bySeat.addArray();
                for (List<ObjectNode> round : all) {
                    values.add(round.get(seat).get(key) == null ? JSON.nullNode() : round.get(seat).get(key));
                }
            }
        }
        return out;
    }

    /** Seat {@code seat}'s own page. */
    ObjectNode seat(int seat) {
        GameSetup.Seat s = game.seats().get(seat);
        MarketConfig config = game.scenario().config();
        ObjectNode root = JSON.createObjectNode();
        root.put("seat", seat).put("name", s.name()).put("archetype", s.archetype()).put("platform", s.platform())
                .put("team", teams.name(seat)).put("money", game.scenario().moneyUnit())
                .put("rounds", game.setup().rounds()).put("round_ticks", game.setup().roundTicks())
                .put("done", game.roundsShown()).put("over", game.overShown()).put("submitted", game.submitted(seat));
        if (!s.platform()) {
            root.put("pricing", game.pricing(seat));
        }
        ArrayNode levers = root.putArray("levers");
        for (LiveLever lever : game.levers(seat)) {
            int firm = s.platform() ? 0 : s.firm();
            levers.addObject().put("key", lever.key()).put("label", lever.label()).put("unit", lever.unit())
                    .put("scale", lever.scale().name().toLowerCase(java.util.Locale.ROOT)).put("min", lever.min(config, firm))
                    .put("max", lever.max(config, firm)).put("step", lever.scale().step())
                    .put("value", game.value(seat, lever)).put("scenario", lever.scenarioValue(config, firm));
        }
        root.set("channels", channels(config, s, game, seat));
        ArrayNode rounds = root.putArray("results");
        List<List<ObjectNode>> all = game.rounds();
        for (int r = 0; r < all.size(); r++) {
            rounds.add(all.get(r).get(seat).deepCopy().put("round", r + 1));
        }
        return root;
    }

    /**
     * The market's channels, each with its fees, the lever that opens or closes it for the seat's firm (none for a
     * web store the firm has not got) and whether the firm sells there now, as its team chose (the platform's seat:
     * what its sellers pay).
     */
    private static ArrayNode channels(MarketConfig config, GameSetup.Seat seat, Game game, int index) {
        ArrayNode out = JSON.createArrayNode();
        FirmConfig firm = seat.platform() ? null : config.firms().get(seat.firm());
        java.util.function.Predicate<LiveLever> sells = lever -> game.levers(index).contains(lever)
                && game.value(index, lever) != 0;
        if (firm != null) {
            out.addObject().put("channel", "direct").put("lever", firm.direct() != null ? LiveLever.CHANNEL_DIRECT.key()
                    : null).put("yours", sells.test(LiveLever.CHANNEL_DIRECT)).put("fees", String.format(java.util.Locale.ROOT,
                    firm.direct() != null ? "own web store: %.0f a week fixed; marketing reaches consumers only here"
                            : "no web store of your own", firm.direct() != null ? firm.direct().fixedCostPerTick() : 0));
        }
        if (config.platform() != null) {
            out.addObject().put("channel", "platform").put("lever", firm != null ? LiveLever.CHANNEL_PLATFORM.key() : null)
                    .put("yours", seat.platform() || sells.test(LiveLever.CHANNEL_PLATFORM)).put("fees", String.format(java.util.Locale.ROOT,
                    "take rate %.0f%% of price, fulfilment %.2f a unit, listing %.0f a week; buyers' subsidy %.0f%%",
                    100 * config.platform().takeRate(), config.platform().fulfilmentFee(),
                    config.platform().listingFee(), 100 * config.platform().subsidy()));
        }
        if (config.store() != null && firm != null) {
            out.addObject().put("channel", "store").put("lever", LiveLever.CHANNEL_STORE.key())
                    .put("yours", sells.test(LiveLever.CHANNEL_STORE)).put("fees", String.format(java.util.Locale.ROOT,
                    "retail margin %.0f%% of price; slotting fee %.0f a week for a shelf slot",
                    100 * config.store().retailMargin(), config.store().slottingFee()));
        }
        return out;
    }
}
