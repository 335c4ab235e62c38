package marketsim.scenario.input;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Reads an input file's text, refusing what cannot be one before any parsing: a missing file, a
 * folder, a file larger than the input's limit (no real input comes near it; a wrong path might),
 * a binary file.
 */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * The text of {@code path} (UTF-8); {@code label} names it in messages, {@code what} is the
     * kind of input ("scenario", "targets file") and {@code maxBytes} its size limit.
     */
    public static String read(Path path, String label, String what, long maxBytes) throws InputException {
        try {
            if (!Files.isRegularFile(path)) {
                throw new InputException(label, Files.exists(path) ? "is not a regular file" : "no such file");
            }
            long size = Files.size(path);
            if (size > maxBytes) {
                throw new InputException(label, "file is " + size + " bytes; a " + what + " may be at most "
                        + maxBytes + " bytes");
            }
            byte[] bytes = Files.readAllBytes(path);
            for (byte b : bytes) {
                if (b == 0) {
                    throw new InputException(label, "is a binary file, not a YAML or JSON " + what);
                }
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(label, "cannot read file: " + e.getMessage());
        }
    }

    /**
     * {@code given} (a file or folder named on the command line or in a file) as a path; a name no
     * file can have (a NUL character, or on Windows {@code <>:"|?*}) is an input error naming it.
     */
    public static Path path(String given) throws InputException {
        try {
            return Path.of(given);
        } catch (InvalidPathException e) {
            int nul = given.indexOf('\0'); // Unix paths do not say where it is
            int at = nul >= 0 ? nul : e.getIndex();
            String what = nul >= 0 ? "a NUL character (\\0)"
                    : at >= 0 && at < given.length() ? "'" + given.charAt(at) + "' (" + e.getReason() + ")" : e.getReason();
            throw new InputException(given, "not a usable path: it contains " + what
                    + (at >= 0 ? " at position " + (at + 1) : ""));
        }
    }
}
