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
    void bytesThatAreNotUtf8AreRefusedAtTheFirstOne() throws Exception {
        // "brénd" in Latin-1: the é is the single byte 0xE9, at line 3, column 14, byte 33 (counting from 1)
        byte[] latin1 = "horizon: 10\nfirms:\n  - {name: br\u00e9nd}\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("latin1.yaml"), latin1);
        InputException e = catchThrowableOfType(InputException.class,
                () -> InputFiles.read(file, "latin1.yaml", "scenario", 1000));
        assertThat(e.getMessage()).contains("latin1.yaml has a problem")
                .contains("line 3, column 14 (byte 33): not UTF-8 text (byte 0xE9); save the file as UTF-8");
    }

    @Test
    void aUtf8ByteOrderMarkIsSkippedAndUtf16IsNamed() throws Exception {
        Path bom = Files.write(dir.resolve("bom.json"), "\uFEFF{\"seed\": 1}".getBytes(StandardCharsets.UTF_8));
        assertThat(InputFiles.read(bom, "bom.json", "scenario", 1000)).isEqualTo("{\"seed\": 1}");
        Path utf16 = Files.write(dir.resolve("u.yaml"), "\uFEFFseed: 1\n".getBytes(StandardCharsets.UTF_16LE));
        assertThat(catchThrowableOfType(InputException.class, () -> InputFiles.read(utf16, "u.yaml", "scenario", 1000))
                .getMessage()).contains("is UTF-16 text; save it as UTF-8");
    }

    @Test
    void aPathThatCannotBeOneIsAnInputError() {
        InputException e = catchThrowableOfType(InputException.class, () -> InputFiles.path("jeo\0baseline.yaml"));
        assertThat(e.getMessage()).contains("jeo\\0baseline.yaml has a problem")
                .contains("not a usable path: it contains a NUL character (\\0) at position 4");
    }
}
