package marketsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chart DIR} and {@code report DIR} rewrite files of a finished folder: stopped at any moment (killed, or a
 * full disk), every chart and the report is the old one or the new one, whole, never a truncated file in a folder
 * that looks complete.
 */
class RewriteTest {
    /** A small sweep: seven charts, so a redraw is quick and a kill lands anywhere in it. */
    private static final String[] SWEEP = {"sweep", "classroom", "--vary", "platform.take_rate=0.1,0.3", "--reps", "2",
            "--ticks", "5", "--set", "population.size=200", "-q"};
    private static final byte[] IEND = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};

    @TempDir
    Path dir;

    private Path finishedSweep(Path out) {
        Cli sweep = Cli.run(Stream.concat(Stream.of(SWEEP), Stream.of("--out", out.toString())).toArray(String[]::new));
        assertThat(sweep.code()).as(sweep.err()).isZero();
        return out;
    }

    /** Every chart whole (each PNG decodes, ends with its IEND chunk; each SVG is closed), the report whole. */
    static void assertWhole(Path folder, List<String> charts) throws Exception {
        for (String name : charts) {
            Path png = folder.resolve("charts").resolve(name + ".png");
            byte[] bytes = Files.readAllBytes(png);
            assertThat(Arrays.copyOfRange(bytes, Math.max(0, bytes.length - IEND.length), bytes.length))
                    .as("%s ends with IEND (%d bytes)", png, bytes.length).isEqualTo(IEND);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            assertThat(image).as(png.toString()).isNotNull();
            assertThat(image.getWidth()).isEqualTo(1280);
            assertThat(Files.readString(folder.resolve("charts").resolve(name + ".svg"), StandardCharsets.UTF_8).strip())
                    .as(name + ".svg").endsWith("</svg>");
        }
        assertThat(Files.readString(folder.resolve("report.html"), StandardCharsets.UTF_8)).endsWith("</html>\n");
    }

    static List<String> charts(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder.resolve("charts"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        }
    }

    /**
     * Killed at random moments (a few tries of each command, seeded), a redraw leaves every file whole and every
     * chart in place; the next redraw finishes and leaves nothing of the killed ones behind.
     */
    @Test
    void aRedrawKilledAtAnyMomentLeavesEveryFileWhole() throws Exception {
        Path folder = finishedSweep(dir.resolve("sweep"));
        List<String> charts = charts(folder);
        long start = System.nanoTime();
        assertThat(Cli.process("report", folder.toString()).code()).isZero();
        long took = (System.nanoTime() - start) / 1_000_000;
        SplittableRandom random = new SplittableRandom(17);
        int tries = 4;
        for (int attempt = 0; attempt < tries; attempt++) {
            String command = attempt % 2 == 0 ? "report" : "chart";
            Process p = Cli.start(command, folder.toString());
            // spread over the command's run, from JVM start to its last writes
            long delay = 300 + (took - 300) * attempt / tries + random.nextLong(Math.max(1, (took - 300) / tries));
            Thread.sleep(delay);
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(charts(folder)).as("charts after %s killed at %d ms", command, delay).isEqualTo(charts);
            assertWhole(folder, charts);
        }
        Cli last = Cli.process("chart", folder.toString());
        assertThat(last.code()).as(last.err()).isZero();
        assertWhole(folder, charts);
        try (Stream<Path> files = Files.list(folder)) {
            // A redraw killed between a staging folder's lock and the folder itself (made, or removed) leaves the
            // lock alone, which the next writer removes only once it is a minute old (StagedFolder.removeAbandoned:
            // younger, it may be a writer about to make its folder): such a lock is not a leftover here.
            assertThat(files.filter(p -> !lockWithoutItsFolder(p)).map(p -> p.getFileName().toString()))
                    .as("nothing left of the killed redraws")
                    .containsExactlyInAnyOrderElementsOf(new TreeSet<>(List.of("charts", "experiment.yaml", "manifest.json",
                            "points-timeseries.csv", "points.csv", "report.html", "runs.csv")));
        }
    }

    private static boolean lockWithoutItsFolder(Path file) {
        String name = file.getFileName().toString();
        return name.matches("\\..*\\.partial-\\d+\\.lock")
                && !Files.exists(file.resolveSibling(name.substring(0, name.length() - ".lock".length())));
    }

    /**
     * A full disk part way through a redraw: the command fails (exit 2) and the folder keeps its old, whole files.
     * The manifest is given a long description, so the new report is bigger than the old one and cannot be written
     * over it in the space left (as a report written in place was cut short).
     */
    @Test
    void aRedrawOnAFullDiskLeavesTheOldFilesWhole() throws Exception {
        try (SmallDisk disk = SmallDisk.of(dir.resolve("disk"), "8m")) {
            Path folder = finishedSweep(disk.dir().resolve("sweep"));
            List<String> charts = charts(folder);
            byte[] report = Files.readAllBytes(folder.resolve("report.html"));
            Path manifest = folder.resolve("manifest.json");
            Files.writeString(manifest, Files.readString(manifest).replaceFirst("\\{",
                    "{ \"description\" : \"" + "A longer question. ".repeat(30_000) + "\","));
            disk.leaving(256 * 1024);
            for (String command : new String[] {"report", "chart"}) {
                Cli redraw = Cli.run(command, folder.toString());
                assertThat(redraw.code()).as(redraw.err()).isEqualTo(2);
                assertThat(redraw.err()).contains("No space left on device");
                assertThat(charts(folder)).isEqualTo(charts);
                assertWhole(folder, charts);
                assertThat(Arrays.equals(Files.readAllBytes(folder.resolve("report.html")), report))
                        .as("report.html is the old one after a failed %s (%d bytes, was %d)", command,
                                Files.size(folder.resolve("report.html")), report.length).isTrue();
            }
        }
    }
}
