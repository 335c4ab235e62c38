package marketsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees when the disk is full or a folder cannot be written: one message naming what and where, with the
 * operating system's reason, and exit code 2; never a stack trace, never exit 1, never a folder that looks complete.
 * The full disks and read-only file systems are real (a small tmpfs; skipped where the tests may not mount one).
 */
class WriteFailuresTest {
    private static final String[] SMALL = {"--reps", "2", "--ticks", "10", "--set", "population.size=300", "-q"};

    @TempDir
    Path dir;

    /** One message, exit 2, no trace: what every failure below must look like. */
    private static void assertOneClearMessage(Cli cli, String... contains) {
        assertThat(cli.code()).as(cli.err()).isEqualTo(2);
        assertThat(cli.err()).contains(contains).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(cli.err().strip().lines()).as(cli.err()).hasSize(1);
    }

    private static String[] with(String[] head, String... tail) {
        return Stream.concat(Stream.of(head), Stream.of(tail)).toArray(String[]::new);
    }

    /** Drawing charts onto a full disk: ImageIO's cache stream used to print a trace as the JVM exited. */
    @Test
    void aFullDiskWhileDrawingChartsIsOneMessage() throws Exception {
        try (SmallDisk disk = SmallDisk.of(dir.resolve("disk"), "1m")) {
            Path out = disk.dir().resolve("run");
            Cli run = Cli.process(with(new String[] {"run", "classroom", "--no-charts", "--out", out.toString()}, SMALL));
            assertThat(run.code()).as(run.err()).isZero();
            Cli chart = Cli.process("chart", out.toString());
            assertOneClearMessage(chart, out.toString(), "cannot draw the charts", "No space left on device");
            Cli drawn = Cli.process(with(new String[] {"run", "classroom", "--out", disk.dir().resolve("drawn").toString()},
                    SMALL));
            assertOneClearMessage(drawn, "cannot write the results folder", "No space left on device");
            assertThat(disk.dir().resolve("drawn")).doesNotExist();
        }
    }

    /** A folder that cannot be created in: the reason (Permission denied, Read-only file system) is in the message. */
    @Test
    void anUnwritableOutSaysWhy() throws Exception {
        try (SmallDisk readOnly = SmallDisk.readOnly(dir.resolve("ro"))) {
            Path out = readOnly.dir().resolve("run");
            Cli run = Cli.run(with(new String[] {"run", "classroom", "--out", out.toString()}, SMALL));
            assertOneClearMessage(run, "--out " + out, "cannot write the results folder", "Read-only file system");
            Cli sweep = Cli.run(with(new String[] {"sweep", "classroom", "--vary", "platform.take_rate=0.1,0.2", "--out",
                    out.toString()}, SMALL));
            assertOneClearMessage(sweep, "cannot write the sweep's journal", "Read-only file system");
            Cli validate = Cli.run("validate", "--quick", "--check", "logit-shares", "-q", "--out",
                    dir.resolve("validate").toString(), "--markdown", readOnly.dir().resolve("V.md").toString());
            assertOneClearMessage(validate, "--markdown", "cannot write it");
            assertThat(dir.resolve("validate")).as("refused before the checks ran").doesNotExist();
        }
    }

    /** A folder without write permission: "Permission denied", for the results folder and for a redraw. */
    @Test
    void aFolderWithoutPermissionSaysPermissionDenied() throws Exception {
        Path out = dir.resolve("run");
        Cli run = Cli.run(with(new String[] {"run", "classroom", "--no-charts", "--out", out.toString()}, SMALL));
        assertThat(run.code()).as(run.err()).isZero();
        Path locked = Files.createDirectories(dir.resolve("locked"));
        java.util.Set<java.nio.file.attribute.PosixFilePermission> readOnly =
                java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x");
        Files.setPosixFilePermissions(locked, readOnly);
        Cli into = Cli.unprivileged(with(new String[] {"run", "classroom", "--out", locked.resolve("run").toString()},
                SMALL));
        assertOneClearMessage(into, "cannot write the results folder", "Permission denied");
        try (Stream<Path> all = Files.walk(out)) {
            for (Path p : all.toList()) {
                Files.setPosixFilePermissions(p, readOnly);
            }
        }
        for (String command : new String[] {"chart", "report"}) {
            Cli redraw = Cli.unprivileged(command, out.toString());
            assertOneClearMessage(redraw, out.toString(), "Permission denied");
        }
        Path unreadable = Files.createDirectories(dir.resolve("unreadable"));
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.toList()) {
                Files.copy(f, unreadable.resolve(f.getFileName()));
            }
        }
        Files.setPosixFilePermissions(unreadable.resolve("aggregate.csv"),
                java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
        assertOneClearMessage(Cli.unprivileged("report", unreadable.toString()), "aggregate.csv", "Permission denied");
    }

    /** A symbolic link at --out (even one to nowhere) is refused before the work: a folder is never moved over one. */
    @Test
    void aLinkAtOutIsRefusedBeforeTheWork() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("nowhere/x"));
        Cli run = Cli.run(with(new String[] {"run", "classroom", "--out", link.toString()}, SMALL));
        assertOneClearMessage(run, "--out " + link, "already exists", "symbolic link");
        assertThat(run.err()).doesNotContain("done");
    }

    /** A file where the results folder's parent should be: said before the work, naming the file. */
    @Test
    void aFileWhereAFolderShouldBeSaysSo() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Cli run = Cli.run(with(new String[] {"run", "classroom", "--out", file.resolve("run").toString()}, SMALL));
        assertOneClearMessage(run, "--out " + file.resolve("run"), file + " is a file, not a folder");
    }

    /**
     * A results folder that cannot be created is found before the work, not after every replication has run: no
     * progress line, no table (here the parent is a file; a read-only parent is found the same way).
     */
    @Test
    void anUnwritableOutIsFoundBeforeAnyReplicationRuns() throws Exception {
        Path out = Files.writeString(dir.resolve("a-file"), "x").resolve("out");
        Path targets = Files.copy(Path.of("../examples/calibrate-platform-squeeze.yaml"), dir.resolve("targets.yaml"));
        String[] small = {"--reps", "4", "--ticks", "10", "--set", "population.size=300", "--out", out.toString()};
        String[][] commands = {
                with(new String[] {"run", "classroom"}, small),
                with(new String[] {"compare", "classroom", "--vs", "platform.take_rate=0.3"}, small),
                with(new String[] {"sweep", "classroom", "--vary", "platform.take_rate=0.1,0.2"}, small),
                with(new String[] {"calibrate", "platform-squeeze", "--targets", targets.toString(),
                        "--max-evaluations", "3"}, small),
                {"validate", "--quick", "--check", "logit-shares", "--out", out.toString()}};
        for (String[] command : commands) {
            Cli cli = Cli.run(command);
            assertOneClearMessage(cli, "is a file, not a folder");
            assertThat(cli.err()).as(String.join(" ", command)).doesNotContain("done");
            assertThat(cli.out()).as(String.join(" ", command)).doesNotContain("expected").doesNotContain("+-");
        }
    }

    /** A sweep whose journal meets a full disk: the journal named, the reason given, exit 2 (it was exit 1). */
    @Test
    void aSweepWhoseJournalHitsAFullDiskSaysSo() throws Exception {
        try (SmallDisk disk = SmallDisk.of(dir.resolve("disk"), "256k").leaving(8 * 1024)) {
            Cli sweep = Cli.run("sweep", "classroom", "--vary", "platform.take_rate=0.1,0.2", "--reps", "2", "--ticks", "5",
                    "--set", "population.size=200", "-q", "--out", disk.dir().resolve("sweep").toString());
            assertOneClearMessage(sweep, "No space left on device");
            assertThat(sweep.err()).containsPattern("journal|results folder");
            assertThat(disk.dir().resolve("sweep")).doesNotExist();
        }
    }

    /** Redrawing a folder on a read-only file system: the reason, exit 2. */
    @Test
    void redrawingAReadOnlyFolderSaysWhy() throws Exception {
        Path out = dir.resolve("run");
        Cli run = Cli.run(with(new String[] {"run", "classroom", "--out", out.toString()}, SMALL));
        assertThat(run.code()).as(run.err()).isZero();
        try (SmallDisk readOnly = SmallDisk.readOnlyView(out, dir.resolve("ro"))) {
            for (String command : new String[] {"chart", "report"}) {
                Cli redraw = Cli.run(command, readOnly.dir().toString());
                assertOneClearMessage(redraw, readOnly.dir().toString(), "Read-only file system");
            }
        }
    }
}
