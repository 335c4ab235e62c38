package marketsim.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;

import marketsim.charts.Palette;
import marketsim.core.MarketModel;
import marketsim.scenario.Scenario;
import marketsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import sim.display.Console;

/**
 * The classroom window on the classroom scenario under a real (virtual) display: .ci/run starts
 * Xvfb and runs the tests tagged "gui". It plays some ticks, pauses, and checks a screenshot of
 * the display is not blank: it shows consumers in at least two archetypes' colours. The
 * screenshot is kept as runner/target/classroom-window.png.
 */
@Tag("gui")
class ClassroomWindowTest {
    @Test
    void theWindowShowsTheMarketMoving() throws Exception {
        assertThat(java.awt.GraphicsEnvironment.isHeadless()).as("needs a display (DISPLAY=:99 under Xvfb)").isFalse();
        Scenario s = ScenarioLoader.load("classroom", List.of());
        MarketModel model = new MarketModel(s.config(), s.seed());
        Console console = ClassroomWindow.open(model);
        console.pressPlay();
        long deadline = System.currentTimeMillis() + 60_000;
        while (model.ticksDone() < 10 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        console.pressPause();
        assertThat(model.ticksDone()).as("ticks run").isGreaterThanOrEqualTo(10);
        model.controls().setTakeRate(0.3); // a lever moved mid-run takes effect at the next tick
        console.pressPause(); // pause toggles: play on
        long target = model.ticksDone() + 3;
        while (model.ticksDone() < target && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        console.pressPause();
        assertThat(model.platform().takeRate()).isEqualTo(0.3);

        ClassroomWindow window = (ClassroomWindow) console.getSimulation();
        BufferedImage shot = screenshot(window.displayFrame());
        Path file = Path.of("target", "classroom-window.png");
        Files.createDirectories(file.getParent());
        ImageIO.write(shot, "png", file.toFile());
        ImageIO.write(screenshot(window.chartFrame()), "png", Path.of("target", "classroom-charts.png").toFile());
        Set<Integer> colours = new HashSet<>();
        int archetypeColours = 0;
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
        archetypeColours = seen.size();
        assertThat(colours.size()).as("distinct colours in the screenshot").isGreaterThan(10);
        assertThat(archetypeColours).as("archetype colours among the consumers").isGreaterThanOrEqualTo(2);
        console.pressStop();
    }

    private static BufferedImage screenshot(JFrame frame) throws Exception {
        BufferedImage[] out = new BufferedImage[1];
        SwingUtilities.invokeAndWait(() -> {
            var pane = frame.getContentPane();
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
