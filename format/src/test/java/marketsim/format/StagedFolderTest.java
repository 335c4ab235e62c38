package marketsim.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staged folders: moved into place whole, and a killed writer's leftovers removed by the next writer, never a live one's. */
class StagedFolderTest {
    @TempDir
    Path dir;

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aCommittedFolderHasItsFilesAndNothingIsLeftBeside() throws Exception {
        try (StagedFolder staged = StagedFolder.create(dir, "run")) {
            assertThat(StagedFolder.isPartial(staged.dir())).isTrue();
            Files.writeString(staged.dir().resolve("a.csv"), "x\n");
            staged.commit(dir.resolve("run"));
        }
        assertThat(names()).containsExactly("run");
        try (Stream<Path> files = Files.list(dir.resolve("run"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("a.csv");
        }
        assertThat(StagedFolder.isPartial(dir.resolve("run"))).isFalse();
    }

    @Test
    void aFolderNotCommittedIsRemoved() throws Exception {
        try (StagedFolder staged = StagedFolder.create(dir, "run")) {
            Files.writeString(staged.dir().resolve("a.csv"), "x\n");
        }
        assertThat(names()).isEmpty();
    }

    /** A killed writer leaves its folder and its (now unlocked) lock file: the next writer into the parent removes them. */
    @Test
    void aKilledWritersFolderIsRemovedByTheNextWriter() throws Exception {
        Path stale = Files.createDirectory(dir.resolve(".run.partial-123"));
        Files.writeString(stale.resolve("timeseries.csv"), "half a line");
        Files.createFile(dir.resolve(".run.partial-123.lock")); // no one holds its lock: the writer is gone
        try (StagedFolder next = StagedFolder.create(dir, "other")) {
            assertThat(stale).doesNotExist();
            assertThat(dir.resolve(".run.partial-123.lock")).doesNotExist();
        }
    }

    /** A live writer's folder (its lock held, here by this JVM) is never touched. */
    @Test
    void aLiveWritersFolderIsLeftAlone() throws Exception {
        try (StagedFolder live = StagedFolder.create(dir, "run")) {
            Files.writeString(live.dir().resolve("timeseries.csv"), "x\n");
            try (StagedFolder next = StagedFolder.create(dir, "run")) {
                assertThat(live.dir().resolve("timeseries.csv")).exists();
            }
            assertThat(live.dir().resolve("timeseries.csv")).exists();
        }
    }

    /**
     * A partial folder without a lock file (left by a marketsim from before the locks): removed once nothing in it
     * has changed for a day, kept before (its writer may still be running).
     */
    @Test
    void aPartialFolderWithoutALockIsRemovedOnlyWhenADayOld() throws Exception {
        Path recent = Files.createDirectory(dir.resolve(".recent.partial-1"));
        Path old = Files.createDirectory(dir.resolve(".old.partial-2"));
        Path file = Files.writeString(old.resolve("summary.csv"), "x\n");
        FileTime dayAgo = FileTime.from(Instant.now().minus(StagedFolder.ORPHAN_AGE).minus(Duration.ofMinutes(5)));
        Files.setLastModifiedTime(file, dayAgo);
        Files.setLastModifiedTime(old, dayAgo);
        StagedFolder.create(dir, "next").close();
        assertThat(recent).exists();
        assertThat(old).doesNotExist();
    }

    /**
     * A folder that could not be removed when its writer gave up (it had run out of file handles, say) keeps its lock
     * file, unlocked, so the next writer removes it: it used to lose its lock file and wait a day as an orphan, while
     * chart said the next run would remove it.
     */
    @Test
    void aFolderThatCouldNotBeRemovedKeepsItsLockForTheNextWriter() throws Exception {
        Path file;
        Path folder;
        try (StagedFolder staged = StagedFolder.create(dir, "run")) {
            folder = staged.dir();
            file = Files.writeString(folder.resolve("a.csv"), "x\n");
            Assumptions.assumeTrue(undeletable(file, true), "cannot make a file undeletable here (chmod or chattr +i)");
        }
        try {
            assertThat(folder).exists();
            assertThat(folder.resolveSibling(folder.getFileName() + ".lock")).exists();
            assertThat(StagedFolder.notAResult(folder)).endsWith("removes it)");
        } finally {
            undeletable(file, false);
        }
        StagedFolder.create(dir, "next").close();
        assertThat(names()).isEmpty();
    }

    /** Without a lock file, chart's message says when the next run removes the folder: not at once. */
    @Test
    void aPartialFolderWithoutALockSaysWhenItGoes() throws Exception {
        Path orphan = Files.createDirectory(dir.resolve(".run.partial-7"));
        assertThat(StagedFolder.notAResult(orphan)).contains("once it has been left unchanged for 24 hours")
                .contains("remove it yourself");
    }

    /** Makes {@code file} undeletable (or deletable again): a read-only folder for a user, the immutable flag for root. */
    private static boolean undeletable(Path file, boolean on) throws Exception {
        if (!"root".equals(System.getProperty("user.name"))) {
            return file.getParent().toFile().setWritable(!on);
        }
        Process p = new ProcessBuilder("chattr", on ? "+i" : "-i", file.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }

    @Test
    void partialFoldersAreKnownByTheirName() {
        assertThat(StagedFolder.isPartial(dir.resolve(".jeo-baseline-20261201-191126.partial-8143250318"))).isTrue();
        assertThat(StagedFolder.isPartial(dir.resolve("jeo-baseline-20261201-191126"))).isFalse();
        assertThat(StagedFolder.isPartial(dir.resolve("partial-results"))).isFalse();
    }
}
