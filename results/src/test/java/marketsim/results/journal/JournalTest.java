package marketsim.results.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir
    Path dir;

    private Journal open(Path file, String fingerprint, List<String> into) throws Exception {
        return Journal.open(file, "test", fingerprint, line -> !line.startsWith("bad") && into.add(line));
    }

    /** Records read back in order, in UTF-8; a torn last line is dropped, and appends continue after the last whole one. */
    @Test
    void readsBackWholeRecordsAndDropsATornOrBadTail() throws Exception {
        Path file = Journal.file(dir, "test", "a b", "study-1");
        assertThat(file.getFileName().toString()).matches("\\.test-a_b-[0-9a-f]{16}\\.journal");
        try (Journal journal = open(file, "study-1", new ArrayList<>())) {
            journal.append("1,é");
            journal.append("2");
            assertThat(journal.size()).isEqualTo(2);
        }
        Files.writeString(file, "3,torn", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        List<String> read = new ArrayList<>();
        try (Journal journal = open(file, "study-1", read)) {
            assertThat(read).containsExactly("1,é", "2");
            journal.append("4");
        }
        read.clear();
        try (Journal journal = open(file, "study-1", read)) {
            assertThat(read).containsExactly("1,é", "2", "4");
            journal.truncate(1);
            journal.append("6");
        }
        read.clear();
        open(file, "study-1", read).close();
        assertThat(read).containsExactly("1,é", "6");
    }

    /**
     * Each record carries its own SHA-256, so appends never invalidate the journal: a record changed after it was
     * written (still a line the study could read) is refused, naming the file and the line, never resumed from.
     */
    @Test
    void anEditedRecordIsRefusedNamingItsLine() throws Exception {
        Path file = dir.resolve("j.journal");
        try (Journal journal = open(file, "s", new ArrayList<>())) {
            journal.append("1,0.25");
            journal.append("2,0.5");
        }
        try (Journal journal = open(file, "s", new ArrayList<>())) {
            journal.append("3,0.75"); // a resumed study appends after the records it read
        }
        List<String> read = new ArrayList<>();
        open(file, "s", read).close();
        assertThat(read).containsExactly("1,0.25", "2,0.5", "3,0.75");
        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8).replace("2,0.5", "2,0.6"),
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> open(file, "s", new ArrayList<>())).isInstanceOf(JournalDamagedException.class)
                .hasMessageContaining(file + " line 3").hasMessageContaining("remove it");
        Files.writeString(file, "# not even the header\n", StandardCharsets.UTF_8); // another file: started afresh
        open(file, "s", read).close();
        Files.writeString(file, "bad\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThatThrownBy(() -> open(file, "s", new ArrayList<>())).isInstanceOf(JournalDamagedException.class)
                .hasMessageContaining("line 2: no checksum");
    }

    /** Another study's journal (another fingerprint, or another format) is started afresh. */
    @Test
    void anotherStudysJournalStartsAfresh() throws Exception {
        Path file = dir.resolve("j.journal");
        try (Journal journal = open(file, "study-1", new ArrayList<>())) {
            journal.append("1");
        }
        List<String> read = new ArrayList<>();
        try (Journal journal = open(file, "study-2", read)) {
            assertThat(read).isEmpty();
            assertThat(journal.size()).isZero();
        }
        assertThat(Files.readAllLines(file)).hasSize(1).allMatch(l -> l.startsWith("# marketsim test journal v3 "));
    }

    @Test
    void aJournalInUseIsRefused() throws Exception {
        Path file = dir.resolve("j.journal");
        try (Journal first = open(file, "s", new ArrayList<>())) {
            assertThatThrownBy(() -> open(file, "s", new ArrayList<>())).isInstanceOf(JournalInUseException.class)
                    .hasMessageContaining("another marketsim is running this test");
        }
    }
}
