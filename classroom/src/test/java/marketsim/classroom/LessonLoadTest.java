package marketsim.classroom;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import marketsim.scenario.Scenario;
import marketsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A bounded load on loopback: {@value #PAGES} pages watch a lesson played for {@value #SECONDS} seconds. Every page
 * receives every week, the lesson keeps its tick rate, and nothing fails. Tagged slow (two minutes); it prints its
 * figures.
 */
@Tag("slow")
class LessonLoadTest {
    static final int PAGES = 50;
    static final int SECONDS = 120;
    /** Weeks a second: twice a lesson's default, over a horizon long enough not to finish first. */
    static final double SPEED = 4;

    @Test
    void fiftyWatchingPagesForTwoMinutes() throws Exception {
        Scenario scenario = ScenarioLoader.load("classroom", List.of("horizon=1000"));
        try (LessonServer server = LessonServer.start(scenario, ScenarioLoader.story("classroom", ""), "127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + server.port();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
            AtomicLongArray ticks = new AtomicLongArray(PAGES);
            AtomicLong bytes = new AtomicLong();
            ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
            List<Thread> pages = new ArrayList<>();
            for (int k = 0; k < PAGES; k++) {
                int page = k;
                Thread t = new Thread(() -> watch(http, base, page, ticks, bytes, errors), "page-" + k);
                t.setDaemon(true);
                t.start();
                pages.add(t);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (server.watching() < PAGES && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(server.watching()).as("pages connected").isEqualTo(PAGES);
            post(http, base, server.token(), "{\"action\": \"speed\", \"speed\": " + SPEED + "}");
            long started = System.nanoTime();
            post(http, base, server.token(), "{\"action\": \"play\"}");
            Thread.sleep(Duration.ofSeconds(SECONDS).toMillis());
            post(http, base, server.token(), "{\"action\": \"pause\"}");
            double elapsed = (System.nanoTime() - started) / 1e9;
            int weeks = server.lesson().inspect(m -> m.ticksDone());
            Thread.sleep(2_000); // the last frames on their way
            long least = Long.MAX_VALUE;
            long most = 0;
            for (int k = 0; k < PAGES; k++) {
                least = Math.min(least, ticks.get(k));
                most = Math.max(most, ticks.get(k));
            }
            double rate = weeks / elapsed;
            System.out.printf(Locale.ROOT, "lesson load: %d pages, %.1f s, %d weeks played (%.2f a second against %.1f "
                    + "set), each page received %d..%d tick frames, %.1f MB sent in all, %d errors, %d pages still "
                    + "watching%n", PAGES, elapsed, weeks, rate, SPEED, least, most, bytes.get() / 1e6, errors.size(),
                    server.watching());
            assertThat(errors).as("errors").isEmpty();
            assertThat(least).as("every page received every week").isEqualTo(weeks);
            // the lesson's own thread keeps time; 5% covers a loaded CI machine's scheduling jitter
            assertThat(rate).as("weeks a second").isGreaterThan(0.95 * SPEED);
            assertThat(server.watching()).isEqualTo(PAGES);
        }
    }

    private static void watch(HttpClient http, String base, int page, AtomicLongArray ticks, AtomicLong bytes,
                              ConcurrentLinkedQueue<String> errors) {
        try {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/events"))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    bytes.addAndGet(line.length() + 1);
                    if (line.equals("event: tick")) {
                        ticks.incrementAndGet(page);
                    }
                }
            }
        } catch (Exception e) {
            errors.add("page " + page + ": " + e);
        }
    }

    private static void post(HttpClient http, String base, String token, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/control"))
                .header(LessonServer.TOKEN_HEADER, token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
}
