package marketsim.classroom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import marketsim.core.metrics.RunRecord;
import marketsim.core.random.Streams;
import marketsim.scenario.Scenario;
import marketsim.scenario.ScenarioException;

/**
 * A played game as the replications of a run, for its results folder ({@code marketsim game --replay DIR --export
 * OUT}): replication r (from 0) is the game's decisions, as its journal records them, replayed on the market draw of a
 * run's replication r under the game's seed. Replication 0 is the game as played ({@link GameSetup#marketSeed}); the
 * others are the draws of its debrief. Firms without a team play the scenario's rules, as in the game.
 */
public final class PlayedGame {
    private final GameSetup setup;
    private final Scenario scenario;
    private final List<GameSetup.Seat> seats;
    private final List<Journal.Entry> entries;

    private PlayedGame(GameSetup setup, Scenario scenario, List<GameSetup.Seat> seats, List<Journal.Entry> entries) {
        this.setup = setup;
        this.scenario = scenario;
        this.seats = seats;
        this.entries = entries;
    }

    /**
     * The game recorded in {@code folder}, its scenario with {@code replications} replications (null: the
     * scenario's).
     */
    public static PlayedGame read(Path folder, Integer replications) throws IOException, GameSetup.GameException,
            ScenarioException {
        GameSetup setup = Journal.readSetup(folder);
        if (setup == null) {
            throw new GameSetup.GameException(folder + " holds no game: its " + Journal.FILE + " is missing or empty");
        }
        int reps = replications != null ? replications : setup.scenario().replications();
        Scenario scenario = setup.scenario(List.of("replications=" + reps));
        List<Journal.Entry> entries = Journal.entries(folder);
        return new PlayedGame(setup, scenario, setup.seats(scenario.config(), entries), entries);
    }

    public GameSetup setup() {
        return setup;
    }

    /** The scenario the game ran (its horizon the game's weeks, its seats' firms cost-plus), with the replications. */
    public Scenario scenario() {
        return scenario;
    }

    /** The game's journal file in its folder, which an exported folder holds a copy of. */
    public static Path journal(Path folder) {
        return folder.resolve(Journal.FILE);
    }

    /** The rounds the game ran. */
    public int rounds() {
        return (int) entries.stream().filter(Journal.Entry::run).count();
    }

    /** Replication {@code rep}'s record: the game's decisions on that draw (0: the game as played). */
    public RunRecord replication(int rep) {
        return Debrief.replayed(scenario.config(), Streams.replicationSeed(setup.seed(), rep), setup, seats, entries,
                -1).record();
    }
}
