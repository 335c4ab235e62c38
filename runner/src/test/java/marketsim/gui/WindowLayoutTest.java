package marketsim.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The classroom window's frames side by side on a projector's screen and a monitor's, never overlapping. */
class WindowLayoutTest {
    @Test
    void theFramesSitSideBySideOnTheScreenWithoutOverlap() {
        for (Rectangle screen : List.of(new Rectangle(0, 0, 1280, 720), new Rectangle(0, 0, 1366, 768),
                new Rectangle(0, 0, 1600, 1000), new Rectangle(0, 0, 1920, 1080), new Rectangle(0, 27, 1920, 1053))) {
            WindowLayout layout = WindowLayout.of(screen);
            List<Rectangle> frames = List.of(layout.display(), layout.charts(), layout.console());
            for (int a = 0; a < frames.size(); a++) {
                assertThat(screen.contains(frames.get(a))).as("frame %d inside %s: %s", a, screen, frames.get(a)).isTrue();
                for (int b = a + 1; b < frames.size(); b++) {
                    assertThat(frames.get(a).intersects(frames.get(b))).as("frames %d and %d on %s", a, b, screen).isFalse();
                }
            }
            assertThat(frames.stream().mapToInt(r -> r.width).sum()).as("the screen's width used").isEqualTo(screen.width);
            assertThat(layout.console().width).as("room for a lever's title in 17 px type").isGreaterThanOrEqualTo(340);
            assertThat(layout.charts().width).as("the charts' room").isGreaterThanOrEqualTo(400);
            assertThat(layout.display().width).as("the market's square").isLessThanOrEqualTo(screen.height);
        }
    }
}
