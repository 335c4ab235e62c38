package marketsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a command prints that cannot be written is an error (exit 2, the system's reason), in a fresh JVM as the
 * launcher starts it: {@code > /dev/full} used to end with exit 0 and nothing written. A reader that goes away
 * ({@code | head -1}) is not: the command ends as it would have.
 */
@EnabledOnOs(OS.LINUX) // /dev/full
class StandardOutputTest {
    @TempDir
    Path dir;

    private ProcessBuilder marketsim(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "marketsim.cli.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(dir.resolve("err").toFile());
    }

    private String err() throws Exception {
        return Files.readString(dir.resolve("err"));
    }

    @Test
    void aFullDeviceIsAnErrorWithItsReason() throws Exception {
        Process p = marketsim("scenarios", "list").redirectOutput(new File("/dev/full")).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err()).isEqualTo(2);
        assertThat(err()).isEqualTo("marketsim: cannot write to standard output: No space left on device\n");
    }

    @Test
    void aReaderThatStopsReadingIsNotAnError() throws Exception {
        Process p = marketsim("scenarios", "list").start();
        p.getInputStream().close(); // as head does after its line: the command's writes meet a broken pipe
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err()).isZero();
        assertThat(err()).isEmpty();
    }
}
