package marketsim.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import marketsim.core.LiveLever;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The game's model side: seats, decisions that reach their firm, refusals that name the field and its range, and a
 * journal from which a killed game resumes to the same results, byte for byte.
 */
class GameTest {
    /** The classroom market (2,000 simulated consumers), four teams, rounds of 4 weeks. */
    private static GameSetup setup(int rounds) {
        return new GameSetup("classroom", List.of(), 11, 4, 4, rounds, true);
    }

    @TempDir
    Path dir;

    @Test
    void seatsTakeOneFirmOfEachStrategyInTurnAfterThePlatform() throws Exception {
        try (Game game = Game.open(setup(2), dir.resolve("g"))) {
            assertThat(game.seats()).extracting(GameSetup.Seat::name)
                    .containsExactly("platform", "bulk-a", "brand-a", "bulk-b");
            assertThat(game.levers(0)).containsExactly(LiveLever.TAKE_RATE, LiveLever.SUBSIDY,
                    LiveLever.SELF_PREFERENCING);
            assertThat(game.levers(2)).contains(LiveLever.MARKUP, LiveLever.PERSONALIZATION);
            assertThat(game.levers(1)).doesNotContain(LiveLever.PERSONALIZATION); // bulk-a does not personalize
        }
        assertThatThrownBy(() -> Game.open(new GameSetup("classroom", List.of(), 11, 9, 4, 2, false),
                dir.resolve("h"))).hasMessageContaining("--teams 9: this scenario has 6 seats");
    }

    @Test
    void aTeamsMarkupReachesItsFirmsPriceAndOutOfRangeDecisionsAreRefusedByName() throws Exception {
        try (Game game = Game.open(setup(3), dir.resolve("g"))) {
            assertThat(game.decide(2, 1, Map.of("markup", 2.5)))
                    .isEqualTo("Markup: must be in [0%, 200%] (% of full unit cost), got 250%");
            assertThat(game.decide(1, 1, Map.of("take_rate", 0.2))).startsWith("no decision 'take_rate' for bulk-a");
            assertThat(game.decide(1, 2, Map.of("markup", 0.5))).isEqualTo("round 2 is not open yet: round 1 is");
            assertThat(game.decide(1, 1, Map.of("markup", 0.35))).isNull();
            assertThat(game.decide(2, 1, Map.of("markup", 1.5))).isNull();
            game.runNextRound();
            assertThat(game.decide(2, 1, Map.of("markup", 1.0)))
                    .isEqualTo("round 1 has already run: decisions now count from round 2");
            ObjectNode brand = game.rounds().get(0).get(2);
            ObjectNode bulk = game.rounds().get(0).get(1);
            // cost-plus on the full unit cost: brand-a's unit cost is 11, its price 11 x 2.5 (fee-blind)
            assertThat(brand.get("price").asDouble()).isCloseTo(11 * 2.5, org.assertj.core.data.Offset.offset(0.01));
            // bulk-a prices off its full unit cost with the platform's fees passed on: above 5 x 1.35, far below
            assertThat(bulk.get("price").asDouble()).isBetween(5 * 1.35, 5 * 1.35 * 1.5);
            // brand-a carries its 150% over into round 2 without submitting again
            game.runNextRound();
            assertThat(game.rounds().get(1).get(2).get("price").asDouble())
                    .isCloseTo(11 * 2.5, org.assertj.core.data.Offset.offset(0.01));
        }
    }

    @Test
    void aTeamSetsAPriceOrAMarkupTheLastHoldsAndTheJournalSaysWhich() throws Exception {
        try (Game game = Game.open(setup(3), dir.resolve("g"))) {
            // brand-a's unit cost is 11: a price from 11 to 11 x (1 + 200%), in the scenario's money a unit
            assertThat(game.levers(2)).contains(LiveLever.MARKUP, LiveLever.PRICE);
            assertThat(game.decide(2, 1, Map.of("price", 35.0)))
                    .isEqualTo("Price: must be in [11.00, 33.00] (money/unit), got 35.00");
            assertThat(game.decide(2, 1, Map.of("price", 25.0, "markup", 1.0))).startsWith("set a price or a markup");
            assertThat(game.pricing(2)).isEqualTo("markup");
            assertThat(game.decide(2, 1, Map.of("price", 25.0))).isNull();
            assertThat(game.pricing(2)).isEqualTo("price");
            game.runNextRound();
            assertThat(game.rounds().get(0).get(2).get("price").asDouble()).isEqualTo(25.0);
            game.runNextRound(); // carried over
            assertThat(game.rounds().get(1).get(2).get("price").asDouble()).isEqualTo(25.0);
            assertThat(game.value(2, LiveLever.PRICE)).isEqualTo(25.0);
            // a markup gives the price back to cost-plus: 11 x (1 + 100%)
            assertThat(game.decide(2, 3, Map.of("markup", 1.0))).isNull();
            assertThat(game.pricing(2)).isEqualTo("markup");
            game.runNextRound();
            assertThat(game.rounds().get(2).get(2).get("price").asDouble())
                    .isCloseTo(22.0, org.assertj.core.data.Offset.offset(0.01));
            List<Journal.Entry> journal = Journal.entries(game.folder());
            assertThat(journal.stream().filter(Journal.Entry::decision).map(e -> e.values().keySet()).toList())
                    .containsExactly(java.util.Set.of("price"), java.util.Set.of("markup"));
            // the debrief's replay of the journal sells at the same prices: the same profit
            double[] replayed = Debrief.replay(game.scenario().config(),
                    game.setup().marketSeed(), game.setup(), game.seats(), journal, -1);
            assertThat(replayed[4]).isEqualTo(game.sofar(2).get("net_profit").asDouble());
        }
    }

    @Test
    void aTeamChoosesItsChannelsAtLeastOneAndLeavingThePlatformEndsItsSalesAndFeesThere() throws Exception {
        try (Game game = Game.open(setup(2), dir.resolve("g"))) {
            // bulk-a sells in its web store, on the platform and in the store
            assertThat(game.levers(1)).contains(LiveLever.CHANNEL_DIRECT, LiveLever.CHANNEL_PLATFORM,
                    LiveLever.CHANNEL_STORE);
            assertThat(game.decide(1, 1, Map.of("channel_direct", 0.0, "channel_platform", 0.0,
                    "channel_store", 0.0))).startsWith("keep at least one channel");
            assertThat(game.decide(1, 1, Map.of("channel_platform", 2.0)))
                    .isEqualTo("Sell on the platform: must be 0 (off) or 1 (on)");
            assertThat(game.decide(1, 1, Map.of("channel_platform", 0.0))).isNull();
            game.runNextRound();
            ObjectNode bulk = game.rounds().get(0).get(1);
            assertThat(bulk.get("name").asText()).isEqualTo("bulk-a");
            assertThat(bulk.get("units").asDouble()).isPositive();
            assertThat(game.value(1, LiveLever.CHANNEL_PLATFORM)).isZero();
            // from the round's first week: no platform sales, no platform fees (commission, fulfilment, listing, ads)
            var m = game.model();
            int bulkA = 0;
            double[][] weeks = m.record().window(0, m.ticksDone());
            double[] own = weeks[entity(m, marketsim.core.metrics.EntityType.FIRM, "bulk-a")];
            double[] market = weeks[entity(m, marketsim.core.metrics.EntityType.MARKET, null)];
            var firm = marketsim.core.metrics.EntityType.FIRM;
            assertThat(marketsim.core.metrics.Metric.PLATFORM_UNITS.value(firm, own, market, 0)).isZero();
            for (var fee : List.of(marketsim.core.metrics.Metric.COMMISSION_FEES,
                    marketsim.core.metrics.Metric.FULFILMENT_FEES, marketsim.core.metrics.Metric.LISTING_FEES,
                    marketsim.core.metrics.Metric.AD_FEES)) {
                assertThat(fee.value(firm, own, market, 0)).as(fee.name()).isZero();
            }
            assertThat(marketsim.core.metrics.Metric.STORE_UNITS.value(firm, own, market, 0)
                    + marketsim.core.metrics.Metric.DIRECT_UNITS.value(firm, own, market, 0)).isPositive();
            assertThat(m.platform().listed(bulkA)).isFalse();
            assertThat(m.firms().get(bulkA).sellsThrough(marketsim.core.config.Channel.PLATFORM)).isFalse();
            // it comes back: listed at once
            assertThat(game.decide(1, 2, Map.of("channel_platform", 1.0))).isNull();
            game.runNextRound();
            assertThat(m.platform().listed(bulkA)).isTrue();
        }
    }

    private static int entity(marketsim.core.MarketModel m, marketsim.core.metrics.EntityType type, String name) {
        var entities = m.record().entities();
        for (int e = 0; e < entities.size(); e++) {
            if (entities.get(e).type() == type && (name == null || entities.get(e).name().equals(name))) {
                return e;
            }
        }
        throw new AssertionError(name);
    }

    /** Plays a fixed script of decisions for {@code rounds} rounds, stopping (as if killed) before round {@code killAt}. */
    private static void play(Game game, int fromRound, int toRound) {
        for (int r = fromRound; r <= toRound; r++) {
            assertThat(game.decide(0, r, Map.of("take_rate", 0.10 + 0.02 * r, "self_preferencing", 1.0))).isNull();
            assertThat(game.decide(1, r, Map.of("markup", 0.2 + 0.05 * r, "marketing_spend", 10.0 * r))).isNull();
            if (r % 2 == 0) { // brand-a submits every other round: its decisions carry over
                assertThat(game.decide(2, r, Map.of("markup", 0.7 + 0.1 * r, "quality_spend", 80.0))).isNull();
            }
            game.runNextRound();
        }
    }

    /** The journal is the game: replayed into a new folder with no server, it gives the game's rounds.csv again. */
    @Test
    void aGamesJournalReplayedElsewhereGivesItsRoundsAgain() throws Exception {
        String played;
        try (Game game = Game.open(setup(4), dir.resolve("played"))) {
            play(game, 1, 3);
            played = game.results();
        }
        try (Game replay = Game.replay(dir.resolve("played"), dir.resolve("replayed"))) {
            assertThat(replay.roundsDone()).isEqualTo(3);
            assertThat(replay.results()).isEqualTo(played);
        }
        assertThat(Files.readString(dir.resolve("replayed").resolve(Game.RESULTS))).isEqualTo(played);
        assertThatThrownBy(() -> Game.replay(dir.resolve("played"), dir.resolve("replayed")))
                .hasMessageContaining("already holds a game: replay into a new folder");
        assertThatThrownBy(() -> Game.replay(dir.resolve("nothing"), dir.resolve("again")))
                .hasMessageContaining("holds no game: its journal.jsonl is missing or empty");
    }

    @Test
    void aGameKilledMidRoundAndRestartedEndsWithTheSameResultsAsOneThatRanStraight() throws Exception {
        String straight;
        try (Game game = Game.open(setup(5), dir.resolve("straight"))) {
            play(game, 1, 5);
            straight = game.results();
        }
        Path folder = dir.resolve("killed");
        try (Game game = Game.open(setup(5), folder)) {
            play(game, 1, 2);
            // round 3: two teams submit, the deadline passes and the journal says the round runs...
            assertThat(game.decide(0, 3, Map.of("take_rate", 0.16, "self_preferencing", 1.0))).isNull();
            assertThat(game.decide(1, 3, Map.of("markup", 0.35, "marketing_spend", 30.0))).isNull();
        }
        // ...and the server dies while it runs: its line is on the disk, its results are not, and a line it was
        // writing is cut short
        Files.writeString(folder.resolve(Journal.FILE), "{\"run\": 3}\n{\"decide\": {\"rou",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (Game game = Game.open(setup(5), folder)) {
            assertThat(game.roundsDone()).isEqualTo(3);
            play(game, 4, 5);
            assertThat(game.results()).isEqualTo(straight);
        }
        assertThat(straight.lines()).hasSize(1 + 5 * 4);
    }

    @Test
    void theDebriefReplaysTheGameExactlyAndFindsThatPricingAtCostIsNoSkill() throws Exception {
        try (Game game = Game.open(setup(3), dir.resolve("g"))) {
            for (int r = 1; r <= 3; r++) {
                assertThat(game.decide(1, r, Map.of("markup", 0.0))).isNull(); // bulk-a sells at cost
                game.runNextRound();
            }
            List<Journal.Entry> journal = Journal.entries(game.folder());
            // the game's own seed replayed from the journal is the game
            double[] replayed = Debrief.replay(game.scenario().config(),
                    game.setup().marketSeed(), game.setup(), game.seats(), journal, -1);
            assertThat(replayed[0]).isEqualTo(game.sofar(1).get("net_profit").asDouble());
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            ObjectNode debrief;
            try {
                debrief = Debrief.run(game, journal, 5, pool, done -> { });
            } finally {
                pool.shutdownNow();
            }
            com.fasterxml.jackson.databind.JsonNode bulk = debrief.get("seats").get(1);
            assertThat(bulk.get("name").asText()).isEqualTo("bulk-a");
            // selling at cost loses the margin on every unit against the computer's 35%: skill below zero, its whole
            // interval too, on the same five draws
            assertThat(bulk.get("skill").asDouble() + bulk.get("skill_half").asDouble()).isNegative();
            assertThat(bulk.get("profit_half").asDouble()).isPositive();
            assertThat(bulk.get("mean_rank").asDouble()).isBetween(1.0, 7.0);
            // brand-a's team never decided: the computer's strategy is its own, no skill either way
            assertThat(debrief.get("seats").get(2).get("skill").asDouble()).isZero();
        }
    }

    @Test
    void aFolderHoldingAnotherGameIsRefusedWithWhatItHolds() throws Exception {
        try (Game game = Game.open(setup(2), dir.resolve("g"))) {
            assertThat(game.roundsDone()).isZero();
        }
        assertThatThrownBy(() -> Game.open(setup(3), dir.resolve("g")))
                .hasMessageContaining("holds another game (classroom [] seed 11, 4 teams, 2 rounds of 4 weeks");
    }
}
