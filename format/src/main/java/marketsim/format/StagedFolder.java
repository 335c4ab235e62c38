package marketsim.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder being written: files go into a hidden sibling ({@code .NAME.partial-DIGITS}) and {@link #commit} moves it
 * into place in one rename, so a folder under its final name is always complete and an existing one is never
 * replaced. Closing a staged folder that was not committed removes it: a failure never leaves a half-written folder
 * that looks done. A run streams its files into the staged folder while its replications finish, and picks its final
 * name only at the end.
 *
 * <p>A kill leaves the partial folder behind, and nothing else could tell a dead writer's folder from a live one's.
 * So the writer holds an operating-system lock on {@code .NAME.partial-DIGITS.lock}, beside its folder, for as long
 * as it lives: taken before the folder is made, released only after the folder is moved into place or removed. The
 * OS releases a killed process's locks, so {@link #create} first removes from the same parent every partial folder
 * whose lock it can take: its writer is gone. A partial folder without a lock file (written by a marketsim from
 * before the locks, or copied) is removed once nothing in it has changed for {@link #ORPHAN_AGE}. The commands that
 * read results folders refuse a partial one ({@link #isPartial}).
 */
public final class StagedFolder implements AutoCloseable {
    /** How long a partial folder without a lock file must have been left unchanged before it counts as abandoned. */
    public static final Duration ORPHAN_AGE = Duration.ofHours(24);
    private static final String PARTIAL = ".partial-";
    private static final String LOCK = ".lock";
    /** Most bytes of the final name in the staging name, which adds ".", ".partial-", 19 digits and ".lock". */
    static final int MAX_NAME_BYTES = 200;
    /** {@code .NAME.partial-DIGITS}: the names {@link #create} gives (Files.createTempFile's random digits). */
    private static final Pattern PARTIAL_NAME = Pattern.compile("^\\..+\\.partial-[0-9]+$");

    private final Path dir;
    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean committed;

    private StagedFolder(Path dir, Path lockFile, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * A fresh hidden folder under {@code parent} (created if missing), named after {@code name} (its
     * first {@value #MAX_NAME_BYTES} bytes, so that a final name of up to 255 bytes can be staged),
     * its lock held; abandoned partial folders in {@code parent} are removed first.
     */
    public static StagedFolder create(Path parent, String name) throws IOException {
        Path absolute = parent.toAbsolutePath();
        Files.createDirectories(absolute);
        removeAbandoned(absolute);
        for (int attempt = 0; ; attempt++) {
            Path lockFile = Files.createTempFile(absolute, "." + ResultFiles.shortened(name, MAX_NAME_BYTES) + PARTIAL, LOCK);
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.lock();
                String lockName = lockFile.getFileName().toString();
                Path dir = lockFile.resolveSibling(lockName.substring(0, lockName.length() - LOCK.length()));
                Files.createDirectory(dir);
                return new StagedFolder(dir, lockFile, channel, lock);
            } catch (FileAlreadyExistsException e) { // a leftover folder of the same digits: draw again
                release(channel, lockFile);
                if (attempt >= 10) {
                    throw e;
                }
            } catch (IOException | RuntimeException e) {
                release(channel, lockFile);
                throw e;
            }
        }
    }

    /** Where to write the files. */
    public Path dir() {
        return dir;
    }

    /** Moves the folder to {@code folder}, which must not exist; returns it. The lock goes only once it is there. */
    public Path commit(Path folder) throws IOException {
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(folder.toString(), null, "results folder already exists");
        }
        Files.move(dir, folder, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
        release(channel, lockFile);
        return folder;
    }

    /**
     * Moves each of {@code files} (paths relative to this folder, '/'-separated) over the same path in {@code target}
     * in one atomic rename each (on the same file system: this folder is staged inside {@code target}), in order:
     * stopped at any moment, each file in {@code target} is the old one or the new one, whole, never part of one.
     */
    public void replaceIn(Path target, List<String> files) throws IOException {
        for (String file : files) {
            Path to = target.resolve(file);
            Files.createDirectories(to.getParent());
            Files.move(dir.resolve(file), to, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Removes the folder unless it was committed, then its lock. */
    @Override
    public void close() {
        if (!committed) {
            deleteQuietly(dir);
            if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                // not removed (no file handles left, say): the unlocked lock file tells the next writer to remove it
                unlock(channel);
            } else {
                release(channel, lockFile);
            }
        }
    }

    /** Whether {@code folder} is a staged folder by its name (or, for a link, by its target's): never a result. */
    public static boolean isPartial(Path folder) {
        if (PARTIAL_NAME.matcher(String.valueOf(folder.getFileName())).matches()) {
            return true;
        }
        try {
            return PARTIAL_NAME.matcher(String.valueOf(folder.toRealPath().getFileName())).matches();
        } catch (IOException e) {
            return false;
        }
    }

    /** Why a reader refuses partial folder {@code folder}, for its message. */
    public static String notAResult(Path folder) {
        return folder + " is a partial folder, not a result: marketsim writes a results folder there and moves it "
                + "into place when it is complete, and " + (writerRunning(folder)
                ? "its writer is still running; wait for the folder under its final name"
                : "its writer was stopped before it finished; run the command again (the next run into "
                + folder.toAbsolutePath().getParent() + " removes it"
                + (Files.exists(lockFileOf(folder)) ? ")" : " once it has been left unchanged for "
                + ORPHAN_AGE.toHours() + " hours, since it has no lock file to tell whether its writer is gone; "
                + "remove it yourself if you know it is)"));
    }

    private static Path lockFileOf(Path folder) {
        return folder.resolveSibling(folder.getFileName() + LOCK);
    }

    /** Whether {@code name} is a staged folder's or its lock file's. */
    public static boolean isPartialName(String name) {
        return PARTIAL_NAME.matcher(name.endsWith(LOCK) ? name.substring(0, name.length() - LOCK.length()) : name)
                .matches();
    }

    /** Whether the writer of partial folder {@code folder} is still running (holds its lock). */
    public static boolean writerRunning(Path folder) {
        Path lockFile = lockFileOf(folder);
        try (FileChannel c = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock taken = c.tryLock();
            if (taken == null) {
                return true;
            }
            taken.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held by this very process
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Removes from {@code parent} the partial folders whose writer is gone (their lock can be taken), those without
     * a lock file left unchanged for {@link #ORPHAN_AGE}, and lock files whose folder is gone. Best effort: what
     * cannot be removed stays, hidden, for the next writer.
     */
    public static void removeAbandoned(Path parent) {
        List<Path> entries;
        try (Stream<Path> list = Files.list(parent)) {
            entries = list.toList();
        } catch (IOException | UncheckedIOException e) {
            return;
        }
        Instant orphaned = Instant.now().minus(ORPHAN_AGE);
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (PARTIAL_NAME.matcher(name).matches() && Files.isDirectory(entry)) {
                Path lockFile = entry.resolveSibling(name + LOCK);
                if (Files.exists(lockFile)) {
                    removeIfUnlocked(lockFile, entry);
                } else if (lastChange(entry).isBefore(orphaned)) {
                    deleteQuietly(entry);
                }
            } else if (name.endsWith(LOCK) && PARTIAL_NAME.matcher(name.substring(0, name.length() - LOCK.length()))
                    .matches() && !Files.exists(entry.resolveSibling(name.substring(0, name.length() - LOCK.length())))
                    && lastChange(entry).isBefore(Instant.now().minus(Duration.ofMinutes(1)))) {
                // a lock without its folder (a kill between the two): older than a minute, so not a writer about to
                // make its folder
                removeIfUnlocked(entry, null);
            }
        }
    }

    /** Takes the lock of {@code lockFile}; if it can, its writer is gone: removes {@code folder} (if any) and the lock. */
    private static void removeIfUnlocked(Path lockFile, Path folder) {
        try (FileChannel c = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock taken = c.tryLock();
            if (taken == null) {
                return; // its writer is running
            }
            try {
                if (folder != null) {
                    deleteQuietly(folder);
                }
                if (folder == null || !Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(lockFile); // kept while the folder is: it marks the folder as abandoned
                }
            } finally {
                taken.release();
            }
        } catch (OverlappingFileLockException e) {
            // held by this process: a live writer
        } catch (IOException e) {
            // gone meanwhile, or not ours to remove: left for the next writer
        }
    }

    /** The latest modification of the folder or anything in it (a live writer's appends move it). */
    private static Instant lastChange(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.map(p -> {
                try {
                    return Files.getLastModifiedTime(p);
                } catch (IOException e) {
                    return FileTime.from(Instant.now());
                }
            }).max(Comparator.naturalOrder()).map(FileTime::toInstant).orElse(Instant.now());
        } catch (IOException | UncheckedIOException e) {
            return Instant.now();
        }
    }

    private static void unlock(FileChannel channel) {
        try {
            channel.close(); // releases the lock
        } catch (IOException ignored) {
            // the lock goes with the channel either way
        }
    }

    private static void release(FileChannel channel, Path lockFile) {
        unlock(channel);
        try {
            Files.deleteIfExists(lockFile);
        } catch (IOException ignored) {
            // a leftover lock file is removed by the next writer
        }
    }

    static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (NoSuchFileException ignored) {
            // already gone
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: a leftover hidden .partial folder never looks like a result
        }
    }
}
