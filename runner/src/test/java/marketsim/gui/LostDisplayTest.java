package marketsim.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import marketsim.cli.StandInCheckout;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classroom window whose display goes away during a lesson (its X server stops): Xlib ends the JVM with exit 1
 * and no word of why, so the launcher says what happened and exits 2, as for a display that was never there. Runs
 * the real launcher script in a stand-in checkout whose jar runs this build's classes, with a private Xvfb it kills
 * once the window is up. Tagged gui: .ci/run installs Xvfb for these.
 */
@Tag("gui")
class LostDisplayTest {
    /** Enough for the JVM to start and MASON's Console and windows to open on a loaded CI machine. */
    private static final long WINDOW_UP_SECONDS = 20;

    @TempDir
    Path dir;

    @Test
    void aDisplayThatGoesAwayIsSaidAndExits2() throws Exception {
        Path launcher = StandInCheckout.launcher(dir);
        int display = freeDisplay();
        Process xvfb = new ProcessBuilder("Xvfb", ":" + display, "-screen", "0", "1280x800x24")
                .redirectErrorStream(true).redirectOutput(dir.resolve("xvfb.log").toFile()).start();
        try {
            waitFor(Path.of("/tmp/.X11-unix/X" + display));
            ProcessBuilder gui = new ProcessBuilder("bash", launcher.toString(), "gui")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("gui.log").toFile());
            gui.environment().put("DISPLAY", ":" + display);
            gui.environment().remove("XAUTHORITY");
            Process window = gui.start();
            assertThat(window.waitFor(WINDOW_UP_SECONDS, TimeUnit.SECONDS)).as(log()).isFalse(); // still open
            xvfb.destroy();
            assertThat(window.waitFor(60, TimeUnit.SECONDS)).as(log()).isTrue();
            assertThat(window.exitValue()).as(log()).isEqualTo(2);
            assertThat(log()).contains("marketsim gui: the connection to the display :" + display + " was lost")
                    .doesNotContain("\tat ");
        } finally {
            xvfb.destroyForcibly().waitFor();
        }
    }

    private String log() throws Exception {
        return Files.readString(dir.resolve("gui.log"));
    }

    private static int freeDisplay() {
        int n = 70;
        while (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
            n++;
        }
        return n;
    }

    private static void waitFor(Path socket) throws InterruptedException {
        for (int i = 0; i < 100 && !Files.exists(socket); i++) {
            Thread.sleep(100);
        }
        assertThat(socket).as("Xvfb started").exists();
    }
}
