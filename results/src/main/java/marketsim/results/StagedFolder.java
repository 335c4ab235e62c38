package marketsim.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A results folder being written: files go into a hidden sibling ({@code .NAME.partial-XXXX})
 * and {@link #commit} moves it into place in one rename, so a folder under its final name is
 * always complete and an existing one is never replaced. Closing a staged folder that was not
 * committed removes it: a crash or a failure never leaves a half-written folder that looks done.
 * A run streams its files into the staged folder while its replications finish, and picks its
 * final name only at the end.
 */
public final class StagedFolder implements AutoCloseable {
    /** Most bytes of the final name in the staging name, which adds ".", ".partial-" and 19 digits. */
    static final int MAX_NAME_BYTES = 200;
    private final Path dir;
    private boolean committed;

    private StagedFolder(Path dir) {
        this.dir = dir;
    }

    /**
     * A fresh hidden folder under {@code parent} (created if missing), named after {@code name}: its
     * first {@value #MAX_NAME_BYTES} bytes, so that a final name of up to 255 bytes can be staged.
     */
    public static StagedFolder create(Path parent, String name) throws IOException {
        Path absolute = parent.toAbsolutePath();
        Files.createDirectories(absolute);
        return new StagedFolder(Files.createTempDirectory(absolute, "." + Csv.shortened(name, MAX_NAME_BYTES)
                + ".partial-"));
    }

    /** Where to write the files. */
    public Path dir() {
        return dir;
    }

    /** Moves the folder to {@code folder}, which must not exist; returns it. */
    public Path commit(Path folder) throws IOException {
        makeReadable(dir);
        if (Files.exists(folder)) {
            throw new FileAlreadyExistsException(folder.toString(), null, "results folder already exists");
        }
        Files.move(dir, folder, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
        return folder;
    }

    /** Removes the folder unless it was committed. */
    @Override
    public void close() {
        if (!committed) {
            deleteQuietly(dir);
        }
    }

    /** Temporary folders are private (rwx------); a results folder is as readable as any other. */
    private static void makeReadable(Path dir) throws IOException {
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: a leftover hidden .partial folder never looks like a result
        }
    }
}
