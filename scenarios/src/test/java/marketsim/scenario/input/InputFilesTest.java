package marketsim.scenario.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
    @TempDir
    Path dir;

    @Test
    void aPathThatCannotBeOneIsAnInputError() {
        InputException e = catchThrowableOfType(InputException.class, () -> InputFiles.path("jeo\0baseline.yaml"));
        assertThat(e.getMessage()).contains("jeo\\0baseline.yaml has a problem")
                .contains("not a usable path: it contains a NUL character (\\0) at position 4");
    }
}
