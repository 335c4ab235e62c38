package marketsim.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The game as a class plays it, in real headless Chromium: the teacher's page on a 1280x720 projector and two teams'
 * pages on a 390x844 phone (two origins, 127.0.0.1 and localhost, so each keeps its own seat). Two rounds: each
 * team's markup or set price reaches its firm (the price on its page is the results file's), a team that unticks the
 * platform is delisted, a team cannot act for another, an
 * out-of-range markup is refused on the phone with its range, a team that does not submit carries its decisions
 * over when the teacher's deadline runs the round, a phone that comes back rejoins its seat, and the debrief shows
 * each team's profit and skill with their intervals; the teacher's page shows the join QR code. Writes
 * target/screenshots/game-teacher.png, game-teacher-charts.png (the charts by round and the debrief's),
 * game-team.png, game-team-price.png (a set price on the phone) and game-teacher-market.png (the taste circle); and
 * the teacher opens the platform's seat from the page, which a phone then takes. Tagged browser, like LessonPageTest.
 */
@Tag("browser")
class GamePageTest {
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;

    @TempDir
    Path dir;
    private Game game;
    private GameServer server;

    @BeforeEach
    void start() throws Exception {
        game = Game.open(new GameSetup("classroom", List.of(), 7, 2, 4, 4, false), dir.resolve("game"));
        server = GameServer.start(game, "127.0.0.1", 0);
        server.joinAddress("http://127.0.0.1:" + server.port() + "/");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        game.close();
    }

    private String origin(String host) {
        return "http://" + host + ":" + server.port();
    }

    private static void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    private void joinAndDecide(Browser phone, String host, String team, String seat, String markupPercent) {
        joinAndDecide(phone, host, team, seat, markupPercent, false);
    }

    private void joinAndDecide(Browser phone, String host, String team, String seat, String markupPercent,
                               boolean leavePlatform) {
        phone.driver.get(origin(host) + "/");
        phone.await("the join form", PATIENCE, d -> d.findElement(By.id("join")).isDisplayed());
        type(phone.driver.findElement(By.id("join-team")), team);
        phone.await("the free seats", PATIENCE, d -> !d.findElements(By.cssSelector("#join-seat option")).isEmpty()
                && d.findElement(By.id("join-seat")).getText().contains(seat));
        new org.openqa.selenium.support.ui.Select(phone.driver.findElement(By.id("join-seat")))
                .selectByVisibleText(seat + (seat.startsWith("bulk") ? " (product-focused)" : " (customer-focused)"));
        phone.driver.findElement(By.id("join-button")).click();
        phone.await(team + "'s seat", PATIENCE, d -> d.findElement(By.id("seat-title")).getText()
                .equals(team + ": " + seat));
        if (leavePlatform) {
            phone.await("the platform unticked", PATIENCE, d -> {
                try {
                    WebElement box = d.findElement(By.id("lever-channel_platform"));
                    if (box.isSelected()) {
                        box.click();
                    }
                    return !d.findElement(By.id("lever-channel_platform")).isSelected();
                } catch (org.openqa.selenium.StaleElementReferenceException e) {
                    return false;
                }
            });
        }
        decide(phone, markupPercent);
    }

    /**
     * Types the markup and submits. The page redraws its form on each poll until a lever is touched, so the input
     * found may be replaced before it is typed in: type again until the value sticks (focus keeps it from then on).
     */
    private void decide(Browser phone, String markupPercent) {
        phone.await("the markup typed", PATIENCE, d -> {
            try {
                WebElement input = d.findElement(By.id("lever-markup"));
                type(input, markupPercent);
                return markupPercent.equals(d.findElement(By.id("lever-markup")).getDomProperty("value"));
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return false;
            }
        });
        phone.driver.findElement(By.id("submit")).click();
    }

    /**
     * Chooses "I set my price" on the phone, types {@code price} and submits (the toggle, once clicked, keeps the
     * form from being redrawn).
     */
    private void decidePrice(Browser phone, String price) {
        phone.await("the price chosen and typed", PATIENCE, d -> {
            try {
                d.findElement(By.id("pricing-price")).click();
                WebElement input = d.findElement(By.id("lever-price"));
                if (!input.isDisplayed() || d.findElement(By.id("lever-markup")).isDisplayed()) {
                    return false;
                }
                type(input, price);
                return price.equals(d.findElement(By.id("lever-price")).getDomProperty("value"));
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return false;
            }
        });
        phone.driver.findElement(By.id("submit")).click();
    }

    private static String message(Browser b) {
        return b.await("a message", PATIENCE, d -> {
            WebElement m = d.findElement(By.id("message"));
            return m.isDisplayed() && !m.getText().isEmpty() ? m.getText() : null;
        });
    }

    @Test
    void twoTeamsPlayTwoRoundsTheirPricesReachTheirFirmsAndNeitherCanActForTheOther() throws Exception {
        try (Browser teacher = new Browser(); Browser phone = new Browser(PHONE_WIDTH, PHONE_HEIGHT)) {
            teacher.driver.get(origin("127.0.0.1") + "/teacher?teacher=" + server.teacherToken());
            teacher.await("the join address", PATIENCE, d -> d.findElement(By.id("join-address")).getText()
                    .equals(origin("127.0.0.1") + "/"));
            assertThat(teacher.driver.findElement(By.id("controls")).isDisplayed()).isTrue();

            // round 1: Lions run bulk-a at 50%, Tigers brand-a at 120%; a markup of 250% is refused with its range
            // Lions also leave the platform (bulk-a sells in its web store, on the platform and in the store)
            joinAndDecide(phone, "127.0.0.1", "Lions", "bulk-a", "50", true);
            assertThat(message(phone)).isEqualTo("Round 1: your decisions are in.");
            assertThat(game.value(0, marketsim.core.LiveLever.CHANNEL_PLATFORM)).isZero();
            assertThat(game.value(0, marketsim.core.LiveLever.CHANNEL_STORE)).isEqualTo(1.0);
            joinAndDecide(phone, "localhost", "Tigers", "brand-a", "250");
            assertThat(message(phone)).isEqualTo("Markup: must be in [0%, 200%] (% of full unit cost), got 250%");
            decide(phone, "120");
            phone.await("round 1's results", PATIENCE, d -> !d.findElements(By.id("last-price")).isEmpty());

            // the price on Tigers' page is brand-a's in the results: unit cost 11 x (1 + 120%)
            ObjectNode brand = game.rounds().get(0).get(1);
            assertThat(brand.get("name").asText()).isEqualTo("brand-a");
            assertThat(brand.get("price").asDouble()).isCloseTo(11 * 2.2, org.assertj.core.data.Offset.offset(0.01));
            String shown = String.format(Locale.ROOT, "%.2f", brand.get("price").asDouble());
            assertThat(phone.driver.findElement(By.id("last-price")).getText()).isEqualTo(shown + " money");
            assertThat(game.results()).contains("1,1,brand-a," + String.format(Locale.ROOT, "%.6g",
                    brand.get("price").asDouble()));

            // Tigers' phone cannot act for Lions' seat: the server refuses, and Lions' markup stays
            String answer = (String) ((org.openqa.selenium.JavascriptExecutor) phone.driver).executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                    + "fetch('/api/decide', {method: 'POST', headers: {'Content-Type': 'application/json', "
                    + "'X-Seat': localStorage.getItem('marketsim-game-seat')}, body: JSON.stringify({seat: 0, "
                    + "round: 2, values: {markup: 0.01}})}).then(function (r) { return r.json().then(function (j) "
                    + "{ done(r.status + ' ' + j.error); }); });");
            assertThat(answer).isEqualTo("403 this page acts for brand-a only, not for seat 0");
            assertThat(game.value(0, marketsim.core.LiveLever.MARKUP)).isEqualTo(0.5);

            // round 2: Tigers set their price outright, 23.50 (a price above 3 x its unit cost is refused with its
            // range); Lions do not submit, and the teacher's deadline runs it
            phone.await("round 2 open", PATIENCE, d -> d.findElement(By.id("decide-round")).getText().equals("2"));
            decidePrice(phone, "40");
            assertThat(message(phone)).isEqualTo("Price: must be in [11.00, 33.00] (money/unit), got 40.00");
            decidePrice(phone, "23.5");
            assertThat(message(phone)).isEqualTo("Round 2: your decisions are in.");
            assertThat(game.pricing(1)).isEqualTo("price");
            teacher.await("Tigers in, Lions thinking", PATIENCE, d -> d.findElement(By.id("seats")).getText()
                    .contains("thinking"));
            type(teacher.driver.findElement(By.id("deadline-seconds")), "2");
            teacher.driver.findElement(By.id("set-deadline")).click();
            teacher.await("round 2 run at the deadline", PATIENCE, d -> d.findElement(By.id("round")).getText()
                    .startsWith("Round 3 of 4"));
            ObjectNode brand2 = game.rounds().get(1).get(1);
            assertThat(brand2.get("price").asDouble()).isEqualTo(23.5); // the price set, in rounds.csv too
            assertThat(game.results()).contains("2,1,brand-a,23.5000,");
            phone.await("round 2's price on Tigers' page", PATIENCE, d -> d.findElement(By.id("last-price")).getText()
                    .equals("23.50 money"));
            // the page comes back with the price chosen and in force for round 3
            phone.await("the price kept for round 3", PATIENCE, d -> d.findElement(By.id("pricing-price")).isSelected()
                    && "23.5".equals(d.findElement(By.id("lever-price")).getDomProperty("value")));
            phone.screenshot(SHOTS.resolve("game-team-price.png"));

            // Lions' phone comes back (the page reloaded: its seat is kept) with both rounds at its 50%
            phone.driver.get(origin("127.0.0.1") + "/");
            phone.await("Lions' seat again", PATIENCE, d -> d.findElement(By.id("seat-title")).getText()
                    .equals("Lions: bulk-a"));
            phone.await("two rounds", PATIENCE, d -> d.findElements(By.cssSelector("#history tbody tr")).size() == 2);
            assertThat(phone.driver.findElement(By.id("lever-markup")).getDomProperty("value")).isEqualTo("50");
            // off the platform since round 1: its box unticked, its channel list says so, and it sold nothing there
            assertThat(phone.driver.findElement(By.id("lever-channel_platform")).isSelected()).isFalse();
            assertThat(phone.driver.findElement(By.id("lever-channel_store")).isSelected()).isTrue();
            assertThat(phone.driver.findElement(By.id("channels")).getText()).contains("platform: take rate")
                    .contains("store (you sell here)");
            assertThat(game.model().platform().listed(0)).isFalse();
            ObjectNode bulk2 = game.rounds().get(1).get(0);
            assertThat(phone.driver.findElement(By.id("last-price")).getText())
                    .isEqualTo(String.format(Locale.ROOT, "%.2f money", bulk2.get("price").asDouble()));
            phone.screenshot(SHOTS.resolve("game-team.png"));

            teacher.await("the leaderboard", PATIENCE, d -> d.findElement(By.id("leaderboard")).getText()
                    .contains("Lions") && d.findElement(By.id("leaderboard")).getText().contains("Tigers"));
            String board = teacher.driver.findElement(By.id("leaderboard")).getText();
            assertThat(board).contains("computer"); // bulk-c, bulk-d, brand-b are no team's
            // the debrief: both teams' decisions replayed on 4 draws, profits and skill with their intervals
            type(teacher.driver.findElement(By.id("debrief-replications")), "4");
            teacher.driver.findElement(By.id("debrief")).click();
            teacher.await("the debrief", PATIENCE, d -> d.findElement(By.id("debrief-table")).isDisplayed());
            String debrief = teacher.driver.findElement(By.id("debrief-table")).getText();
            assertThat(debrief).contains("Lions", "Tigers", "\u00b1", "of 7 (");
            assertThat(dir.resolve("game").resolve(GameServer.DEBRIEF_FILE)).exists();
            // the join QR code, served by the game's server, is drawn (an image that failed would be 0 wide)
            Object qrWidth = ((org.openqa.selenium.JavascriptExecutor) teacher.driver).executeScript(
                    "var i = document.getElementById('join-qr'); return i.complete ? i.naturalWidth : 0;");
            assertThat(((Number) qrWidth).intValue()).as("the QR code's width").isPositive();
            teacher.screenshot(SHOTS.resolve("game-teacher.png"));
            // the lesson's market view: the taste circle after round 2, every named firm on its rim
            teacher.await("the market circle after round 2", PATIENCE, d -> d.findElement(By.id("market-note"))
                    .getText().contains("after round 2"));
            org.openqa.selenium.JavascriptExecutor jsx = (org.openqa.selenium.JavascriptExecutor) teacher.driver;
            Object firms = jsx.executeScript("return window.marketCircleLabels.firms.length;");
            assertThat(((Number) firms).intValue()).isEqualTo(game.scenario().config().firms().stream()
                    .filter(f -> f.pool() == null).count());
            assertThat(teacher.driver.findElement(By.id("market-legend")).getText()).contains("product-focused",
                    "customer-focused", "no purchase yet");
            jsx.executeScript("document.getElementById('market').scrollIntoView();");
            teacher.screenshot(SHOTS.resolve("game-teacher-market.png"));
            jsx.executeScript("window.scrollTo(0, 0);");
            // the charts: the seats' figures by round (uPlot, two rounds drawn) and the debrief's, a row a seat
            teacher.await("the charts", PATIENCE, d -> d.findElement(By.id("charts")).isDisplayed()
                    && d.findElements(By.cssSelector("#charts canvas")).size() == 2);
            org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) teacher.driver;
            assertThat(teacher.driver.findElements(By.cssSelector("#chart-debrief-profit .interval"))).hasSize(2);
            assertThat(teacher.driver.findElements(By.cssSelector("#chart-debrief-skill .interval"))).hasSize(2);
            assertThat(teacher.driver.findElement(By.id("chart-legend")).getText()).contains("Lions \u00b7 bulk-a",
                    "Tigers \u00b7 brand-a");
            js.executeScript("document.getElementById('charts').scrollIntoView();");
            teacher.screenshot(SHOTS.resolve("game-teacher-charts.png"));
            assertThat(game.rounds()).hasSize(2);
        }
    }

    @Test
    void theTeacherOpensThePlatformsSeatFromThePage() throws Exception {
        try (Browser teacher = new Browser(); Browser phone = new Browser(PHONE_WIDTH, PHONE_HEIGHT)) {
            teacher.driver.get(origin("127.0.0.1") + "/teacher?teacher=" + server.teacherToken());
            teacher.await("the button", PATIENCE, d -> d.findElement(By.id("open-platform")).isDisplayed());
            teacher.driver.findElement(By.id("open-platform")).click();
            teacher.await("the platform's seat", PATIENCE, d -> d.findElement(By.id("seats")).getText()
                    .contains("platform (platform)") && !d.findElement(By.id("open-platform")).isDisplayed());
            assertThat(game.seats()).extracting(GameSetup.Seat::name).containsExactly("bulk-a", "brand-a", "platform");
            // a phone can pick it, and its page has the platform's decisions
            phone.driver.get(origin("localhost") + "/");
            phone.await("the join form", PATIENCE, d -> d.findElement(By.id("join")).isDisplayed());
            type(phone.driver.findElement(By.id("join-team")), "Owls");
            phone.await("the platform among the free seats", PATIENCE, d -> d.findElement(By.id("join-seat"))
                    .getText().contains("platform (platform)"));
            new org.openqa.selenium.support.ui.Select(phone.driver.findElement(By.id("join-seat")))
                    .selectByVisibleText("platform (platform)");
            phone.driver.findElement(By.id("join-button")).click();
            phone.await("Owls' seat", PATIENCE, d -> d.findElement(By.id("seat-title")).getText()
                    .equals("Owls: platform") && !d.findElements(By.id("lever-take_rate")).isEmpty());
        }
    }
}
