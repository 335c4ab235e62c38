package marketsim.classroom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import marketsim.core.LiveLever;
import marketsim.core.MarketModel;
import marketsim.scenario.Scenario;

/**
 * A participatory game (issue #23): a scenario, its seats (firms, and the platform if the teacher opens it) and a
 * decision journal. A round is {@link GameSetup#roundTicks()} weeks; before each, the decisions in force for every
 * seat are set on its firm or the platform through the classroom's levers ({@link LiveLever}, acting from the
 * round's first week), and a seat that did not submit carries its last decisions over (a seat never played keeps
 * the scenario's). Firms without a team keep the scenario's rules. The results are a function of the scenario, the
 * seed and the journal only: the game is replayed from its journal when it opens, so a game whose server was killed
 * resumes exactly where it stood.
 *
 * <p>Every change runs on the game's own thread, in the order received. A decision is checked before it is taken:
 * the lever must be one of the seat's and in its range ({@link LiveLever#problem}), the round the one now open.
 */
public final class Game implements AutoCloseable {
    /** The per-round results file in the game's folder. */
    static final String RESULTS = "rounds.csv";
    private static final long COMMAND_TIMEOUT_SECONDS = 120;

    private final GameSetup setup;
    private final Scenario scenario;
    /** The seats: the setup's, then the platform's if the teacher opened it (replaced whole, never changed). */
    private volatile List<GameSetup.Seat> seats;
    private final Path folder;
    private final Journal journal;
    private final MarketModel model;
    private final ExecutorService engine = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "game-engine");
        t.setDaemon(true);
        return t;
    });
    /** Each seat's decisions in force (carried over round to round), and the last round it submitted for. */
    private final List<Map<LiveLever, Double>> inForce = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicIntegerArray submittedFor;
    /** Each round's figures, per seat. */
    private final List<List<ObjectNode>> rounds = new ArrayList<>();
    private final List<String> resultRows = new ArrayList<>();
    private volatile int roundsDone;
    /**
     * What the pages read, made on the game's thread after each round: a page asking while a round runs is answered
     * at once from the last one rather than waiting for the model.
     */
    private volatile View view;

    /**
     * The game as of its last round: the rounds' figures, each seat's so far, the computer's firms', the levers, and
     * the taste circle (the lesson's market view).
     */
    private record View(List<List<ObjectNode>> rounds, List<ObjectNode> sofar, List<ObjectNode> computer,
                        List<Map<LiveLever, Double>> levers, ObjectNode circle) {
    }

    /** The lesson's frames of the game's model, for its taste circle. */
    private final Frames frames;

    /**
     * Opens the game of {@code setup} in {@code folder}: a new one, or the one its journal records, replayed to
     * where it stood. Throws when the folder's journal records another game.
     */
    public static Game open(GameSetup setup, Path folder) throws IOException, GameSetup.GameException,
            marketsim.scenario.ScenarioException {
        GameSetup recorded = Journal.readSetup(folder);
        if (recorded != null && !recorded.equals(setup)) {
            throw new GameSetup.GameException(folder + " holds another game (" + describe(recorded) + "), not "
                    + describe(setup) + ": give another folder with --dir, or the same settings to resume it");
        }
        return new Game(setup, setup.scenario(), folder);
    }

    /**
     * Replays the game recorded in {@code from} into the new folder {@code to}, with no server: its settings and
     * decisions are read from {@code from}'s journal, which is copied, and every round it ran is run again. The
     * replay's {@code rounds.csv} is the game's, byte for byte, when the model is unchanged (a later version that
     * changed it gives a replay that differs, and says so). Returns the replayed game, open; the caller closes it.
     */
    public static Game replay(Path from, Path to) throws IOException, GameSetup.GameException,
            marketsim.scenario.ScenarioException {
        GameSetup setup = Journal.readSetup(from);
        if (setup == null) {
            throw new GameSetup.GameException(from + " holds no game: its " + Journal.FILE + " is missing or empty");
        }
        if (Files.exists(to.resolve(Journal.FILE))) {
            throw new GameSetup.GameException(to + " already holds a game: replay into a new folder");
        }
        Files.createDirectories(to);
        Files.copy(from.resolve(Journal.FILE), to.resolve(Journal.FILE));
        return open(setup, to);
    }

    private static String describe(GameSetup s) {
        return String.format(Locale.ROOT, "%s %s seed %d, %d teams, %d rounds of %d weeks%s", s.scenarioName(),
                s.overrides(), s.seed(), s.teams(), s.rounds(), s.roundTicks(), s.platformSeat() ? ", platform seat"
                        : "");
    }

    private Game(GameSetup setup, Scenario scenario, Path folder) throws IOException, GameSetup.GameException {
        this.setup = setup;
        this.scenario = scenario;
        this.folder = folder;
        this.seats = setup.seats(scenario.config());
        // room for the platform's seat, which the teacher may open
        this.submittedFor = new java.util.concurrent.atomic.AtomicIntegerArray(seats.size() + 1);
        for (int s = 0; s <= seats.size(); s++) {
            inForce.add(new java.util.concurrent.ConcurrentHashMap<>());
        }
        List<Journal.Entry> past = Journal.entries(folder);
        this.journal = Journal.open(folder, setup);
        this.model = new MarketModel(scenario.config(), setup.marketSeed());
        model.start();
        this.frames = new Frames(scenario, null, model); // the circle only: no lesson's story
        for (Journal.Entry e : past) {
            if (e.run()) {
                runRound(e.round());
            } else if (e.opensPlatform()) {
                seats = GameSetup.withPlatform(seats);
            } else {
                take(e.seat(), e.round(), values(e.values()));
            }
        }
        writeResults();
        publishView();
    }

    public GameSetup setup() {
        return setup;
    }

    public Scenario scenario() {
        return scenario;
    }

    public List<GameSetup.Seat> seats() {
        return seats;
    }

    public Path folder() {
        return folder;
    }

    /** The game's model, for tests to read between rounds (never while one runs). */
    MarketModel model() {
        return model;
    }

    public int roundsDone() {
        return roundsDone;
    }

    /**
     * Why the platform's seat cannot be opened, or null once it is (the teacher's page; journalled): it opens before
     * the first round, as the last seat, in a market with a platform whose seat is not open yet.
     */
    public String openPlatformSeat() {
        return call(() -> {
            if (scenario.config().platform() == null) {
                return "this scenario has no platform";
            }
            if (seats.stream().anyMatch(GameSetup.Seat::platform)) {
                return "the platform's seat is open already";
            }
            if (roundsDone > 0) {
                return "the platform's seat opens only before the first round";
            }
            journal.openPlatform();
            seats = GameSetup.withPlatform(seats);
            publishView();
            return null;
        });
    }

    /** Whether the teacher may open the platform's seat now. */
    public boolean platformSeatClosed() {
        return scenario.config().platform() != null && roundsDone == 0
                && seats.stream().noneMatch(GameSetup.Seat::platform);
    }

    /** Whether every round has run. */
    public boolean over() {
        return roundsDone >= setup.rounds();
    }

    /** The levers seat {@code seat} decides. */
    List<LiveLever> levers(int seat) {
        return Decisions.levers(scenario.config(), seats.get(seat));
    }

    /**
     * Takes seat {@code seat}'s decisions for round {@code round} (keyed by lever name; a lever left out keeps its
     * value in force). Returns why they cannot be taken, or null when they were journalled and are in force from
     * that round.
     */
    public String decide(int seat, int round, Map<String, Double> values) {
        return call(() -> {
            if (over()) {
                return "the game is over: every round has run";
            }
            if (round <= roundsDone) {
                return String.format(Locale.ROOT, "round %d has already run: decisions now count from round %d",
                        round, roundsDone + 1);
            }
            if (round != roundsDone + 1) {
                return String.format(Locale.ROOT, "round %d is not open yet: round %d is", round, roundsDone + 1);
            }
            Map<LiveLever, Double> parsed = new LinkedHashMap<>();
            String problem = check(seat, values, parsed);
            if (problem != null) {
                return problem;
            }
            journal.decide(round, seat, values);
            take(seat, round, parsed);
            return null;
        });
    }

    /** Checks {@code values} against seat {@code seat}'s levers and their ranges, filling {@code parsed}. */
    private String check(int seat, Map<String, Double> values, Map<LiveLever, Double> parsed) {
        return Decisions.check(scenario.config(), seats.get(seat), levers(seat), values, parsed,
                lever -> value(seat, lever));
    }

    /** Runs the open round (the teacher's deadline passed, or every team submitted); false when the game is over. */
    public boolean runNextRound() {
        return run(roundsDone + 1);
    }

    /**
     * Runs round {@code round} if it is the one open (a deadline and the last team's decision may both ask for it:
     * it runs once); false otherwise.
     */
    public boolean run(int round) {
        return call(() -> {
            if (over() || round != roundsDone + 1) {
                return false;
            }
            journal.run(round); // before it runs: a server killed while it runs runs it again on resuming
            runRound(round);
            writeResults();
            publishView();
            return true;
        });
    }

    /** Whether seat {@code seat} has submitted decisions for the open round. */
    public boolean submitted(int seat) {
        return submittedFor.get(seat) == roundsDone + 1;
    }

    /** The figures of every round so far, per seat (round r at index r - 1). */
    public List<List<ObjectNode>> rounds() {
        return view.rounds();
    }

    /**
     * The rounds the pages show as done: those whose figures are published ({@link #rounds}). A round counts in
     * {@link #roundsDone} as soon as it has run, a moment before its figures are published; a page that read that
     * count and then the figures could find them missing.
     */
    public int roundsShown() {
        return view.rounds().size();
    }

    /** Whether the pages show the game as over: its last round's figures are published. */
    public boolean overShown() {
        return roundsShown() >= setup.rounds();
    }

    /** Seat {@code seat}'s figures over the game so far, or null before the first round. */
    public ObjectNode sofar(int seat) {
        List<ObjectNode> sofar = view.sofar();
        return sofar.isEmpty() ? null : sofar.get(seat);
    }

    /** The scenario's named firms no seat runs (the computer's), each with its figures over the game so far. */
    public List<ObjectNode> computerFirms() {
        return view.computer();
    }

    /** The taste circle as of the last round (the lesson's market view; circle.js draws it). */
    public ObjectNode circle() {
        return view.circle();
    }

    /** The value seat {@code seat}'s lever has now: its decision in force, else the run's (the scenario's). */
    public double value(int seat, LiveLever lever) {
        Double v = inForce.get(seat).get(lever);
        return v != null ? v : view.levers().get(seat).get(lever);
    }

    /** Whether seat {@code seat}'s firm sells at a price its team set ("price") or at a markup ("markup"). */
    public String pricing(int seat) {
        return inForce.get(seat).containsKey(LiveLever.PRICE) ? "price" : "markup";
    }

    /** The per-round results file's text (the same bytes whether the game ran straight or was resumed). */
    public String results() throws IOException {
        return Files.readString(folder.resolve(RESULTS), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        engine.shutdownNow();
        journal.close();
    }

    private void take(int seat, int round, Map<LiveLever, Double> values) {
        Decisions.carryOver(inForce.get(seat), values);
        submittedFor.set(seat, round);
    }

    private void runRound(int round) {
        for (int s = 0; s < seats.size(); s++) {
            GameSetup.Seat seat = seats.get(s);
            for (Map.Entry<LiveLever, Double> e : inForce.get(s).entrySet()) {
                e.getKey().setOn(model.controls(), seat.platform() ? 0 : seat.firm(), e.getValue());
            }
        }
        int from = model.ticksDone();
        for (int t = 0; t < setup.roundTicks(); t++) {
            model.schedule.step(model);
        }
        List<ObjectNode> figures = new ArrayList<>();
        for (GameSetup.Seat seat : seats) {
            ObjectNode f = Standings.of(model, seat, from, model.ticksDone());
            figures.add(f);
            resultRows.add(Standings.row(round, f));
        }
        rounds.add(figures);
        roundsDone = round;
    }

    /** On the game's thread: the pages' view of the game as it stands. */
    private void publishView() {
        List<ObjectNode> sofar = new ArrayList<>();
        List<ObjectNode> computer = new ArrayList<>();
        List<Map<LiveLever, Double>> levers = new ArrayList<>();
        for (GameSetup.Seat seat : seats) {
            if (roundsDone > 0) {
                sofar.add(Standings.of(model, seat, 0, model.ticksDone()));
            }
            Map<LiveLever, Double> values = new java.util.EnumMap<>(LiveLever.class);
            for (LiveLever lever : levers(seat.index())) {
                values.put(lever, lever.inForce(model, seat.platform() ? 0 : seat.firm()));
            }
            levers.add(values);
        }
        for (int j : LiveLever.movableFirms(scenario.config())) {
            int firm = j;
            if (roundsDone > 0 && seats.stream().noneMatch(s -> s.firm() == firm)) {
                var config = scenario.config().firms().get(j);
                computer.add(Standings.of(model, new GameSetup.Seat(-1, config.name(), config.archetype().key(), j), 0,
                        model.ticksDone()));
            }
        }
        view = new View(rounds.stream().map(List::copyOf).toList(), List.copyOf(sofar), List.copyOf(computer),
                List.copyOf(levers), frames.circle());
    }

    private void writeResults() throws IOException {
        StringBuilder b = new StringBuilder(String.join(",", Standings.COLUMNS)).append('\n');
        resultRows.forEach(r -> b.append(r).append('\n'));
        Path tmp = folder.resolve(RESULTS + ".tmp");
        Files.writeString(tmp, b.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, folder.resolve(RESULTS), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static Map<LiveLever, Double> values(Map<String, Double> byName) {
        Map<LiveLever, Double> out = new LinkedHashMap<>();
        byName.forEach((k, v) -> out.put(LiveLever.of(k), v));
        return out;
    }

    /** Runs {@code command} on the game's thread and waits for it. */
    private <T> T call(Callable<T> command) {
        return ModelThread.await(engine.submit(command), "the game", COMMAND_TIMEOUT_SECONDS);
    }
}
