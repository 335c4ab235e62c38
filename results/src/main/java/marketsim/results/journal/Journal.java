package marketsim.results.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import marketsim.results.Csv;
import marketsim.results.Provenance;

/**
 * An append-only file of records, one UTF-8 line each, that a study writes as each piece of work
 * finishes (a sweep's run, a calibration's evaluation), so that a killed study resumes where it
 * stopped when the same command runs again.
 *
 * <ul>
 * <li>The first line names what the journal belongs to:
 * {@code # marketsim KIND journal v3 HASH CREATED}, where {@code HASH} is the SHA-256 of the
 * engine ({@link Provenance#engine()}: tool version and random generator) and the study's own
 * fingerprint, and {@code CREATED} when the journal was begun. A journal with another header (another
 * study, another engine, an older format) is started afresh: its records would not give the same
 * numbers.</li>
 * <li>A record line is the SHA-256 of the record (hex), a space, and the record, so each record is checked on its
 * own and a resumed study's appends never make the journal disagree with an earlier checksum. A last line without
 * its newline (a kill cut it short) is dropped and the file truncated before it, so appends continue after the last
 * good record. A whole line whose checksum does not match, or that the study's {@link Reader} rejects, is a journal
 * edited or damaged: {@link JournalDamagedException} names it, rather than resuming from numbers no run
 * produced.</li>
 * <li>The file is locked while open: a second process running the same study gets a
 * {@link JournalInUseException} instead of interleaving its lines.</li>
 * <li>Every failure to read or write is an {@link IOException}; an append is in the operating
 * system's hands when it returns (it survives the process being killed, not the machine failing).</li>
 * </ul>
 */
public final class Journal implements Closeable {
    /** v3: each record line carries its SHA-256; v2 journals (without) are started afresh. */
    private static final String FORMAT = "v3";
    /** A record line: the SHA-256 of the record in hex, a space, the record. */
    private static final int SUM = 64;

    /** Reads one record line; returns false if the line is not a record of this study. */
    @FunctionalInterface
    public interface Reader {
        boolean read(String line);
    }

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Instant created;
    /** Byte offset of the end of the header and of each record's line. */
    private final List<Long> ends;
    /** Set when a record only partly written could not be cut off: later records would be glued to it. */
    private IOException torn;

    private Journal(Path file, FileChannel channel, FileLock lock, Instant created, List<Long> ends) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.created = created;
        this.ends = ends;
    }

    /** A journal that keeps nothing (tests, and work that needs no resume). */
    public static Journal none() {
        return new Journal(null, null, null, Instant.now(), new ArrayList<>(List.of(0L)));
    }

    /**
     * The journal file of a study in {@code dir}: hidden, {@code .KIND-NAME-HASH.journal} with the
     * first 16 hex digits of the header's hash, so different studies never share a file.
     */
    public static Path file(Path dir, String kind, String name, String fingerprint) {
        return dir.resolve("." + kind + "-" + Csv.fileName(name) + "-" + hash(fingerprint).substring(0, 16)
                + ".journal");
    }

    /**
     * Opens (creating) the journal at {@code file}, feeding each record it holds to {@code reader} in
     * order; throws {@link JournalInUseException} if another process has it open.
     */
    public static Journal open(Path file, String kind, String fingerprint, Reader reader) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this same process
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new JournalInUseException(file, kind);
        }
        try {
            return read(file, channel, lock, "# marketsim " + kind + " journal " + FORMAT + " " + hash(fingerprint) + " ",
                    reader);
        } catch (IOException | RuntimeException e) {
            lock.release();
            channel.close();
            throw e;
        }
    }

    private static Journal read(Path file, FileChannel channel, FileLock lock, String header, Reader reader)
            throws IOException {
        // Read through the locked channel itself (another handle may not read a locked file on some systems).
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE, channel.size()));
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) >= 0) {
            // until the whole file is in
        }
        byte[] bytes = buffer.array();
        List<Long> ends = new ArrayList<>();
        Instant created = null;
        int from = 0;
        for (int nl = 0; nl < buffer.position(); nl++) {
            if (bytes[nl] != '\n') {
                continue;
            }
            String line = new String(bytes, from, nl - from, StandardCharsets.UTF_8);
            if (created == null) {
                created = created(line, header);
                if (created == null) {
                    break;
                }
            } else {
                String record = record(file, ends.size() + 1, kind(header), line);
                if (!reader.read(record)) {
                    throw new JournalDamagedException(file, ends.size() + 1, kind(header),
                            "a record this " + kind(header) + " cannot read");
                }
            }
            from = nl + 1;
            ends.add((long) from);
        }
        if (created == null) {
            created = Instant.now();
            channel.truncate(0);
            write(channel, header + created + "\n");
            ends.add(channel.size());
        } else {
            channel.truncate(ends.get(ends.size() - 1)); // drops a torn last line and anything unreadable
        }
        channel.position(channel.size());
        return new Journal(file, channel, lock, created, ends);
    }

    /** The record of line {@code number}, its checksum checked. */
    private static String record(Path file, int number, String kind, String line) throws JournalDamagedException {
        if (line.length() < SUM + 1 || line.charAt(SUM) != ' ') {
            throw new JournalDamagedException(file, number, kind, "no checksum");
        }
        String record = line.substring(SUM + 1);
        if (!line.substring(0, SUM).equals(sha256(record))) {
            throw new JournalDamagedException(file, number, kind, "the record does not match its checksum");
        }
        return record;
    }

    /** The study's kind ("sweep") from its header line. */
    private static String kind(String header) {
        return header.split(" ")[2];
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** When the journal was begun, if the line is its header; else null. */
    private static Instant created(String line, String header) {
        if (!line.startsWith(header)) {
            return null;
        }
        try {
            return Instant.parse(line.substring(header.length()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The SHA-256, in hex, of the engine and the study's fingerprint. */
    static String hash(String fingerprint) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((Provenance.engine() + "\n" + fingerprint).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Appends one record (a line without its newline); callable from several threads. A record only partly
     * written (a full disk) is cut off again, so the records after it are not lost behind a torn line.
     */
    public synchronized void append(String record) throws IOException {
        if (channel == null) {
            return;
        }
        if (torn != null) { // a record could not be cut off again: nothing may follow it
            throw new JournalWriteException(file, torn);
        }
        long end = ends.get(ends.size() - 1);
        try {
            write(channel, sha256(record) + " " + record + "\n");
        } catch (IOException e) {
            try {
                channel.truncate(end);
                channel.position(end);
            } catch (IOException again) {
                e.addSuppressed(again);
                torn = e;
            }
            throw new JournalWriteException(file, e);
        }
        ends.add(channel.size());
    }

    /** Keeps the first {@code records} records only. */
    public synchronized void truncate(int records) throws IOException {
        if (channel != null) {
            channel.truncate(ends.get(records));
            channel.position(channel.size());
        }
        ends.subList(records + 1, ends.size()).clear();
    }

    /** How many records the journal holds. */
    public synchronized int size() {
        return ends.size() - 1;
    }

    private static void write(FileChannel channel, String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /** When the journal was begun (this run's start for a new one). */
    public Instant created() {
        return created;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null && channel.isOpen()) {
            lock.release();
            channel.close();
        }
    }

    /** Closes and removes the journal: the study's results are written. */
    public synchronized void delete() throws IOException {
        close();
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }
}
