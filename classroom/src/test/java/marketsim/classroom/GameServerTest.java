package marketsim.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The game's server over real HTTP on loopback: a team joins and acts only for its seat, the teacher's controls need
 * the teacher's token, refusals carry their reason, a round runs when every team that joined has submitted or the
 * teacher's deadline passes, and a restarted server knows its teams' tokens.
 */
class GameServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PATIENCE).build();
    private GameServer server;

    @TempDir
    Path dir;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
            server.game().close();
        }
    }

    private void start() throws Exception {
        Game game = Game.open(new GameSetup("classroom", List.of(), 5, 2, 4, 3, false), dir.resolve("g"));
        server = GameServer.start(game, "127.0.0.1", 0);
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(PATIENCE).header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String error(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).path("error").asText();
    }

    private String join(String team, Integer seat) throws Exception {
        HttpResponse<String> r = send("POST", "/api/join", "{\"team\": \"" + team + "\""
                + (seat == null ? "" : ", \"seat\": " + seat) + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("token").asText();
    }

    private JsonNode game() throws Exception {
        return JSON.readTree(send("GET", "/api/game", null).body());
    }

    private void awaitRounds(int done) throws Exception {
        long until = System.nanoTime() + PATIENCE.toNanos();
        while (game().get("done").asInt() < done) {
            assertThat(System.nanoTime()).as("round " + done + " ran").isLessThan(until);
            Thread.sleep(50);
        }
    }

    @Test
    void aTeamActsOnlyForItsSeatAndARoundRunsWhenEveryTeamHasSubmitted() throws Exception {
        start();
        String lions = join("Lions", 0);
        String tigers = join("Tigers", null);
        assertThat(error(send("POST", "/api/join", "{\"team\": \"Bears\", \"seat\": 0}")))
                .isEqualTo("bulk-a is taken by Lions: pick another seat");
        assertThat(error(send("POST", "/api/join", "{\"team\": \"lions\"}")))
                .isEqualTo("a team called Lions plays bulk-a already: choose another name");
        assertThat(error(send("POST", "/api/join", "{\"team\": \"Bears\"}"))).isEqualTo("every seat is taken: ask the teacher");
        JsonNode seat = JSON.readTree(send("GET", "/api/seat", null, GameServer.SEAT_HEADER, tigers).body());
        assertThat(seat.get("name").asText()).isEqualTo("brand-a");
        assertThat(seat.get("levers").findValuesAsText("key")).containsExactly("markup", "price",
                "quality_spend", "marketing_spend", "education_spend", "personalization", "channel_direct",
                "channel_platform", "channel_store");
        assertThat(seat.get("pricing").asText()).isEqualTo("markup"); // a price or a markup: the markup until set
        JsonNode price = seat.get("levers").get(1);
        assertThat(price.get("min").asDouble()).isEqualTo(11.0); // brand-a's unit cost, to 3 times it
        assertThat(price.get("max").asDouble()).isEqualTo(33.0);
        assertThat(seat.get("channels").toString()).contains(
                "{\"channel\":\"direct\",\"lever\":\"channel_direct\",\"yours\":true",
                "{\"channel\":\"platform\",\"lever\":\"channel_platform\",\"yours\":false,\"fees\":\"take rate 15% of price");

        // Tigers' phone cannot act for Lions' seat, nor can a page without a token, nor one that makes one up
        HttpResponse<String> forOther = send("POST", "/api/decide",
                "{\"seat\": 0, \"round\": 1, \"values\": {\"markup\": 0.1}}", GameServer.SEAT_HEADER, tigers);
        assertThat(forOther.statusCode()).isEqualTo(403);
        assertThat(error(forOther)).isEqualTo("this page acts for brand-a only, not for seat 0");
        assertThat(send("POST", "/api/decide", "{\"round\": 1, \"values\": {\"markup\": 0.1}}").statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/api/decide", "{\"round\": 1, \"values\": {\"markup\": 0.1}}",
                GameServer.SEAT_HEADER, "0123456789abcdef01234567").statusCode()).isEqualTo(403);
        HttpResponse<String> tooHigh = send("POST", "/api/decide", "{\"round\": 1, \"values\": {\"markup\": 3}}",
                GameServer.SEAT_HEADER, lions);
        assertThat(tooHigh.statusCode()).isEqualTo(400);
        assertThat(error(tooHigh)).isEqualTo("Markup: must be in [0%, 200%] (% of full unit cost), got 300%");
        // the teacher's controls need the teacher's token
        assertThat(send("POST", "/api/teacher", "{\"action\": \"run\"}", GameServer.SEAT_HEADER, lions).statusCode())
                .isEqualTo(403);

        assertThat(send("POST", "/api/decide", "{\"seat\": 0, \"round\": 1, \"values\": {\"markup\": 0.5}}",
                GameServer.SEAT_HEADER, lions).statusCode()).isEqualTo(200);
        assertThat(game().get("done").asInt()).isZero();
        assertThat(game().get("seats").get(0).get("submitted").asBoolean()).isTrue();
        assertThat(send("POST", "/api/decide", "{\"round\": 1, \"values\": {\"markup\": 1.2}}",
                GameServer.SEAT_HEADER, tigers).statusCode()).isEqualTo(200);
        awaitRounds(1);
        JsonNode after = JSON.readTree(send("GET", "/api/seat", null, GameServer.SEAT_HEADER, tigers).body());
        assertThat(after.get("results").get(0).get("price").asDouble()).isCloseTo(11 * 2.2,
                org.assertj.core.data.Offset.offset(0.01));
        HttpResponse<String> late = send("POST", "/api/decide", "{\"round\": 1, \"values\": {\"markup\": 1.0}}",
                GameServer.SEAT_HEADER, tigers);
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(error(late)).isEqualTo("round 1 has already run: decisions now count from round 2");
        assertThat(game().get("seats").get(1).get("sofar").get("net_profit").isNumber()).isTrue();

        // round 2: only Tigers submits; the teacher's deadline runs it, Lions' 50% carried over
        send("POST", "/api/decide", "{\"round\": 2, \"values\": {\"markup\": 1.0}}", GameServer.SEAT_HEADER, tigers);
        assertThat(game().get("done").asInt()).isEqualTo(1);
        assertThat(send("POST", "/api/teacher", "{\"action\": \"deadline\", \"seconds\": 1}",
                LessonServer.TOKEN_HEADER, server.teacherToken()).statusCode()).isEqualTo(200);
        awaitRounds(2);
        assertThat(server.game().value(0, marketsim.core.LiveLever.MARKUP)).isEqualTo(0.5);
        // the teacher's charts get each seat's figures round by round, the results' own
        JsonNode history = game().get("history");
        assertThat(history.get("price").get(1)).hasSize(2);
        assertThat(history.get("price").get(1).get(0).asDouble()).isCloseTo(11 * 2.2,
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(history.get("net_profit").get(0).get(1).asDouble())
                .isEqualTo(server.game().rounds().get(1).get(0).get("net_profit").asDouble());

        // the server restarts on the same folder: the phones' tokens and the teacher's still work
        String teacher = server.teacherToken();
        server.close();
        server.game().close();
        server = null;
        start();
        assertThat(server.teacherToken()).isEqualTo(teacher);
        JsonNode back = JSON.readTree(send("GET", "/api/seat", null, GameServer.SEAT_HEADER, lions).body());
        assertThat(back.get("team").asText()).isEqualTo("Lions");
        assertThat(back.get("results")).hasSize(2);
    }

    /**
     * The teacher's page shows the join address as a QR code the server draws: well-formed SVG with the quiet zone,
     * a version's size (21 + 4v modules), the three finder patterns in their corners, and exactly the modules
     * qrcodegen encodes for the address the server was given (or, before it is given one, the address the request
     * came in at). qrcodegen cannot decode, so the check is the grid against a fresh encoding of the same text.
     */
    @Test
    void theJoinQrCodeIsServedAsSvgAndEncodesTheJoinAddress() throws Exception {
        start();
        String own = "http://127.0.0.1:" + server.port() + "/";
        assertQrOf(send("GET", "/join-qr.svg", null), own);
        String address = "http://192.168.1.20:7070/";
        server.joinAddress(address);
        HttpResponse<String> r = send("GET", "/join-qr.svg", null);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        boolean[][] grid = assertQrOf(r, address);
        assertThat(grid.length).as("a 25-character address at MEDIUM fits version 2").isEqualTo(25);
        assertThat(send("GET", "/teacher", null).body()).contains("src=\"/join-qr.svg\"");
    }

    /** Parses the SVG's dark modules back into a grid, checks its shape and returns it. */
    private static boolean[][] assertQrOf(HttpResponse<String> r, String address) throws Exception {
        assertThat(r.statusCode()).isEqualTo(200);
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        org.w3c.dom.Document svg = f.newDocumentBuilder().parse(new org.xml.sax.InputSource(
                new java.io.StringReader(r.body())));
        org.w3c.dom.Element root = svg.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.getElementsByTagNameNS("*", "title").item(0).getTextContent()).isEqualTo(address);
        int modules = Integer.parseInt(root.getAttribute("data-modules"));
        assertThat((modules - 21) % 4).as("21 + 4v modules").isZero();
        assertThat(modules).isBetween(21, 177);
        int side = modules + 2 * JoinQr.QUIET_ZONE;
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 " + side + " " + side);
        String d = ((org.w3c.dom.Element) root.getElementsByTagNameNS("*", "path").item(0)).getAttribute("d");
        boolean[][] grid = new boolean[modules][modules];
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("M(\\d+),(\\d+)h1v1h-1z").matcher(d);
        int count = 0;
        while (m.find()) {
            int x = Integer.parseInt(m.group(1)) - JoinQr.QUIET_ZONE;
            int y = Integer.parseInt(m.group(2)) - JoinQr.QUIET_ZONE;
            assertThat(x).isBetween(0, modules - 1);
            assertThat(y).isBetween(0, modules - 1);
            grid[y][x] = true;
            count++;
        }
        assertThat(d.replaceAll("M\\d+,\\d+h1v1h-1z", "")).as("nothing but unit squares").isEmpty();
        // the finder patterns: a 7x7 dark ring round a 3x3 dark centre, top-left, top-right and bottom-left
        for (int[] corner : new int[][] {{0, 0}, {modules - 7, 0}, {0, modules - 7}}) {
            for (int i = 0; i < 7; i++) {
                for (int j = 0; j < 7; j++) {
                    boolean ring = i == 0 || i == 6 || j == 0 || j == 6;
                    boolean centre = i >= 2 && i <= 4 && j >= 2 && j <= 4;
                    assertThat(grid[corner[1] + i][corner[0] + j]).as("finder at " + corner[0] + "," + corner[1])
                            .isEqualTo(ring || centre);
                }
            }
        }
        io.nayuki.qrcodegen.QrCode expected = io.nayuki.qrcodegen.QrCode.encodeText(address,
                io.nayuki.qrcodegen.QrCode.Ecc.MEDIUM);
        assertThat(modules).isEqualTo(expected.size);
        int dark = 0;
        for (int y = 0; y < modules; y++) {
            for (int x = 0; x < modules; x++) {
                assertThat(grid[y][x]).as("module " + x + "," + y).isEqualTo(expected.getModule(x, y));
                dark += grid[y][x] ? 1 : 0;
            }
        }
        assertThat(count).isEqualTo(dark);
        return grid;
    }

    @Test
    void theTeacherOpensThePlatformsSeatFromThePageBeforeTheFirstRound() throws Exception {
        start();
        String teacher = server.teacherToken();
        assertThat(game().get("platform_seat_closed").asBoolean()).isTrue();
        // a page without the teacher's token cannot open it
        HttpResponse<String> anyone = send("POST", "/api/teacher", "{\"action\": \"open-platform\"}");
        assertThat(anyone.statusCode()).isEqualTo(403);
        HttpResponse<String> opened = send("POST", "/api/teacher", "{\"action\": \"open-platform\"}",
                GameServer.TEACHER_HEADER, teacher);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        JsonNode seats = game().get("seats");
        assertThat(seats).hasSize(3);
        assertThat(seats.get(2).get("name").asText()).isEqualTo("platform");
        assertThat(game().get("platform_seat_closed").asBoolean()).isFalse();
        HttpResponse<String> again = send("POST", "/api/teacher", "{\"action\": \"open-platform\"}",
                GameServer.TEACHER_HEADER, teacher);
        assertThat(error(again)).isEqualTo("the platform's seat is open already");
        // a team takes it and sets the take rate; the round runs when all three have submitted
        String lions = join("Lions", 0);
        String tigers = join("Tigers", 1);
        String owls = join("Owls", 2);
        JsonNode seat = JSON.readTree(send("GET", "/api/seat", null, GameServer.SEAT_HEADER, owls).body());
        assertThat(seat.get("levers").findValuesAsText("key")).containsExactly("take_rate", "subsidy",
                "self_preferencing");
        for (String[] t : new String[][] {{lions, "0", "markup", "0.4"}, {tigers, "1", "markup", "1.0"},
                {owls, "2", "take_rate", "0.3"}}) {
            HttpResponse<String> r = send("POST", "/api/decide", "{\"seat\": " + t[1] + ", \"round\": 1, "
                    + "\"values\": {\"" + t[2] + "\": " + t[3] + "}}", GameServer.SEAT_HEADER, t[0]);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        awaitRounds(1);
        assertThat(server.game().model().platform().takeRate()).isEqualTo(0.3);
        // resumed from its journal: the same three seats
        Path folder = server.game().folder();
        server.close();
        server.game().close();
        server = null;
        try (Game resumed = Game.open(new GameSetup("classroom", List.of(), 5, 2, 4, 3, false), folder)) {
            assertThat(resumed.seats()).extracting(GameSetup.Seat::name).containsExactly("bulk-a", "brand-a",
                    "platform");
            assertThat(resumed.roundsDone()).isEqualTo(1);
            assertThat(resumed.openPlatformSeat()).isEqualTo("the platform's seat is open already");
        }
    }
}
