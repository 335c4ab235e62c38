package marketsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code marketsim game} as a teacher starts it: the addresses it prints serve the game, two teams play a round, and
 * the same command after the server was stopped resumes the game after that round; bad flags exit 2.
 */
class GameCommandTest {
    @TempDir
    Path dir;

    /** Starts the command; returns the process and what it printed up to its last line. */
    private Process start(List<String> printed) throws Exception {
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "marketsim.cli.Main", "game", "--teams", "2", "--rounds", "3",
                "--port", "0", "--host", "127.0.0.1", "--dir", dir.resolve("g").toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null && !line.startsWith("Ctrl-C"); line = out.readLine()) {
            printed.add(line);
        }
        return p;
    }

    private static HttpResponse<String> post(HttpClient http, String url, String body, String header, String value)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (header != null) {
            b.header(header, value);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void stop(Process p) throws Exception {
        p.destroy();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the server stops on Ctrl-C (SIGTERM here)").isTrue();
    }

    @Test
    void itPrintsTheAddressesTwoTeamsPlayARoundAndTheSameCommandResumesIt() throws Exception {
        List<String> lines = new ArrayList<>();
        Process p = start(lines);
        HttpClient http = HttpClient.newHttpClient();
        try {
            String printed = String.join("\n", lines);
            assertThat(printed).startsWith("marketsim game: classroom, seed 20261125, 2 team seats, 3 rounds of 4 weeks")
                    .contains("Teams join on their phones at:", "Journal and results: ")
                    .doesNotContain("Exception", "SLF4J", "INFO", "resumed");
            Matcher teacher = Pattern.compile("http://localhost:(\\d+)/teacher\\?teacher=([0-9a-f]{24})").matcher(printed);
            assertThat(teacher.find()).as(printed).isTrue();
            String base = "http://localhost:" + teacher.group(1);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/teacher?teacher=" + teacher.group(2)))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            for (String team : List.of("Lions", "Tigers")) {
                String token = post(http, base + "/api/join", "{\"team\": \"" + team + "\"}", null, null).body()
                        .replaceAll(".*\"token\":\"([0-9a-f]+)\".*", "$1");
                HttpResponse<String> r = post(http, base + "/api/decide", "{\"round\": 1, \"values\": {\"markup\": 0.6}}",
                        "X-Seat", token);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            }
            long until = System.currentTimeMillis() + 30_000;
            while (!http.send(HttpRequest.newBuilder(URI.create(base + "/api/game")).build(),
                    HttpResponse.BodyHandlers.ofString()).body().contains("\"done\":1")) {
                assertThat(System.currentTimeMillis()).as("round 1 ran").isLessThan(until);
                Thread.sleep(50);
            }
        } finally {
            stop(p);
        }
        List<String> again = new ArrayList<>();
        Process resumed = start(again);
        stop(resumed);
        assertThat(String.join("\n", again)).contains("(resumed after round 1)");
        assertThat(dir.resolve("g").resolve("journal.jsonl")).exists();
        assertThat(dir.resolve("g").resolve("rounds.csv")).content().contains("1,0,bulk-a,");
    }

    /** {@code --replay}: the game run again from its journal, no server, says its rounds are the game's. */
    @Test
    void aGameReplayedFromItsJournalGivesItsRoundsAgain() throws Exception {
        Path played = dir.resolve("played");
        try (marketsim.classroom.Game game = marketsim.classroom.Game.open(new marketsim.classroom.GameSetup(
                "classroom", List.of(), 5, 2, 4, 3, false), played)) {
            for (int r = 1; r <= 2; r++) {
                assertThat(game.decide(0, r, java.util.Map.of("markup", 0.3 + 0.1 * r))).isNull();
                game.runNextRound();
            }
        }
        Cli replay = Cli.run("game", "--replay", played.toString(), "--dir", dir.resolve("again").toString());
        assertThat(replay.code()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("Replayed 2 rounds of", "rounds.csv is the game's, byte for byte.");
        assertThat(java.nio.file.Files.readString(dir.resolve("again").resolve("rounds.csv")))
                .isEqualTo(java.nio.file.Files.readString(played.resolve("rounds.csv")));
        // a game whose figures are not what its journal gives (here edited by hand) is told apart
        java.nio.file.Files.writeString(played.resolve("rounds.csv"), "edited\n",
                java.nio.file.StandardOpenOption.APPEND);
        Cli differs = Cli.run("game", "--replay", played.toString());
        assertThat(differs.code()).isEqualTo(1);
        assertThat(differs.out()).contains("rounds.csv DIFFERS from the game's");
        assertThat(dir.resolve("played-replay").resolve("rounds.csv")).exists();
        Cli none = Cli.run("game", "--replay", dir.resolve("nothing").toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("holds no game: its journal.jsonl is missing or empty").doesNotContain("\tat ");
    }

    /** The values of {@code column} in the CSV {@code file}'s rows that {@code keep} keeps (by column name). */
    private static List<Double> column(Path file, String column, java.util.function.Predicate<java.util.Map<String,
            String>> keep) throws Exception {
        List<String> lines = java.nio.file.Files.readAllLines(file);
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<Double> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            java.util.Map<String, String> row = new java.util.HashMap<>();
            for (int k = 0; k < header.size(); k++) {
                row.put(header.get(k), cells[k]);
            }
            if (keep.test(row)) {
                out.add(row.get(column).isEmpty() ? Double.NaN : Double.parseDouble(row.get(column)));
            }
        }
        return out;
    }

    @Test
    void aPlayedGameExportsAsAResultsFolderThatReportAndChartRead() throws Exception {
        Path played = dir.resolve("played");
        double brandProfit;
        try (marketsim.classroom.Game game = marketsim.classroom.Game.open(new marketsim.classroom.GameSetup(
                "classroom", List.of(), 5, 2, 4, 3, false), played)) {
            // bulk-a leaves the platform; brand-a sets its price, 25
            assertThat(game.decide(0, 1, java.util.Map.of("channel_platform", 0.0))).isNull();
            assertThat(game.decide(1, 1, java.util.Map.of("price", 25.0))).isNull();
            for (int r = 1; r <= 3; r++) {
                game.runNextRound();
            }
            brandProfit = game.sofar(1).get("net_profit").asDouble();
        }
        Path out = dir.resolve("as-run");
        Cli export = Cli.run("game", "--replay", played.toString(), "--export", out.toString(), "--reps", "3");
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out()).contains("Exported 3 rounds of", "as 3 replications (1: the game as played)",
                "Results: " + out);
        for (String file : List.of("manifest.json", "scenario.yaml", "timeseries.csv", "summary.csv", "aggregate.csv",
                "report.html", "journal.jsonl", "charts")) {
            assertThat(out.resolve(file)).as(file).exists();
        }
        // replication 1 is the game as played: brand-a's profit over its 12 weeks, tick by tick, is the game's
        Path series = out.resolve("timeseries.csv");
        List<Double> brand = column(series, "net_profit", r -> r.get("replication").equals("1")
                && r.get("entity").equals("brand-a"));
        assertThat(brand).hasSize(12);
        assertThat(brand.stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(brandProfit, org.assertj.core.data.Offset.offset(1e-6 * Math.abs(brandProfit)));
        // in every replication bulk-a sells nothing on the platform, as the team chose
        assertThat(column(series, "platform_units", r -> r.get("entity").equals("bulk-a"))).hasSize(36)
                .allMatch(v -> v == 0);
        Cli report = Cli.run("report", out.toString());
        assertThat(report.code()).as(report.err()).isZero();
        Cli chart = Cli.run("chart", out.toString());
        assertThat(chart.code()).as(chart.err()).isZero();
        // the folder holds the game's journal: it replays from there too
        Cli again = Cli.run("game", "--replay", out.toString(), "--dir", dir.resolve("again").toString());
        assertThat(again.code()).as(again.err()).isZero();
        Cli taken = Cli.run("game", "--replay", played.toString(), "--export", out.toString());
        assertThat(taken.code()).isEqualTo(2);
        assertThat(taken.err()).contains("already exists").doesNotContain("\tat ");
        Cli lone = Cli.run("game", "--export", dir.resolve("x").toString());
        assertThat(lone.code()).isEqualTo(2);
        assertThat(lone.err()).contains("--export: give the game to export with --replay GAME_DIR");
    }

    @Test
    void aGameOfAScenarioFileReplaysFromAnotherFolder() throws Exception {
        // the teacher starts the game in a folder of their own, with a scenario file there by its relative path
        Path lesson = java.nio.file.Files.createDirectories(dir.resolve("lesson"));
        java.nio.file.Files.writeString(lesson.resolve("my-market.yaml"), "extends: classroom\ndescription: our own market\n");
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "marketsim.cli.Main", "game", "my-market.yaml", "--teams", "2",
                "--rounds", "2", "--port", "0", "--host", "127.0.0.1", "--dir", "g");
        Process p = new ProcessBuilder(command).directory(lesson.toFile()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> printed = new ArrayList<>();
        for (String line = out.readLine(); line != null && !line.startsWith("Ctrl-C"); line = out.readLine()) {
            printed.add(line);
        }
        stop(p);
        assertThat(String.join("\n", printed)).contains("marketsim game: ").contains("my-market");
        // the journal names the file by its absolute path; replayed and exported from here (another folder)
        assertThat(java.nio.file.Files.readAllLines(lesson.resolve("g").resolve("journal.jsonl")).get(0))
                .contains("\"scenario\":\"" + lesson.resolve("my-market.yaml").toAbsolutePath());
        Cli replay = Cli.run("game", "--replay", lesson.resolve("g").toString(), "--dir", dir.resolve("r").toString());
        assertThat(replay.code()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("Replayed 0 rounds");
        // no round has run: nothing to export, said plainly
        Cli export = Cli.run("game", "--replay", lesson.resolve("g").toString(), "--export",
                dir.resolve("e").toString(), "--reps", "1");
        assertThat(export.code()).isEqualTo(2);
        assertThat(export.err()).contains("has run no round yet: nothing to export").doesNotContain("\tat ");
    }

    @Test
    void badFlagsAndScenariosAreExit2() {
        Cli teams = Cli.run("game", "--teams", "9", "--dir", dir.resolve("a").toString());
        assertThat(teams.code()).isEqualTo(2);
        assertThat(teams.err()).contains("--teams 9: this scenario has 6 seats (its firms; --platform-seat opens the "
                + "platform's)").doesNotContain("\tat ");
        Cli rounds = Cli.run("game", "--rounds", "0", "--dir", dir.resolve("b").toString());
        assertThat(rounds.code()).isEqualTo(2);
        assertThat(rounds.err()).contains("--rounds 0: must be 1 to 60");
        Cli imitation = Cli.run("game", "strategy-evolution", "--dir", dir.resolve("c").toString());
        assertThat(imitation.code()).isEqualTo(2);
        assertThat(imitation.err()).contains("lets firms imitate each other's strategies");
        Cli scenario = Cli.run("game", "no-such-game", "--dir", dir.resolve("d").toString());
        assertThat(scenario.code()).isEqualTo(2);
        assertThat(scenario.err()).contains("no built-in scenario or file named 'no-such-game'");
    }

    /** A port another program holds: exit 2 with what to do, and no half-made game folder left behind. */
    @Test
    void aPortInUseLeavesNoGameFolder() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            Path folder = dir.resolve("never-played");
            Cli busy = Cli.run("game", "--host", "127.0.0.1", "--port", String.valueOf(taken.getLocalPort()), "--dir",
                    folder.toString());
            assertThat(busy.code()).isEqualTo(2);
            assertThat(busy.err()).contains("is already in use").contains("--port 0").doesNotContain("\tat ");
            assertThat(folder).doesNotExist();
        }
    }
}
