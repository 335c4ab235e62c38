package marketsim.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OS's reason is found wherever Java put it: the message, the exception's type, or after the path. */
class OsReasonTest {
    @TempDir
    Path dir;

    @Test
    void theReasonIsFoundWhereverJavaPutIt() throws IOException {
        Path file = dir.resolve("x.csv");
        assertThat(OsReason.of(new AccessDeniedException(file.toString())).describe(dir))
                .isEqualTo("Permission denied (" + file + ")");
        assertThat(OsReason.of(new AccessDeniedException(file.toString())).describe(file)).isEqualTo("Permission denied");
        assertThat(OsReason.of(new FileSystemException(file.toString(), null, "Read-only file system")).describe(dir))
                .isEqualTo("Read-only file system (" + file + ")");
        assertThat(OsReason.of(new IOException("No space left on device")).describe(dir))
                .isEqualTo("No space left on device");
        assertThat(OsReason.of(new FileNotFoundException(file + " (Permission denied)")).describe(dir))
                .isEqualTo("Permission denied (" + file + ")");
        assertThat(OsReason.of(new NoSuchFileException(file.toString())).reason()).isEqualTo("No such file or directory");
        Path lock = dir.resolve(".run.partial-123.lock");
        assertThat(OsReason.of(new AccessDeniedException(lock.toString())).describe(dir.resolve("run")))
                .isEqualTo("Permission denied (in " + dir + ")");
        Path staged = dir.resolve("run/.redraw.partial-77/charts/a.png");
        Path target = dir.resolve("run/charts/a.png");
        assertThat(OsReason.of(new AccessDeniedException(staged.toString(), target.toString(), null)).describe(dir))
                .as("a move out of a staged folder names where it was going")
                .isEqualTo("Permission denied (" + target + ")");
        assertThat(OsReason.of(new FileSystemException(staged.toString(), null, "No space left on device"))
                .describe(dir)).isEqualTo("No space left on device (in " + dir.resolve("run") + ")");
        Path aFile = Files.writeString(dir.resolve("a-file"), "x");
        assertThat(OsReason.of(new FileAlreadyExistsException(aFile.toString())).reason()).isEqualTo("Not a directory");
        assertThat(OsReason.of(new FileAlreadyExistsException(dir.toString())).reason()).isEqualTo("File exists");
    }

    @Test
    void anIoFailureIsFoundUnderItsWrappers() {
        IOException full = new IOException("No space left on device");
        assertThat(OsReason.cause(new RuntimeException("sweep point 1 failed", new UncheckedIOException(full))))
                .isSameAs(full);
        assertThat(OsReason.cause(new IllegalStateException("a bug"))).isNull();
    }
}
