package marketsim.scenario.input;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads an input file's text, refusing what cannot be one before any parsing: a missing file, a
 * folder, a file larger than the input's limit (no real input comes near it; a wrong path might),
 * a binary file, text that is not UTF-8 (placed at its first bad byte). A UTF-8 byte order mark is
 * skipped.
 */
public final class InputFiles {
    /** U+FEFF, which some editors write at the start of a UTF-8 file; it is not part of the text. */
    private static final String BYTE_ORDER_MARK = "\uFEFF";

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
            if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                    || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
                throw new InputException(label, "is UTF-16 text; save it as UTF-8");
            }
            for (byte b : bytes) {
                if (b == 0) {
                    throw new InputException(label, "is a binary file, not a YAML or JSON " + what);
                }
            }
            String text = utf8(bytes, label);
            return text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text;
        } catch (IOException e) {
            throw new InputException(label, "cannot read file: " + e.getMessage());
        }
    }

    /**
     * The bytes as UTF-8; a byte that is not (a file saved as Latin-1 or Windows-1252 would have
     * read as U+FFFD in a name) is refused at its line, column and byte offset, all from 1.
     */
    private static String utf8(byte[] bytes, String label) throws InputException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (!result.isError()) {
            return out.flip().toString();
        }
        int at = in.position(); // the first byte of the bad sequence
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String before = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8); // valid up to here
        int column = before.codePointCount(0, before.length()) + 1;
        throw new InputException(label, String.format(Locale.ROOT, "line %d, column %d (byte %d): not UTF-8 text (byte 0x%02X); "
                + "save the file as UTF-8", line, column, at + 1, bytes[at] & 0xFF));
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
