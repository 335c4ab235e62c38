package marketsim.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import marketsim.classroom.Game;
import marketsim.classroom.GameServer;
import marketsim.classroom.GameSetup;
import marketsim.classroom.LessonServer;
import marketsim.classroom.PlayedGame;
import marketsim.charts.Figures;
import marketsim.results.experiment.Experiment;
import marketsim.results.experiment.ResultsFolder;
import marketsim.results.experiment.TimeSeries;
import marketsim.scenario.Params;
import marketsim.scenario.ScenarioLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code marketsim game [SCENARIO] [--teams N] [--round-ticks T] [--rounds R] [--port P]}: the class plays. */
@Command(name = "game", mixinStandardHelpOptions = true,
        description = {"A participatory game in the browser: teams join from their phones, each runs a firm (or the "
                + "platform, with --platform-seat) and decides its price or markup, spending, personalization and channels every round; "
                + "computer firms fill the other seats. The teacher's page (on the projector) shows the join address, "
                + "the teams, the round's clock and the leaderboard.",
                "Every decision is journalled in the game's folder: the same command again resumes the game where it "
                        + "stood. Ctrl-C stops the server."})
final class GameCommand implements Callable<Integer> {
    private static final int MAX_PORT = 65_535;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", defaultValue = "classroom",
            description = "Built-in scenario name or file (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--teams", paramLabel = "N", description = "Seats for teams (default: "
            + GameSetup.DEFAULT_TEAMS + "); computer firms play the seats no team takes.")
    int teams = GameSetup.DEFAULT_TEAMS;

    @Option(names = "--round-ticks", paramLabel = "T", description = "Weeks a round runs (default: "
            + GameSetup.DEFAULT_ROUND_TICKS + ").")
    int roundTicks = GameSetup.DEFAULT_ROUND_TICKS;

    @Option(names = "--rounds", paramLabel = "R", description = "Rounds in the game (default: "
            + GameSetup.DEFAULT_ROUNDS + ").")
    int rounds = GameSetup.DEFAULT_ROUNDS;

    @Option(names = "--platform-seat", description = "Open the platform as a seat (its take rate, subsidy and "
            + "self-preferencing), the first one.")
    boolean platformSeat;

    @Option(names = "--port", paramLabel = "P", description = "Port to listen on (default: "
            + ClassroomCommand.DEFAULT_PORT + "; 0 picks a free one).")
    int port = ClassroomCommand.DEFAULT_PORT;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on (default: all of this "
            + "machine's, so phones on the network can join).")
    String host = "0.0.0.0";

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the game (default: the scenario's).")
    Long seed;

    @Option(names = "--dir", paramLabel = "DIR", description = "The game's folder: its decision journal and "
            + "results (default: game-SCENARIO in this folder). A folder with a journal resumes its game.")
    Path dir;

    @Option(names = "--replay", paramLabel = "GAME_DIR", description = "Replay the game in GAME_DIR from its "
            + "journal, with no server, into --dir (default: GAME_DIR-replay, which must not hold a game): the "
            + "settings are the journal's; says whether the replay's rounds.csv is the game's, byte for byte.")
    Path replay;

    @Option(names = "--export", paramLabel = "OUT", description = "With --replay: write the game as a results folder "
            + "OUT (which must not exist), as marketsim run writes one: timeseries, summary, aggregate, manifest, "
            + "scenario, charts and report.html, read by marketsim report and chart. Replication 1 is the game as "
            + "played; the others replay its decisions on other draws of the market (the debrief's). OUT also holds the "
            + "game's journal, so --replay OUT plays it again.")
    Path export;

    @Option(names = "--reps", paramLabel = "N", description = "With --export: replications (default: the scenario's).")
    Integer reps;

    @Mixin
    ScenarioOptions scenarioOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (export != null && replay == null) {
            throw new BadInputException("--export: give the game to export with --replay GAME_DIR");
        }
        if (reps != null && export == null) {
            throw new BadInputException("--reps: only with --export");
        }
        if (export != null) {
            return export();
        }
        if (replay != null) {
            return replay();
        }
        if (port < 0 || port > MAX_PORT) {
            throw new BadInputException("--port " + port + ": must be 0 (any free port) to " + MAX_PORT);
        }
        long gameSeed = seed != null ? seed : ScenarioLoader.load(scenario, scenarioOptions.overrides).seed();
        GameSetup setup = new GameSetup(journalled(scenario), scenarioOptions.overrides, gameSeed, teams, roundTicks,
                rounds, platformSeat);
        if (setup.problem() != null) {
            throw new BadInputException(setup.problem());
        }
        Path folder = dir != null ? dir : Path.of("game-" + Path.of(scenario).getFileName().toString()
                .replaceFirst("\\.ya?ml$", ""));
        boolean resuming = Files.exists(folder.resolve("journal.jsonl"));
        boolean fresh = !Files.exists(folder);
        Game game;
        try {
            game = Game.open(setup, folder);
        } catch (GameSetup.GameException e) {
            throw new BadInputException("marketsim game: " + e.getMessage());
        }
        GameServer server;
        try {
            server = GameServer.start(game, host, port);
        } catch (LessonServer.PortInUseException e) {
            game.close();
            if (fresh) { // nothing was played: leave no folder behind
                deleteFolder(folder);
            }
            throw new BadInputException("marketsim game: " + e.getMessage() + "; choose another with --port, e.g. "
                    + "--port 0 for any free one");
        }
        boolean local = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
        List<String> addresses = local ? List.of("localhost") : ClassroomCommand.classAddresses();
        String join = String.format(Locale.ROOT, "http://%s:%d/", addresses.get(0), server.port());
        server.joinAddress(join);
        CountDownLatch ended = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            try {
                game.close();
            } catch (java.io.IOException e) {
                // the journal was forced line by line: nothing is lost
            }
            ended.countDown();
        }, "game-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "marketsim game: %s, seed %d, %d team seat%s, %d rounds of %d weeks%s%n",
                game.scenario().name(), gameSeed, teams, teams == 1 ? "" : "s", rounds, roundTicks,
                resuming ? String.format(Locale.ROOT, " (resumed after round %d)", game.roundsDone()) : "");
        out.println("Teacher (on the projector; keep this address to yourself):");
        out.printf(Locale.ROOT, "  http://localhost:%d/teacher?teacher=%s%n", server.port(), server.teacherToken());
        out.println("Teams join on their phones at:");
        List<String> all = new ArrayList<>();
        addresses.forEach(a -> all.add(String.format(Locale.ROOT, "http://%s:%d/", a, server.port())));
        all.forEach(a -> out.println("  " + a));
        out.println("Journal and results: " + folder.toAbsolutePath() + " (the same command resumes the game)");
        out.println("Ctrl-C stops the server.");
        out.flush();
        ended.await();
        return CommandLine.ExitCode.OK;
    }

    /**
     * The scenario as the journal records it: a scenario file by its absolute path, so the game resumes, replays and
     * exports from any folder; a built-in scenario by its name.
     */
    static String journalled(String scenario) {
        try {
            Path file = Path.of(scenario);
            return Files.isRegularFile(file) ? file.toAbsolutePath().normalize().toString() : scenario;
        } catch (java.nio.file.InvalidPathException e) {
            return scenario; // not a file's name: the loader said what it is
        }
    }

    /** {@code --replay GAME_DIR --export OUT}: the game as a run's results folder, charts and report included. */
    private int export() throws Exception {
        if (reps != null && (reps < 1 || reps > Params.REPLICATIONS.max())) {
            throw new BadInputException("--reps " + reps + ": must be from 1 to " + (long) Params.REPLICATIONS.max());
        }
        PlayedGame game;
        try {
            game = PlayedGame.read(replay, reps);
        } catch (GameSetup.GameException e) {
            throw new BadInputException("marketsim game --replay: " + e.getMessage());
        }
        if (game.rounds() == 0) {
            throw new BadInputException("--export: " + replay + " has run no round yet: nothing to export");
        }
        Experiment experiment = new Experiment(game.scenario(), game.setup().overrides(),
                game.scenario().replications(), game.setup().seed(), RunOptions.threads(null));
        ResultsFolder.Destination destination = ResultsFolder.Destination.exactly(export);
        PrintWriter out = spec.commandLine().getOut();
        Path folder;
        try (ProgressBar progress = ProgressBar.create(spec.commandLine().getErr(), false, "replications")) {
            folder = ResultsFolder.run(destination, experiment, game::replication, TimeSeries.FULL, progress,
                    (rep, record) -> { }, staged -> {
                        Path journal = PlayedGame.journal(staged); // the decisions: a data file of the folder
                        Files.copy(PlayedGame.journal(replay), journal);
                        marketsim.format.Manifest.addChecksums(staged, List.of(journal.getFileName().toString()));
                        Figures.drawInto(staged);
                    }).folder();
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new BadInputException("--export " + export + ": already exists; give a new folder");
        }
        out.printf(Locale.ROOT, "Exported %d round%s of %s as %d replication%s (1: the game as played)%n",
                game.rounds(), game.rounds() == 1 ? "" : "s", replay, experiment.replications(),
                experiment.replications() == 1 ? "" : "s");
        out.printf(Locale.ROOT, "%nResults: %s%nReport:  %s%n", folder, folder.resolve("report.html"));
        out.flush();
        return CommandLine.ExitCode.OK;
    }

    /** {@code --replay GAME_DIR}: the game run again from its journal; 0 when its rounds are the game's, 1 if not. */
    private int replay() throws Exception {
        Path to = dir != null ? dir : replay.toAbsolutePath().normalize().resolveSibling(
                replay.toAbsolutePath().normalize().getFileName() + "-replay");
        String replayed;
        int rounds;
        try (Game game = Game.replay(replay, to)) {
            replayed = game.results();
            rounds = game.roundsDone();
        } catch (GameSetup.GameException e) {
            throw new BadInputException("marketsim game --replay: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        Path played = replay.resolve("rounds.csv");
        out.printf(Locale.ROOT, "Replayed %d round%s of %s into %s%n", rounds, rounds == 1 ? "" : "s", replay,
                to.toAbsolutePath());
        if (!Files.exists(played)) {
            out.println("The game's folder has no rounds.csv to compare with.");
            out.flush();
            return 0;
        }
        boolean same = Files.readString(played).equals(replayed);
        out.println(same ? "rounds.csv is the game's, byte for byte."
                : "rounds.csv DIFFERS from the game's: this version's model is not the one the game was played on.");
        out.flush();
        return same ? 0 : 1;
    }

    /** Removes a folder this command made and nothing else wrote into. */
    private static void deleteFolder(Path folder) throws java.io.IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
