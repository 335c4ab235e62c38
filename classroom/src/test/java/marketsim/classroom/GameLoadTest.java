package marketsim.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded load on loopback: {@value #TEAMS} teams' phones play {@value #ROUNDS} rounds of a market with a firm
 * for each, polling their seat every {@value #POLL_MS} ms as the page does and submitting every round after a
 * jittered think of up to {@value #THINK_MS} ms (joining too). No request fails, every round runs once all have submitted, and
 * the test prints the 99th percentile of the response times (submissions and polls). Tagged slow.
 */
@Tag("slow")
class GameLoadTest {
    static final int TEAMS = 60;
    static final int ROUNDS = 8;
    static final int THINK_MS = 2_000;
    static final int POLL_MS = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    /** The classroom market with 30 product-focused firms and 30 brands (and the platform's label). */
    private Path market() throws Exception {
        StringBuilder y = new StringBuilder("extends: classroom\nfirms:\n");
        for (int k = 0; k < TEAMS / 2; k++) {
            y.append(String.format(Locale.ROOT, "  - {name: bulk-%d, archetype: product-focused, position: %.3f}%n",
                    k, (double) k / (TEAMS / 2)));
            y.append(String.format(Locale.ROOT, "  - {name: brand-%d, archetype: customer-focused, position: %.3f}%n",
                    k, (k + 0.5) / (TEAMS / 2)));
        }
        y.append("  - {name: platform-label, archetype: hybrid-platform, position: 0.42}\n");
        Path file = dir.resolve("sixty.yaml");
        Files.writeString(file, y.toString());
        return file;
    }

    @Test
    void sixtyTeamsSubmitEveryRoundForEightRounds() throws Exception {
        Game game = Game.open(new GameSetup(market().toString(), List.of(), 3, TEAMS, 4, ROUNDS, false),
                dir.resolve("game"));
        try (GameServer server = GameServer.start(game, "127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + server.port();
            HttpClient http = HttpClient.newBuilder().connectTimeout(PATIENCE).build();
            ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
            List<Thread> phones = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int k = 0; k < TEAMS; k++) {
                int team = k;
                Thread t = new Thread(() -> play(http, base, team, nanos, errors), "phone-" + k);
                phones.add(t);
                t.start();
            }
            for (Thread t : phones) {
                t.join(Duration.ofMinutes(5).toMillis());
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            double p50 = sorted.get(sorted.size() / 2) / 1e6;
            double p99 = sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1e6;
            double max = sorted.get(sorted.size() - 1) / 1e6;
            System.out.printf(Locale.ROOT, "GameLoadTest: %d teams, %d rounds in %.1f s: %d requests, response time "
                    + "p50 %.1f ms, p99 %.1f ms, max %.1f ms; %d errors%n", TEAMS, ROUNDS, seconds, sorted.size(), p50,
                    p99, max, errors.size());
            assertThat(errors).as("failed requests").isEmpty();
            assertThat(p99).as("99th percentile, ms: a phone waits at most a few seconds").isLessThan(5_000);
            assertThat(game.roundsDone()).isEqualTo(ROUNDS);
        } finally {
            game.close();
        }
    }

    private static void play(HttpClient http, String base, int team, ConcurrentLinkedQueue<Long> nanos,
                             ConcurrentLinkedQueue<String> errors) {
        Random jitter = new Random(team); // the phones' timing, not the model's: the test's own seed
        try {
            Thread.sleep(jitter.nextInt(THINK_MS)); // the class joins over a few seconds, not in one instant
            String token = JSON.readTree(send(http, base + "/api/join", "{\"team\": \"team " + team + "\", \"seat\": "
                    + team + "}", null, nanos, errors)).path("token").asText();
            for (int round = 1; round <= ROUNDS; round++) {
                long submitAt = System.currentTimeMillis() + jitter.nextInt(THINK_MS);
                while (System.currentTimeMillis() < submitAt) { // the page polls while the team thinks
                    Thread.sleep(Math.min(POLL_MS, Math.max(1, submitAt - System.currentTimeMillis())));
                    send(http, base + "/api/seat", null, token, nanos, errors);
                }
                double markup = 0.2 + jitter.nextInt(100) / 100.0;
                send(http, base + "/api/decide", "{\"round\": " + round + ", \"values\": {\"markup\": " + markup + "}}",
                        token, nanos, errors);
                long until = System.currentTimeMillis() + PATIENCE.toMillis();
                while (JSON.readTree(send(http, base + "/api/seat", null, token, nanos, errors)).path("done").asInt()
                        < round) {
                    if (System.currentTimeMillis() > until) {
                        errors.add("team " + team + ": round " + round + " did not run");
                        return;
                    }
                    Thread.sleep(POLL_MS / 4 + jitter.nextInt(POLL_MS / 4));
                }
            }
        } catch (Exception e) {
            errors.add("team " + team + ": " + e);
        }
    }

    private static String send(HttpClient http, String url, String body, String token,
                               ConcurrentLinkedQueue<Long> nanos, ConcurrentLinkedQueue<String> errors) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(PATIENCE)
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header(GameServer.SEAT_HEADER, token);
        }
        b.method(body == null ? "GET" : "POST", body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        long t = System.nanoTime();
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        nanos.add(System.nanoTime() - t);
        if (r.statusCode() != 200) {
            errors.add(url + " " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
