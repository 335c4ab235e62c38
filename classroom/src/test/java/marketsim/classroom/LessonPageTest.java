package marketsim.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import marketsim.scenario.Scenario;
import marketsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The browser lesson as a teacher and a class use it, in a real headless Chromium: the teacher's page plays the
 * classroom scenario, drags the take-rate slider mid-run, and the platform's fee share on the page rises against an
 * untouched run of the same seed; a page without the teacher's token cannot move anything. Writes 1280x720
 * screenshots before and after the lever change to target/screenshots. Tagged browser: .ci/run installs Debian's
 * chromium and chromium-driver and runs these with -Pbrowser.
 */
@Tag("browser")
class LessonPageTest {
    private static final Path SHOTS = Path.of("target", "screenshots");
    /** Generous waits for a loaded CI machine. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** Weeks a second the test plays at. */
    private static final double SPEED = 8;
    /** The week the lever is dragged after, and the week both runs are compared at (4 weeks of the new fee by then). */
    private static final int DRAG_AFTER = 8;
    private static final int COMPARE_AT = 40;
    private static final String FEE_SERIES = "fees (% of sales on it)";
    /** The take rate dragged to: the classroom scenario's 15%, doubled (at 60% every seller leaves the platform). */
    private static final int DOUBLED = 30;

    private LessonServer server;
    private String base;

    @BeforeEach
    void startLesson() throws Exception {
        Scenario scenario = ScenarioLoader.load("classroom");
        server = LessonServer.start(scenario, ScenarioLoader.story("classroom", scenario.description()), "127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theTakeRateSliderMovedMidRunRaisesTheFeeShareOnThePageAgainstAnUntouchedRun() throws Exception {
        try (Browser browser = new Browser()) {
            browser.driver.get(base + "/?teacher=" + server.token());
            browser.await("the teacher's page", PATIENCE, d -> d.findElement(By.id("role")).getText().equals("Teacher"));
            setSpeed(browser, SPEED);
            browser.driver.findElement(By.id("play")).click();
            awaitWeek(browser, DRAG_AFTER);
            // the teacher pauses to show the class the lever, drags it and plays on: the move lands at the paused week
            // whatever the machine's load (dragged while playing, a loaded CI machine once landed it at week 25)
            browser.driver.findElement(By.id("pause")).click();
            browser.await("paused", PATIENCE, d -> !d.findElement(By.id("pause")).isEnabled());
            long draggedAt = week(browser);
            browser.screenshot(SHOTS.resolve("lesson-before.png"));
            WebElement take = browser.driver.findElement(By.id("lever-take_rate"));
            assertThat(take.getDomProperty("value")).as("the take-rate slider shows the scenario's 15%").isEqualTo("15");
            drag(browser, take, DOUBLED);
            browser.driver.findElement(By.id("play")).click();
            awaitWeek(browser, COMPARE_AT + 1);
            browser.driver.findElement(By.id("pause")).click();
            browser.await("paused", PATIENCE, d -> !d.findElement(By.id("pause")).isEnabled());
            assertThat(browser.driver.findElement(By.id("kpi-take-rate")).getText()).isEqualTo(DOUBLED + "%");
            assertThat(browser.driver.findElement(By.id("changes")).getText()).contains("Platform take rate " + DOUBLED + "%");
            List<Double> movedSeries = series(browser, FEE_SERIES);
            double moved = movedSeries.get(COMPARE_AT - 1);
            double shown = percent(browser.driver.findElement(By.id("kpi-fee-share")).getText());
            // the figure in the platform panel is the chart's latest point (the same 4 weeks), to its one decimal
            assertThat(shown).as("the fee-share figure on the page").isCloseTo(movedSeries.get((int) week(browser) - 1),
                    org.assertj.core.data.Offset.offset(0.051));
            browser.screenshot(SHOTS.resolve("lesson-after.png"));
            assertLegible(browser);
            assertLabelsApart(browser);

            // the untouched run: the same seed from week 1, the levers as the scenario has them
            browser.driver.findElement(By.id("reset-levers")).click();
            browser.await("a fresh run", PATIENCE, d -> week(browser) == 0);
            assertThat(browser.driver.findElement(By.id("kpi-take-rate")).getText()).isEqualTo("15%");
            browser.driver.findElement(By.id("play")).click();
            awaitWeek(browser, COMPARE_AT + 1);
            browser.driver.findElement(By.id("pause")).click();
            double untouched = series(browser, FEE_SERIES).get(COMPARE_AT - 1);
            // a 30% commission against 15%: commission is most of the platform's fees, so its fees as a share of the
            // sales on it rise by 10 to 15 points (less as sellers delist and the fee-free private label's share of
            // the sales grows); 8 is well clear of the point or so a 4-week window moves between weeks, and of when
            // exactly the drag landed
            assertThat(moved).as("fee share at week %d, take rate %d%% from week %d on, against untouched %s",
                    COMPARE_AT, DOUBLED, draggedAt, untouched).isGreaterThan(untouched + 8);

        }
    }

    @Test
    void aPageWithoutTheTeachersTokenWatchesAndCannotMoveALever() throws Exception {
        try (Browser browser = new Browser()) {
            browser.driver.get(base + "/");
            browser.await("the watching page", PATIENCE, d -> d.findElement(By.id("role")).getText().equals("Watching"));
            assertThat(browser.driver.findElement(By.id("controls")).isDisplayed()).isFalse();
            assertThat(browser.driver.findElement(By.id("levers")).isDisplayed()).isFalse();
            // what a curious student could type into the console: refused, and nothing moved
            Object refused = ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                            + "fetch('/api/lever', {method: 'POST', headers: {'Content-Type': 'application/json'},"
                            + " body: JSON.stringify({lever: 'take_rate', value: 0.6})})"
                            + ".then(r => r.json().then(j => done([r.status, j.error])));");
            assertThat(asList(refused)).containsExactly(403L,
                    "only the teacher's page moves the lesson: this page watches");
            browser.driver.navigate().refresh();
            browser.await("the watching page again", PATIENCE,
                    d -> d.findElement(By.id("role")).getText().equals("Watching"));
            double takeRate = server.lesson().<Double>inspect(m -> m.platform().takeRate());
            assertThat(takeRate).as("the model's take rate").isEqualTo(0.15);
            assertThat(leverValues(browser).get("take_rate")).isEqualTo(0.15);
            // a wrong token is told so, and watches
            browser.driver.get(base + "/?teacher=not-the-token");
            browser.await("the message", PATIENCE, d -> d.findElement(By.id("message")).isDisplayed());
            assertThat(browser.driver.findElement(By.id("message")).getText()).contains("only watches");
            assertThat(browser.driver.findElement(By.id("controls")).isDisplayed()).isFalse();
        }
    }

    /** Every piece of text on the page is at least 16 px at 1280x720: legible projected, from the back of a room. */
    private static void assertLegible(Browser browser) {
        Object small = browser.js("var out = [];"
                + "document.querySelectorAll('body *').forEach(function (e) {"
                + "  var own = Array.prototype.some.call(e.childNodes, function (n) {"
                + "    return n.nodeType === 3 && n.textContent.trim().length > 0; });"
                + "  if (own && e.offsetParent !== null && parseFloat(getComputedStyle(e).fontSize) < 16) {"
                + "    out.push(e.tagName + '#' + e.id + '.' + e.className + ' ' + getComputedStyle(e).fontSize"
                + "      + ' ' + e.textContent.trim().slice(0, 30)); } });"
                + "return out;");
        assertThat((List<?>) small).as("text smaller than 16 px").isEmpty();
        assertThat(browser.js("return [window.innerWidth, window.innerHeight]")).isEqualTo(List.of(1280L, 720L));
    }

    /**
     * On the taste circle no segment name covers a firm's marker or label, no two names cover each other, and no two
     * firms' labels do (the classroom's firms at the top of the circle once sat under its rings' names).
     */
    private static void assertLabelsApart(Browser browser) {
        Object clashes = browser.js("var c = window.marketsimLesson.circleLabels(), out = [];"
                + "function over(a, b) { return Math.min(a.x + a.w, b.x + b.w) > Math.max(a.x, b.x)"
                + "  && Math.min(a.y + a.h, b.y + b.h) > Math.max(a.y, b.y); }"
                + "c.segments.forEach(function (s, i) {"
                + "  c.firms.concat(c.markers).forEach(function (f) { if (over(s, f)) { out.push(s.text + ' on a firm'); } });"
                + "  c.segments.slice(i + 1).forEach(function (t) { if (over(s, t)) { out.push(s.text + ' on ' + t.text); } }); });"
                + "c.firms.forEach(function (f, i) { c.firms.slice(i + 1).forEach(function (g) {"
                + "  if (over(f, g)) { out.push('two firm labels'); } }); });"
                + "return [out, c.segments.length, c.firms.length];");
        List<Object> result = asList(clashes);
        assertThat(asList(result.get(0))).as("labels covering each other on the taste circle").isEmpty();
        assertThat(((Number) result.get(1)).intValue()).as("segment names drawn").isEqualTo(3);
        assertThat(((Number) result.get(2)).intValue()).as("firm labels drawn").isEqualTo(7);
    }

    private static void setSpeed(Browser browser, double speed) {
        browser.js("var s = document.getElementById('speed');"
                + "var lo = Math.log(0.25), hi = Math.log(30);"
                + "s.value = Math.round(100 * (Math.log(arguments[0]) - lo) / (hi - lo));"
                + "s.dispatchEvent(new Event('input')); s.dispatchEvent(new Event('change'));", speed);
    }

    /** What a mouse drag does to a range input: input events while it moves, then change as it ends. */
    private static void drag(Browser browser, WebElement slider, int value) {
        browser.js("var s = arguments[0]; s.value = arguments[1]; s.dispatchEvent(new Event('input'));"
                + "s.value = arguments[2]; s.dispatchEvent(new Event('input')); s.dispatchEvent(new Event('change'));",
                slider, (Integer.parseInt(slider.getDomProperty("value")) + value) / 2, value);
    }

    private static void awaitWeek(Browser browser, int week) {
        browser.await("week " + week, PATIENCE, d -> week(browser) >= week);
    }

    private static long week(Browser browser) {
        Object w = browser.js("return window.marketsimLesson.week()");
        return w == null ? 0 : ((Number) w).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Double> series(Browser browser, String name) {
        List<Object> values = (List<Object>) browser.js("return window.marketsimLesson.series(arguments[0])", name);
        return values.stream().map(v -> v == null ? Double.NaN : ((Number) v).doubleValue()).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> leverValues(Browser browser) {
        return (Map<String, Object>) browser.js("return window.marketsimLesson.leverValues()");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object o) {
        return (List<Object>) o;
    }

    private static double percent(String text) {
        return Double.parseDouble(text.replace("%", "").trim());
    }
}
