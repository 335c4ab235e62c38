package marketsim.classroom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import marketsim.core.LiveLever;
import marketsim.core.MarketModel;
import marketsim.core.config.MarketConfig;
import marketsim.core.random.Streams;
import marketsim.format.Estimate;

/**
 * The debrief: how much of each team's result was skill, how much luck. Every team's decision history (the journal)
 * is replayed on {@code n} replications of the market, replication k on seed {@code replicationSeed(seed, k)} as a
 * run's replications are (the game itself was played on the first's: {@link GameSetup#marketSeed}), with common random
 * numbers: in each replication the game as played and, for each team,
 * the same game with that team's firm left to the computer (the scenario's strategy: no decisions of its own),
 * every other team's decisions as played. For each seat:
 * <ul>
 * <li>its net profit over the rounds played, mean across replications with its 95% interval;</li>
 * <li>its rank by net profit among the scenario's firms in each replication (mean rank, share ranked first);</li>
 * <li>skill: its profit less the computer's with the same market draws, mean with its 95% interval (paired over
 * replications, so the market's luck cancels);</li>
 * <li>luck: the spread of its profit across replications (standard deviation), and how far the game's own draw
 * was from the mean.</li>
 * </ul>
 */
final class Debrief {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Debrief() {
    }

    /** A game's net profit by firm (every named firm of the scenario, index by firm) after replaying the journal. */
    static double[] replay(MarketConfig config, long seed, GameSetup setup, List<GameSetup.Seat> seats,
                           List<Journal.Entry> entries, int without) {
        MarketModel model = replayed(config, seed, setup, seats, entries, without);
        double[] profit = new double[config.firms().size() + 1]; // the last: the platform
        if (model.ticksDone() == 0) {
            return profit;
        }
        for (int j : LiveLever.movableFirms(config)) {
            profit[j] = Standings.of(model, new GameSetup.Seat(-1, config.firms().get(j).name(), "", j), 0,
                    model.ticksDone()).path("net_profit").asDouble();
        }
        if (config.platform() != null) {
            profit[profit.length - 1] = Standings.of(model, new GameSetup.Seat(-1, "platform", "", -1), 0,
                    model.ticksDone()).path("net_profit").asDouble();
        }
        return profit;
    }

    /**
     * The model of a game replayed from its journal on market seed {@code seed}, every round it ran, with seat
     * {@code without}'s decisions left out (-1: none: the game as played).
     */
    static MarketModel replayed(MarketConfig config, long seed, GameSetup setup, List<GameSetup.Seat> seats,
                                List<Journal.Entry> entries, int without) {
        MarketModel model = new MarketModel(config, seed);
        model.start();
        List<Map<LiveLever, Double>> inForce = new ArrayList<>();
        seats.forEach(s -> inForce.add(new LinkedHashMap<>()));
        for (Journal.Entry e : entries) {
            if (!e.run()) {
                if (e.decision() && e.seat() != without) {
                    Map<LiveLever, Double> values = new LinkedHashMap<>();
                    e.values().forEach((k, v) -> values.put(LiveLever.of(k), v));
                    Decisions.carryOver(inForce.get(e.seat()), values);
                }
                continue;
            }
            for (GameSetup.Seat s : seats) {
                inForce.get(s.index()).forEach((lever, v) -> lever.setOn(model.controls(), s.platform() ? 0 : s.firm(), v));
            }
            for (int t = 0; t < setup.roundTicks(); t++) {
                model.schedule.step(model);
            }
        }
        return model;
    }

    /**
     * Runs the debrief of {@code game}'s journal on {@code n} replications on {@code pool}, telling {@code progress}
     * each run done (of {@code n x (1 + seats)}).
     */
    static ObjectNode run(Game game, List<Journal.Entry> entries, int n, ExecutorService pool, IntConsumer progress)
            throws InterruptedException, ExecutionException {
        GameSetup setup = game.setup();
        MarketConfig config = game.scenario().config();
        List<GameSetup.Seat> seats = game.seats();
        int arms = 1 + seats.size();
        List<Future<double[]>> runs = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        for (int k = 0; k < n; k++) {
            long seed = Streams.replicationSeed(setup.seed(), k);
            for (int arm = 0; arm < arms; arm++) {
                int without = arm - 1; // -1: the game as played
                runs.add(pool.submit(() -> {
                    double[] p = replay(config, seed, setup, seats, entries, without);
                    progress.accept(done.incrementAndGet());
                    return p;
                }));
            }
        }
        double[][][] profit = new double[n][arms][];
        for (int k = 0; k < n; k++) {
            for (int arm = 0; arm < arms; arm++) {
                profit[k][arm] = runs.get(k * arms + arm).get();
            }
        }
        double[] actual = replay(config, setup.marketSeed(), setup, seats, entries, -1);
        List<Integer> firms = LiveLever.movableFirms(config);
        ObjectNode out = JSON.createObjectNode();
        out.put("replications", n).put("rounds", entries.stream().filter(Journal.Entry::run).count());
        ArrayNode rows = out.putArray("seats");
        for (GameSetup.Seat seat : seats) {
            int at = seat.platform() ? profit[0][0].length - 1 : seat.firm();
            double[] played = new double[n];
            double[] skill = new double[n];
            double[] rank = new double[n];
            int first = 0;
            for (int k = 0; k < n; k++) {
                played[k] = profit[k][0][at];
                skill[k] = played[k] - profit[k][1 + seat.index()][at];
                if (!seat.platform()) {
                    int r = 1;
                    for (int j : firms) {
                        r += profit[k][0][j] > played[k] ? 1 : 0;
                    }
                    rank[k] = r;
                    first += r == 1 ? 1 : 0;
                }
            }
            Estimate p = Estimate.of(played);
            Estimate s = Estimate.of(skill);
            ObjectNode row = rows.addObject();
            row.put("seat", seat.index()).put("name", seat.name()).put("archetype", seat.archetype())
                    .put("profit", p.mean()).put("profit_half", p.halfWidth())
                    .put("skill", s.mean()).put("skill_half", s.halfWidth())
                    .put("luck_sd", p.sd()).put("game_profit", actual[at]).put("game_luck", actual[at] - p.mean());
            if (!seat.platform()) {
                row.put("mean_rank", Estimate.of(rank).mean()).put("first_share", (double) first / n)
                        .put("of_firms", firms.size());
            }
        }
        return out;
    }
}
