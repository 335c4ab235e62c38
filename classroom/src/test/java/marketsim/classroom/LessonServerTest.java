package marketsim.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import marketsim.scenario.Scenario;
import marketsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lesson server as the page and a curious student reach it, over real HTTP on loopback: the page and its assets
 * come from the jar (nothing from the internet), only the teacher's token moves anything, bad requests are answered
 * with their reason and the server goes on, frames are a few KB, and a lever acts at the next week.
 */
class LessonServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PATIENCE).build();
    private LessonServer server;
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = start("classroom", List.of("horizon=30"));
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static LessonServer start(String name, List<String> overrides) throws Exception {
        Scenario scenario = ScenarioLoader.load(name, overrides);
        return LessonServer.start(scenario, ScenarioLoader.story(name, scenario.description()), "127.0.0.1", 0);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(PATIENCE).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(PATIENCE)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header(LessonServer.TOKEN_HEADER, token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> teacher(String path, String body) throws Exception {
        return post(path, body, server.token());
    }

    private static String error(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).path("error").asText();
    }

    @Test
    void thePageAndEveryAssetComeFromTheJarAndNothingFromTheInternet() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        Matcher refs = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
        List<String> assets = new ArrayList<>();
        while (refs.find()) {
            assets.add(refs.group(1));
        }
        assertThat(assets).hasSizeGreaterThanOrEqualTo(4).allMatch(a -> a.startsWith("/"), "served here");
        for (String asset : assets) {
            HttpResponse<String> r = get(asset);
            assertThat(r.statusCode()).as(asset).isEqualTo(200);
            assertThat(r.body()).as(asset).isNotEmpty();
            if (!asset.contains("uPlot")) { // our own files name no other site
                assertThat(r.body()).as(asset).doesNotContain("http://", "https://");
            }
        }
        assertThat(page.body()).doesNotContain("http://", "https://");
    }

    @Test
    void onlyTheTeachersTokenMovesTheLesson() throws Exception {
        for (String token : new String[] {null, "", "not-the-token", server.token() + "0"}) {
            HttpResponse<String> r = post("/api/control", "{\"action\": \"play\"}", token);
            assertThat(r.statusCode()).as("token %s", token).isEqualTo(403);
            assertThat(error(r)).isEqualTo("only the teacher's page moves the lesson: this page watches");
            r = post("/api/lever", "{\"lever\": \"take_rate\", \"value\": 0.3}", token);
            assertThat(r.statusCode()).isEqualTo(403);
        }
        assertThat(JSON.readTree(get("/api/lesson").body()).path("teacher").asBoolean()).isFalse();
        assertThat(JSON.readTree(get("/api/lesson?teacher=" + server.token()).body()).path("teacher").asBoolean()).isTrue();
        assertThat(server.lesson().<Double>inspect(m -> m.platform().takeRate())).isEqualTo(0.15);
        assertThat(server.lesson().<Integer>inspect(m -> m.ticksDone())).isZero();
    }

    @Test
    void badRequestsAreAnsweredWithTheirReasonAndTheServerGoesOn() throws Exception {
        String[][] cases = {
            {"/api/control", "{bad", "the request is not valid JSON"},
            {"/api/control", "[1, 2]", "the request must be a JSON object"},
            {"/api/control", "{}", "give \"action\" as text"},
            {"/api/control", "{\"action\": \"rewind\"}", "unknown action 'rewind': play, pause, step, speed, reset or reset-levers"},
            {"/api/control", "{\"action\": \"speed\", \"speed\": 1000}", "speed must be between 0.25 and 30.0 weeks a second, got 1000"},
            {"/api/control", "{\"action\": \"speed\", \"speed\": \"fast\"}", "give \"speed\" as a number"},
            {"/api/lever", "{\"lever\": \"price_war\", \"value\": 1}", "no lever 'price_war'"},
            {"/api/lever", "{\"lever\": \"take_rate\", \"value\": 7}", "Platform take rate: must be in [0%, 60%] (% of price), got 700%"},
            {"/api/lever", "{\"lever\": \"take_rate\", \"value\": -0.1}", "Platform take rate: must be in [0%, 60%] (% of price), got -10%"},
            {"/api/lever", "{\"lever\": \"take_rate\", \"value\": \"high\"}", "give \"value\" as a number"},
            {"/api/lever", "{\"lever\": \"teaching\", \"value\": 0.5}", "Teaching purchase criteria (education spend): must be 0 (off) or 1 (on)"},
            {"/api/lever", "{\"lever\": \"markup\", \"value\": 0.5}", "Markup: give the firm's index as \"firm\""},
            {"/api/lever", "{\"lever\": \"markup\", \"firm\": 99, \"value\": 0.5}", "Markup: no firm 99 to move"},
            {"/api/lever", "{\"lever\": \"markup\", \"firm\": 1.5, \"value\": 0.5}", "Markup: give the firm's index as \"firm\""},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = teacher(c[0], c[1]);
            assertThat(r.statusCode()).as(c[1]).isEqualTo(400);
            assertThat(error(r)).as(c[1]).startsWith(c[2]);
        }
        HttpResponse<String> missing = get("/api/nothing");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(error(missing)).isEqualTo("no such request: GET /api/nothing");
        assertThat(teacher("/api/control", "{\"action\": \"step\"}").statusCode()).isEqualTo(200);
        assertThat(server.lesson().<Integer>inspect(m -> m.ticksDone())).isEqualTo(1);
        assertThat(server.lesson().<Double>inspect(m -> m.platform().takeRate())).isEqualTo(0.15);
    }

    @Test
    void aLeverMovedActsAtTheNextWeekAndIsMarkedWithIt() throws Exception {
        teacher("/api/control", "{\"action\": \"step\"}");
        teacher("/api/control", "{\"action\": \"step\"}");
        assertThat(teacher("/api/lever", "{\"lever\": \"take_rate\", \"value\": 0.3}").statusCode()).isEqualTo(200);
        assertThat(server.lesson().<Double>inspect(m -> m.platform().takeRate())).as("not before the next week")
                .isEqualTo(0.15);
        teacher("/api/control", "{\"action\": \"step\"}");
        assertThat(server.lesson().<Double>inspect(m -> m.platform().takeRate())).isEqualTo(0.3);
        JsonNode lesson = JSON.readTree(get("/api/lesson").body());
        assertThat(lesson.path("changes").get(0).path("week").asInt()).isEqualTo(3);
        assertThat(lesson.path("changes").get(0).path("label").asText()).isEqualTo("Platform take rate 30%");
        assertThat(lesson.path("leverValues").path("take_rate").asDouble()).isEqualTo(0.3);
        assertThat(lesson.path("rows")).hasSize(3);
        // a reset keeps the lever (from week 1); a reset of the levers puts the scenario's back
        teacher("/api/control", "{\"action\": \"reset\"}");
        lesson = JSON.readTree(get("/api/lesson").body());
        assertThat(lesson.path("week").asInt()).isZero();
        assertThat(lesson.path("changes").get(0).path("week").asInt()).isEqualTo(1);
        teacher("/api/control", "{\"action\": \"step\"}");
        assertThat(server.lesson().<Double>inspect(m -> m.platform().takeRate())).isEqualTo(0.3);
        teacher("/api/control", "{\"action\": \"reset-levers\"}");
        teacher("/api/control", "{\"action\": \"step\"}");
        assertThat(server.lesson().<Double>inspect(m -> m.platform().takeRate())).isEqualTo(0.15);
        assertThat(JSON.readTree(get("/api/lesson").body()).path("changes")).isEmpty();
    }

    @Test
    void theSameSeedAndMovesGiveTheSameLesson() throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            teacher("/api/control", "{\"action\": \"reset-levers\"}");
            for (int week = 1; week <= 6; week++) {
                if (week == 3) {
                    teacher("/api/lever", "{\"lever\": \"markup\", \"firm\": 0, \"value\": 0.8}");
                }
                teacher("/api/control", "{\"action\": \"step\"}");
            }
            rows.add(JSON.readTree(get("/api/lesson").body()).path("rows"));
        }
        assertThat(rows.get(1)).isEqualTo(rows.get(0));
        teacher("/api/control", "{\"action\": \"reset\", \"nextSeed\": true}");
        JsonNode next = JSON.readTree(get("/api/lesson").body());
        assertThat(next.path("seed").asLong()).isEqualTo(ScenarioLoader.load("classroom").seed() + 1);
    }

    /** Aggregates, not consumers: a tick of jeo-baseline's 10,000 consumers is a few KB. */
    @Test
    void framesArriveAsServerSentEventsAndStayAFewKilobytes() throws Exception {
        try (LessonServer big = start("jeo-baseline", List.of())) {
            String at = "http://127.0.0.1:" + big.port();
            HttpResponse<InputStream> events = http.send(HttpRequest.newBuilder(URI.create(at + "/api/events"))
                    .header("Accept", "text/event-stream").timeout(PATIENCE).build(), HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader in = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
                assertThat(next(in)[0]).isEqualTo("setup");
                for (int week = 1; week <= 3; week++) {
                    HttpResponse<String> step = http.send(HttpRequest.newBuilder(URI.create(at + "/api/control"))
                            .header(LessonServer.TOKEN_HEADER, big.token())
                            .POST(HttpRequest.BodyPublishers.ofString("{\"action\": \"step\"}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(step.statusCode()).isEqualTo(200);
                    String[] tick = next(in);
                    assertThat(tick[0]).isEqualTo("tick");
                    JsonNode frame = JSON.readTree(tick[1]);
                    assertThat(frame.path("week").asInt()).isEqualTo(week);
                    assertThat(tick[1].length()).as("bytes of a tick frame at 10,000 consumers").isLessThan(6_000);
                    int consumers = 0;
                    for (JsonNode n : frame.path("bins")) {
                        consumers += n.asInt();
                    }
                    assertThat(consumers).as("every consumer in the circle's counts").isEqualTo(10_000);
                }
            }
        }
    }

    /** The next event: its name and its data. */
    private static String[] next(BufferedReader in) throws Exception {
        String event = null;
        StringBuilder data = new StringBuilder();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith("event: ")) {
                event = line.substring("event: ".length());
            } else if (line.startsWith("data: ")) {
                data.append(line.substring("data: ".length()));
            } else if (line.isEmpty() && event != null) {
                return new String[] {event, data.toString()};
            }
        }
        throw new AssertionError("the event stream ended");
    }

    @Test
    void aPortInUseIsSaid() {
        assertThatThrownBy(() -> LessonServer.start(server.lesson().scenario(), server.lesson().story(), "127.0.0.1",
                server.port()))
                .isInstanceOf(LessonServer.PortInUseException.class)
                .hasMessage("port " + server.port() + " is already in use by another program");
    }
}
