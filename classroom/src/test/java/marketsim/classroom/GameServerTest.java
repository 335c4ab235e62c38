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
        assertThat(error(send("POST", "/api/join", "{\"team\": \"Bears\"}"))).isEqualTo("every seat is taken: ask the teacher");
        JsonNode seat = JSON.readTree(send("GET", "/api/seat", null, GameServer.SEAT_HEADER, tigers).body());
        assertThat(seat.get("name").asText()).isEqualTo("brand-a");
        assertThat(seat.get("levers").findValuesAsText("key")).containsExactly("markup", "quality_spend",
                "marketing_spend", "education_spend", "personalization");
        assertThat(seat.get("channels").toString()).contains("{\"channel\":\"direct\",\"yours\":true",
                "{\"channel\":\"platform\",\"yours\":false,\"fees\":\"take rate 15% of price");

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
}
