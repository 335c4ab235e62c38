package marketsim.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.swing.JComboBox;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JScrollPane;
import javax.swing.JSlider;
import javax.swing.JTabbedPane;
import javax.swing.SwingUtilities;

import marketsim.charts.Palette;
import marketsim.core.MarketModel;
import marketsim.core.firm.Firm;
import marketsim.core.metrics.EntityType;
import marketsim.core.metrics.Field;
import marketsim.scenario.Scenario;
import marketsim.scenario.ScenarioLoader;
import org.jfree.chart.ChartPanel;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import sim.display.Console;

/**
 * The classroom window on the classroom scenario under a real (virtual) display: .ci/run starts
 * Xvfb and runs the tests tagged "gui". The tests take the teacher's path: the Console's buttons,
 * the lever panel found on the Console's "Model" tab, a slider moved as a drag ends (on the Swing
 * thread, value set, adjusting off), and compare the run with an untouched twin on the same seed
 * stepped without a window. The first test keeps screenshots in runner/target: the display, the
 * charts and the Console on its Model tab (classroom-window.png, -charts.png, -levers.png).
 */
@Tag("gui")
class ClassroomWindowTest {
    private static final String TAKE_RATE = "Platform take rate (% of price)";
    private static final String MARKUP = "Its markup (% of full unit cost)";
    private static final String FEES_CHART = "Intermediary fees";
    /** Longest wait for the Console to reach a state, generous for a loaded CI machine. */
    private static final long PATIENCE_MS = 60_000;

    private Scenario scenario;
    private MarketModel model;
    private Console console;

    /** Opens the window on the classroom scenario with {@code overrides} ({@code --set}), as GuiCommand does. */
    private void open(String... overrides) throws Exception {
        assertThat(GraphicsEnvironment.isHeadless()).as("needs a display (xvfb-run)").isFalse();
        scenario = ScenarioLoader.load("classroom", List.of(overrides));
        model = new MarketModel(scenario.config(), scenario.seed());
        console = ClassroomWindow.open(model, scenario.name(), ScenarioLoader.story("classroom", scenario.description()));
    }

    @AfterEach
    void close() throws Exception {
        if (console == null) {
            return;
        }
        onEdt(() -> {
            console.pressStop();
            console.getSimulation().quit();
            console.dispose();
        });
    }

    @Test
    void theWindowShowsTheMarketMoving() throws Exception {
        open();
        playUntilPausedAt(10);

        ClassroomWindow window = (ClassroomWindow) console.getSimulation();
        assertThat(String.valueOf(sim.display.GUIState.getInfo(ClassroomWindow.class))).as("the About tab")
                .contains("The question", ScenarioLoader.story("classroom", "").question().substring(0, 30));
        BufferedImage shot = screenshot(window.displayFrame());
        Path file = Path.of("target", "classroom-window.png");
        Files.createDirectories(file.getParent());
        ImageIO.write(shot, "png", file.toFile());
        ImageIO.write(screenshot(window.chartFrame()), "png", Path.of("target", "classroom-charts.png").toFile());
        onEdt(() -> console.getTabPane().setSelectedIndex(console.getTabPane().indexOfTab("Model")));
        ImageIO.write(screenshot(console), "png", Path.of("target", "classroom-levers.png").toFile());
        Set<Integer> colours = new HashSet<>();
        Set<Integer> wanted = Set.of(Palette.of("product-focused").getRGB(), Palette.of("customer-focused").getRGB(),
                Palette.of("hybrid-platform").getRGB());
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < shot.getHeight(); y += 2) {
            for (int x = 0; x < shot.getWidth(); x += 2) {
                int rgb = shot.getRGB(x, y) | 0xFF000000;
                colours.add(rgb);
                if (wanted.contains(rgb)) {
                    seen.add(rgb);
                }
            }
        }
        assertThat(colours.size()).as("distinct colours in the screenshot").isGreaterThan(10);
        assertThat(seen.size()).as("archetype colours among the consumers").isGreaterThanOrEqualTo(2);
    }

    /**
     * On a projector's 1280x720 and a 1920x1080 monitor, the three frames sit side by side inside the screen without
     * overlap, and every piece of text in them (the Console's included, the levers on its Model tab, the charts'
     * titles, axes and legends) is at least 16 px. Paints the screen as the class sees it (each frame at its place)
     * to target/screenshots/classroom-window-1280x720.png and -1920x1080.png.
     */
    @Test
    void theFramesSitSideBySideOnAProjectorsScreenInLargeType() throws Exception {
        for (Rectangle screen : List.of(new Rectangle(0, 0, 1280, 720), new Rectangle(0, 0, 1920, 1080))) {
            ClassroomWindow.layOutOn(screen);
            try {
                open("platform.fee_rule.rule=hill-climbing"); // every lever the classroom scenario can have
                playUntilPausedAt(12);
                onEdt(() -> console.getTabPane().setSelectedIndex(console.getTabPane().indexOfTab("Model")));
                ClassroomWindow window = (ClassroomWindow) console.getSimulation();
                List<JFrame> frames = List.of(window.displayFrame(), window.chartFrame(), console);
                List<Rectangle> bounds = new ArrayList<>();
                onEdt(() -> frames.forEach(f -> bounds.add(f.getBounds())));
                for (int a = 0; a < bounds.size(); a++) {
                    assertThat(screen.contains(bounds.get(a))).as("frame %d inside %s: %s", a, screen, bounds.get(a))
                            .isTrue();
                    for (int b = a + 1; b < bounds.size(); b++) {
                        assertThat(bounds.get(a).intersects(bounds.get(b))).as("frames %d and %d overlap", a, b).isFalse();
                    }
                }
                List<String> small = new ArrayList<>();
                onEdt(() -> frames.forEach(f -> small.addAll(smallText(f))));
                assertThat(small).as("text under %d px on %sx%s", ClassroomWindow.MIN_FONT, screen.width, screen.height)
                        .isEmpty();
                assertThat(all(leverPanel(), JLabel.class).stream().map(l -> plain(l.getText())).toList())
                        .as("the new economics' levers on the Model tab")
                        .anyMatch(t -> t != null && t.startsWith("Sponsored (ad) slots"))
                        .anyMatch(t -> t != null && t.startsWith("Ranking: attention decay"))
                        .anyMatch(t -> t != null && t.startsWith("Channel dissimilarity"));
                BufferedImage shot = new BufferedImage(screen.width, screen.height, BufferedImage.TYPE_INT_RGB);
                onEdt(() -> {
                    Graphics2D g = shot.createGraphics();
                    g.setColor(Color.DARK_GRAY);
                    g.fillRect(0, 0, screen.width, screen.height);
                    for (JFrame f : frames) {
                        Graphics2D at = (Graphics2D) g.create(f.getX() - screen.x, f.getY() - screen.y, f.getWidth(),
                                f.getHeight());
                        f.paint(at);
                        at.dispose();
                    }
                    g.dispose();
                });
                Path file = Path.of("target", "screenshots", "classroom-window-" + screen.width + "x" + screen.height
                        + ".png");
                Files.createDirectories(file.getParent());
                ImageIO.write(shot, "png", file.toFile());
            } finally {
                ClassroomWindow.layOutOn(null);
                close();
                console = null;
            }
        }
    }

    /** The text in {@code root} set in type under the window's smallest: Swing's components and the charts'. */
    private static List<String> smallText(Container root) {
        List<String> small = new ArrayList<>();
        for (Component c : all(root, Component.class)) {
            if (!c.isShowing()) {
                continue;
            }
            String text = c instanceof JLabel l ? l.getText() : c instanceof javax.swing.AbstractButton b ? b.getText()
                    : c instanceof JTabbedPane || c instanceof JComboBox || c instanceof javax.swing.text.JTextComponent
                    ? c.getClass().getSimpleName() : null;
            if (text != null && !text.isBlank() && c.getFont() != null && c.getFont().getSize() < ClassroomWindow.MIN_FONT) {
                small.add(c.getClass().getSimpleName() + " '" + text + "' " + c.getFont().getSize() + " px");
            }
            if (c instanceof ChartPanel panel) {
                org.jfree.chart.JFreeChart chart = panel.getChart();
                org.jfree.chart.plot.XYPlot plot = chart.getXYPlot();
                java.awt.Font[] fonts = {chart.getTitle().getFont(), plot.getDomainAxis().getTickLabelFont(),
                    plot.getDomainAxis().getLabelFont(), plot.getRangeAxis().getTickLabelFont(),
                    plot.getRangeAxis().getLabelFont()}; // the legend above the charts is a row of labels
                for (java.awt.Font f : fonts) {
                    if (f.getSize() < ClassroomWindow.MIN_FONT) {
                        small.add("chart '" + chart.getTitle().getText() + "' " + f.getSize() + " px");
                    }
                }
            }
        }
        return small;
    }

    @Test
    void theTakeRateSliderMovedMidRunActsAtTheNextTick() throws Exception {
        open();
        int week = 19;
        playUntilPausedAt(week);
        JSlider take = slider(TAKE_RATE);
        assertThat(take.getValue()).as("the take rate slider before the drag").isEqualTo(15);

        drag(take, 60);
        step(1); // week 20 runs with the new take rate
        MarketModel twin = twin(week + 1);

        assertThat(model.platform().takeRate()).as("the platform's take rate in week %d", week + 1).isEqualTo(0.6);
        assertThat(MarketPortrayal.platformLabel(model.platform())).isEqualTo("platform (take 60%)");
        assertThat(twin.platform().takeRate()).as("the untouched twin's take rate").isEqualTo(0.15);
        for (int t = 0; t < week; t++) {
            assertThat(model.record().entityVectors(t)).as("every entity in week %d, before the drag", t + 1)
                    .isDeepEqualTo(twin.record().entityVectors(t));
        }
        assertThat(platformFees(model, week)).as("platform fees in week %d, the twin's %s", week + 1,
                platformFees(twin, week)).isGreaterThan(platformFees(twin, week));
        double[] drawn = chartPoints(FEES_CHART, "product-focused");
        assertThat(drawn).as("weeks charted").hasSize(week + 1);
        double[] twinDrawn = chartValues(twin, FEES_CHART, "product-focused");
        assertThat(Arrays.copyOf(drawn, week)).as("the fees chart before the drag")
                .containsExactly(Arrays.copyOf(twinDrawn, week));
        assertThat(drawn[week]).as("the fees chart in week %d, the twin's %s", week + 1, twinDrawn[week])
                .isGreaterThan(twinDrawn[week]);
    }

    /**
     * The new economics' levers from the window, as from the page (one LiveLever list): the sponsored slots, the
     * attention decay and the channels' dissimilarity moved mid-run are in force the next week; the fee rule's box
     * unticked freezes a hill-climbing platform's take rate through its next review, and moving the take rate unticks
     * the box.
     */
    @Test
    void theNewEconomicsLeversActFromTheWindowAtTheNextTick() throws Exception {
        open("platform.fee_rule.rule=hill-climbing", "platform.fee_rule.review_every=4");
        playUntilPausedAt(5);
        drag(slider("Sponsored (ad) slots"), 3);
        drag(slider("Ranking: attention decay"), 30); // 30 steps of 0.05: 1.5
        drag(slider("Channel dissimilarity"), 5); // 0.25
        javax.swing.JCheckBox feeRule = all(leverPanel(), javax.swing.JCheckBox.class).stream()
                .filter(b -> plain(b.getText()).startsWith("Platform's fee rule")).findFirst().orElseThrow();
        assertThat(feeRule.isSelected()).as("the fee rule's box before").isTrue();
        onEdt(feeRule::doClick);
        double take = model.platform().takeRate();
        step(4); // weeks 6-9, the week-9 review included
        assertThat(model.platform().sponsoredSlots()).isEqualTo(3);
        assertThat(model.platform().examinationDecay()).isEqualTo(1.5);
        assertThat(marketsim.core.LiveLever.CHANNEL_DISSIMILARITY.inForce(model, 0)).isEqualTo(0.25);
        assertThat(model.platform().feeRuleOn()).isFalse();
        assertThat(model.platform().takeRate()).as("frozen through the week-9 review").isEqualTo(take);
        onEdt(feeRule::doClick);
        drag(slider(TAKE_RATE), 25);
        step(1);
        onEdt(() -> { });
        assertThat(model.platform().takeRate()).isEqualTo(0.25);
        assertThat(model.platform().feeRuleOn()).as("a take rate moved freezes the rule").isFalse();
        assertThat(feeRule.isSelected()).as("and the box says so").isFalse();
    }

    @Test
    void aLeverMovedBeforePlayOrWhileStoppedActsOnTheNextRunAndHoldsAcrossStopAndPlay() throws Exception {
        open();
        JSlider take = slider(TAKE_RATE);
        drag(take, 60); // before the first Play: nothing has run yet
        playUntilPausedAt(1);
        MarketModel twin = twin(2);
        assertThat(model.platform().takeRate()).as("take rate in week 1, set before Play").isEqualTo(0.6);
        double firstRunWeek1 = platformFees(model, 0);
        assertThat(firstRunWeek1).as("platform fees in week 1, the twin's %s", platformFees(twin, 0))
                .isGreaterThan(platformFees(twin, 0));
        step(2);

        onEdt(console::pressStop);
        assertThat(take.getValue()).as("the slider after Stop").isEqualTo(60);
        playUntilPausedAt(1); // Play again: a new run on the same seed, with the levers as they stand
        assertThat(model.platform().takeRate()).as("take rate in week 1 of the second run").isEqualTo(0.6);
        assertThat(platformFees(model, 0)).as("the second run's week 1 against the first's").isEqualTo(firstRunWeek1);

        onEdt(console::pressStop);
        drag(take, 45); // moved while stopped
        playUntilPausedAt(1);
        assertThat(model.platform().takeRate()).as("take rate in week 1 of the third run").isEqualTo(0.45);
        drag(take, 30); // moved during the third run: acts on its model, not the first run's
        step(1);
        assertThat(model.platform().takeRate()).as("take rate in week 2 of the third run").isEqualTo(0.3);
        assertThat(MarketPortrayal.platformLabel(model.platform())).isEqualTo("platform (take 30%)");
        assertThat(platformFees(model, 1)).as("platform fees in week 2, the twin's %s", platformFees(twin, 1))
                .isGreaterThan(platformFees(twin, 1));
    }

    @Test
    void aFirmsMarkupSliderShowsThatFirmsMarkupAndSetsIt() throws Exception {
        open("firms[brand-a].pricing=hill-climbing"); // its markup moves at each review (the others' do not)
        JComboBox<?> firms = component(leverPanel(), JComboBox.class);
        List<Object> names = new ArrayList<>();
        onEdt(() -> {
            for (int i = 0; i < firms.getItemCount(); i++) {
                names.add(firms.getItemAt(i));
            }
        });
        assertThat(names).as("firms listed before Play").containsExactly("bulk-a", "bulk-b", "bulk-c", "bulk-d",
                "brand-a", "brand-b", "platform-label");
        JSlider markup = slider(MARKUP);
        onEdt(() -> firms.setSelectedItem("brand-a"));
        assertThat(markup.getValue()).as("the markup slider on brand-a (its scenario markup 0.9)").isEqualTo(90);

        int week = 5;
        playUntilPausedAt(week);
        drag(markup, 120);
        step(1);
        MarketModel twin = twin(week + 1);
        assertThat(firm(model, "brand-a").markup()).as("brand-a's markup in week %d", week + 1).isEqualTo(1.2);
        assertThat(firm(model, "bulk-a").markup()).as("bulk-a's markup (not moved)")
                .isEqualTo(firm(twin, "bulk-a").markup());

        onEdt(() -> firms.setSelectedItem("bulk-a"));
        assertThat(markup.getValue()).as("the markup slider on bulk-a")
                .isEqualTo((int) Math.round(100 * firm(model, "bulk-a").markup()));
        assertThat(firm(model, "bulk-a").markup()).as("bulk-a's markup after choosing it")
                .isEqualTo(firm(twin, "bulk-a").markup());

        onEdt(() -> firms.setSelectedItem("brand-a"));
        step(3); // through week 9, a review: brand-a's hill-climbing moves its markup on from 1.2
        assertThat(firm(model, "brand-a").markup()).as("brand-a's markup after its review").isNotEqualTo(1.2);
        assertThat(markup.getValue()).as("the markup slider on brand-a after its review")
                .isEqualTo((int) Math.round(100 * firm(model, "brand-a").markup()));
    }

    // --- the teacher's path ---

    /** Presses Play with the Console's "pause at" set to {@code week} and waits for the pause. */
    private void playUntilPausedAt(int week) throws Exception {
        console.setWhenShouldPause(week);
        onEdt(console::pressPlay);
        long deadline = System.currentTimeMillis() + PATIENCE_MS;
        while (console.getPlayState() != Console.PS_PAUSED && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(console.getPlayState()).as("the Console paused").isEqualTo(Console.PS_PAUSED);
        assertThat(model.ticksDone()).as("weeks run when paused").isEqualTo(week);
        onEdt(() -> { }); // the charts' points, queued by the steps, are drawn
    }

    /** Presses Play while paused: one step (one week) each. */
    private void step(int weeks) throws Exception {
        for (int i = 0; i < weeks; i++) {
            onEdt(console::pressPlay);
        }
        onEdt(() -> { });
    }

    /** The lever panel on the Console's "Model" tab. */
    private Container leverPanel() throws Exception {
        Container[] panel = new Container[1];
        onEdt(() -> {
            JTabbedPane tabs = console.getTabPane();
            int index = tabs.indexOfTab("Model");
            assertThat(index).as("the Console's Model tab").isGreaterThanOrEqualTo(0);
            panel[0] = (Container) ((JScrollPane) tabs.getComponentAt(index)).getViewport().getView();
        });
        return panel[0];
    }

    /** The slider beside the label that starts with {@code title}. */
    private JSlider slider(String title) throws Exception {
        JSlider[] found = new JSlider[1];
        Container panel = leverPanel();
        onEdt(() -> {
            for (JLabel label : all(panel, JLabel.class)) {
                if (label.getText() != null && plain(label.getText()).startsWith(title)) {
                    found[0] = component(label.getParent(), JSlider.class);
                }
            }
        });
        assertThat(found[0]).as("a slider labelled '%s' on the Model tab", title).isNotNull();
        return found[0];
    }

    /** A label's text without the HTML that wraps it. */
    private static String plain(String text) {
        return text == null ? null : text.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /** What a mouse drag does to a slider: values while adjusting, then the last one as it ends. */
    private static void drag(JSlider slider, int value) throws Exception {
        onEdt(() -> {
            slider.setValueIsAdjusting(true);
            slider.setValue((slider.getValue() + value) / 2);
            slider.setValue(value);
            slider.setValueIsAdjusting(false);
        });
    }

    // --- reading what the window shows, and the twin ---

    private MarketModel twin(int weeks) {
        MarketModel twin = new MarketModel(scenario.config(), scenario.seed());
        twin.start();
        while (twin.ticksDone() < weeks) {
            twin.schedule.step(twin);
        }
        return twin;
    }

    private static double platformFees(MarketModel m, int tick) {
        double[][] v = m.record().entityVectors(tick);
        for (int e = 0; e < v.length; e++) {
            if (m.record().entities().get(e).type() == EntityType.PLATFORM) {
                return v[e][Field.PLATFORM_FEES_RECEIVED.ordinal()];
            }
        }
        throw new AssertionError("no platform in the record");
    }

    private static Firm firm(MarketModel m, String name) {
        return m.firms().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    /** The window's live chart {@code title}: its {@code series}, a value a week from week 1. */
    private double[] chartPoints(String title, String series) throws Exception {
        return drawn(((ClassroomWindow) console.getSimulation()).chartFrame(), title, series);
    }

    /** The same series drawn for another model, through live charts of its own. */
    private static double[] chartValues(MarketModel m, String title, String series) throws Exception {
        LiveCharts charts = new LiveCharts();
        for (int t = 0; t < m.ticksDone(); t++) {
            charts.update(m, t);
        }
        try {
            return drawn(charts.frame(), title, series);
        } finally {
            onEdt(() -> charts.frame().dispose());
        }
    }

    private static double[] drawn(JFrame charts, String title, String series) throws Exception {
        double[][] out = new double[1][];
        onEdt(() -> { // after the points queued on the Swing thread
            for (ChartPanel panel : all(charts.getContentPane(), ChartPanel.class)) {
                if (panel.getChart().getTitle().getText().equals(title)) {
                    XYSeries s = ((XYSeriesCollection) panel.getChart().getXYPlot().getDataset()).getSeries(series);
                    out[0] = new double[s.getItemCount()];
                    for (int i = 0; i < s.getItemCount(); i++) {
                        assertThat(s.getX(i).intValue()).as("week of point %d", i).isEqualTo(i + 1);
                        out[0][i] = s.getY(i).doubleValue();
                    }
                }
            }
        });
        assertThat(out[0]).as("the '%s' chart", title).isNotNull();
        return out[0];
    }

    private static <T> T component(Container root, Class<T> type) {
        List<T> found = all(root, type);
        assertThat(found).as("a %s in %s", type.getSimpleName(), root.getClass().getSimpleName()).isNotEmpty();
        return found.get(0);
    }

    private static <T> List<T> all(Container root, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Component c : root.getComponents()) {
            if (type.isInstance(c)) {
                out.add(type.cast(c));
            }
            if (c instanceof Container inner) {
                out.addAll(all(inner, type));
            }
        }
        return out;
    }

    private interface EdtTask {
        void run() throws Exception;
    }

    /** Runs on the Swing thread, as a user's action does; a failure there fails the test. */
    private static void onEdt(EdtTask task) throws Exception {
        Throwable[] failed = new Throwable[1];
        SwingUtilities.invokeAndWait(() -> {
            try {
                task.run();
            } catch (Exception | Error e) {
                failed[0] = e;
            }
        });
        if (failed[0] instanceof Error e) {
            throw e;
        }
        if (failed[0] != null) {
            throw (Exception) failed[0];
        }
    }

    private static BufferedImage screenshot(Window window) throws Exception {
        BufferedImage[] out = new BufferedImage[1];
        onEdt(() -> {
            Container pane = window instanceof JFrame f ? f.getContentPane() : window;
            BufferedImage image = new BufferedImage(Math.max(1, pane.getWidth()), Math.max(1, pane.getHeight()),
                    BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            pane.paint(g);
            g.dispose();
            out[0] = image;
        });
        return out[0];
    }
}
