package marketsim.format;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the operating system said when a file could not be written or read, in its own words ("Permission denied",
 * "No space left on device", "Read-only file system"), and which file: Java puts the reason in the message of some
 * exceptions, in the type of others ({@link AccessDeniedException} carries only the path), and in parentheses after
 * the path in {@link FileNotFoundException}.
 */
public record OsReason(String reason, String file, String otherFile) {
    /** "path (reason)", as FileInputStream, FileOutputStream and RandomAccessFile report a file they cannot open. */
    private static final Pattern PATH_AND_REASON = Pattern.compile("^(.*) \\(([^()]+)\\)$");

    /** The reason and the file of a failure. */
    public static OsReason of(IOException e) {
        if (e instanceof FileSystemException f) {
            return new OsReason(reason(f), f.getFile(), f.getOtherFile());
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher m = PATH_AND_REASON.matcher(message);
        if (e instanceof FileNotFoundException && m.matches()) {
            return new OsReason(m.group(2), m.group(1), null);
        }
        if (e instanceof ClosedChannelException) {
            return new OsReason("the file was closed while being written", null, null);
        }
        return new OsReason(message.isBlank() ? e.getClass().getSimpleName() : message, null, null);
    }

    private static String reason(FileSystemException f) {
        if (f.getReason() != null && !(f instanceof AtomicMoveNotSupportedException)) {
            return f.getReason();
        }
        if (f instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (f instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (f instanceof NotDirectoryException) {
            return "Not a directory";
        }
        if (f instanceof DirectoryNotEmptyException) {
            return "Directory not empty";
        }
        if (f instanceof AtomicMoveNotSupportedException) {
            return "cannot be moved in one step (another file system?)";
        }
        if (f instanceof FileAlreadyExistsException) {
            // createDirectories met a file where a folder of the path should be: mkdir -p says "Not a directory"
            String link = f.getFile() == null ? null : brokenLink(Path.of(f.getFile()));
            return link != null ? "it is " + link
                    : f.getFile() != null && Files.exists(Path.of(f.getFile())) && !Files.isDirectory(Path.of(f.getFile()))
                    ? "Not a directory" : "File exists";
        }
        return f.getClass().getSimpleName();
    }

    /**
     * "a symbolic link that goes round in a circle" or "a symbolic link to 'target', which does not exist" when
     * {@code path} is a link that leads to nothing; null otherwise. Java reports such a path as missing or, making a
     * folder through it, as existing: neither says what is wrong.
     */
    public static String brokenLink(Path path) {
        if (!Files.isSymbolicLink(path) || Files.exists(path)) {
            return null;
        }
        try {
            path.toRealPath();
            return null;
        } catch (FileSystemException e) {
            if (e.getReason() != null && e.getReason().contains("symbolic links")) {
                return "a symbolic link that goes round in a circle (" + e.getReason() + ")";
            }
        } catch (IOException e) {
            // not a loop: say where it points
        }
        try {
            return "a symbolic link to '" + Files.readSymbolicLink(path) + "', which does not exist";
        } catch (IOException e) {
            return "a symbolic link that leads nowhere";
        }
    }

    /** The IOException behind {@code t}, if an I/O failure is what it is (wrapped or not); else null. */
    public static IOException cause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IOException io) {
                return io;
            }
            if (c instanceof UncheckedIOException u) {
                return u.getCause();
            }
        }
        return null;
    }

    /**
     * "No space left on device", or "Permission denied (/the/file)" when the file is not {@code subject} itself. A
     * file inside a staged folder is named by where it was going (a move's target), or by the folder the staged one
     * was made in ("Permission denied (in /a/folder)"): its hidden name means nothing to the user.
     */
    public String describe(Path subject) {
        if (file == null || file.isBlank()) {
            return reason;
        }
        Path path = Path.of(file);
        Path staged = stagedFolderOf(path);
        if (staged != null) {
            if (otherFile != null && stagedFolderOf(Path.of(otherFile)) == null) {
                path = Path.of(otherFile);
            } else {
                return reason + " (in " + staged.getParent() + ")";
            }
        }
        if (subject != null && path.toAbsolutePath().normalize().equals(subject.toAbsolutePath().normalize())) {
            return reason;
        }
        return reason + " (" + path + ")";
    }

    /** The staged folder (or its lock file) {@code path} is or is in, or null. */
    private static Path stagedFolderOf(Path path) {
        for (Path p = path; p != null && p.getFileName() != null; p = p.getParent()) {
            if (StagedFolder.isPartialName(p.getFileName().toString())) {
                return p;
            }
        }
        return null;
    }
}
