package marketsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code marketsim gui} where no window can open says so and exits 2, without a stack trace: in
 * this headless test JVM, and in a fresh JVM started as the launcher starts it, with DISPLAY unset
 * and with DISPLAY naming a display no X server serves. Needs no display, and runs whether or not
 * the test JVM has one.
 */
class GuiCommandTest {
    private static final String NO_DISPLAY = "marketsim gui: no display is available";
    /** The first X display number tried for "a DISPLAY that does not answer", as in DISPLAY=:99. */
    private static final int FIRST_DISPLAY = 99;

    @TempDir
    Path dir;

    @Test
    void aHeadlessJavaIsToldThereIsNoDisplay() {
        Cli result = Cli.run("gui");
        assertThat(result.code()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).startsWith(NO_DISPLAY);
    }

    @Test
    @EnabledOnOs(OS.LINUX) // DISPLAY is X11's: Java on macOS and Windows does not read it
    void withoutADisplayTheCommandSaysSoAndExitsWith2() throws Exception {
        assertSaysNoDisplay(null);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aDisplayThatDoesNotAnswerIsNoDisplay() throws Exception {
        assertSaysNoDisplay(":" + unservedDisplay());
    }

    /** Runs {@code marketsim gui} in a new JVM with DISPLAY set to {@code display} (null: unset). */
    private void assertSaysNoDisplay(String display) throws Exception {
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "marketsim.cli.Main", "gui");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("log").toFile());
        Map<String, String> env = builder.environment();
        env.remove("DISPLAY");
        env.remove("XAUTHORITY");
        if (display != null) {
            env.put("DISPLAY", display);
        }
        Process process = builder.start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        String log = Files.readString(dir.resolve("log"));
        String as = "DISPLAY=" + display + ": " + log;
        assertThat(ended).as("the command ended (no window opened); " + as).isTrue();
        assertThat(process.exitValue()).as(as).isEqualTo(2);
        assertThat(log).as(as).contains(NO_DISPLAY).doesNotContain("Exception", "Error:", "\tat ");
    }

    /** An X display number with no server: neither its socket nor its lock file exists. */
    private static int unservedDisplay() {
        int n = FIRST_DISPLAY;
        while (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
            n++;
        }
        return n;
    }
}
