package marketsim.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs mounted for one test: a real full disk ("No space left on device") or a real read-only file system,
 * as users meet them. Mounting needs root; where it is refused the test is skipped, not failed.
 */
final class SmallDisk implements AutoCloseable {
    private final Path dir;

    private SmallDisk(Path dir) {
        this.dir = dir;
    }

    /** A tmpfs of {@code size} (e.g. "2m") at {@code dir}, created if missing. */
    static SmallDisk of(Path dir, String size) throws Exception {
        return mount(dir, "size=" + size);
    }

    /** A read-only tmpfs at {@code dir}: nothing can be created in it, whoever asks. */
    static SmallDisk readOnly(Path dir) throws Exception {
        return mount(dir, "ro,size=64k");
    }

    /** {@code folder} seen read-only at {@code at} (a read-only bind mount): as root, chmod would not stop writes. */
    static SmallDisk readOnlyView(Path folder, Path at) throws Exception {
        return mount(at, "mount", "--bind", "-o", "ro", folder.toString(), at.toString());
    }

    private static SmallDisk mount(Path dir, String options) throws Exception {
        return mount(dir, "mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString());
    }

    private static SmallDisk mount(Path dir, String... command) throws Exception {
        Files.createDirectories(dir);
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("no mount command here: " + e.getMessage());
            throw e;
        }
        String output = new String(p.getInputStream().readAllBytes());
        Assumptions.assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0,
                "cannot mount here (needs root): " + output);
        return new SmallDisk(dir);
    }

    /** Fills the disk with a hidden file until about {@code free} bytes are left. */
    SmallDisk leaving(long free) throws IOException {
        Path filler = dir.resolve(".filler");
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            // full: now give back what the test wants free
        }
        long size = Files.size(filler);
        try (var channel = java.nio.channels.FileChannel.open(filler, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(Math.max(0, size - free));
        }
        return this;
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() throws Exception {
        for (List<String> umount : List.of(List.of("umount", dir.toString()), List.of("umount", "-l", dir.toString()))) {
            Process p = new ProcessBuilder(umount).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return;
            }
        }
    }
}
