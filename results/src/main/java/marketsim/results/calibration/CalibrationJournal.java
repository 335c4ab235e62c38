package marketsim.results.calibration;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import marketsim.results.Csv;
import marketsim.results.experiment.ResultsFolder;

/**
 * The record of a calibration in progress, so that one that is killed resumes where it stopped
 * when the same command is run again. One line per finished evaluation, appended as soon as it is
 * done: its number, its positions in [0, 1]^d, parameter values, loss and each target's outcome
 * per replication, every number written by {@link Double#toString} so it reads back to the same
 * double. A last line without its newline was cut short by the kill and is dropped, as is
 * anything after a line that does not read. The first line names the calibration (its
 * fingerprint) and when it began; a journal of another calibration is started afresh. While open
 * the file is locked: two runs of the same calibration never write one journal.
 */
public final class CalibrationJournal implements AutoCloseable {
    private static final String HEADER = "# marketsim calibrate journal v1 ";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Instant started;
    private final List<Calibration.Evaluation> evaluations;
    /** Byte offset of the end of the header and of each evaluation's line. */
    private final List<Long> ends;

    private CalibrationJournal(Path file, FileChannel channel, FileLock lock, Instant started,
                               List<Calibration.Evaluation> evaluations, List<Long> ends) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.started = started;
        this.evaluations = evaluations;
        this.ends = ends;
    }

    /** The journal of {@code setup} in {@code folder}: {@code .calibrate-NAME-HASH12.journal}. */
    public static Path file(Path folder, CalibrationSetup setup) {
        return folder.resolve(".calibrate-" + Csv.fileName(setup.base().name()) + "-"
                + setup.fingerprint().substring(0, 12) + ".journal");
    }

    /**
     * Opens (creating) the journal of {@code setup} at {@code file} and reads the evaluations it
     * holds; throws if another process has it open.
     */
    public static CalibrationJournal open(Path file, CalibrationSetup setup) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null; // held by this same process
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IOException(file + " is in use: the same calibration is running in another process");
        }
        try {
            return read(file, channel, lock, setup);
        } catch (IOException | RuntimeException e) {
            lock.release();
            channel.close();
            throw e;
        }
    }

    private static CalibrationJournal read(Path file, FileChannel channel, FileLock lock, CalibrationSetup setup)
            throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) channel.size());
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) >= 0) {
            // until the whole file is in
        }
        byte[] bytes = buffer.array();
        String fingerprint = setup.fingerprint();
        List<Calibration.Evaluation> evaluations = new ArrayList<>();
        List<Long> ends = new ArrayList<>();
        Instant started = null;
        int from = 0;
        for (int nl = from; nl < bytes.length; nl++) {
            if (bytes[nl] != '\n') {
                continue;
            }
            String line = new String(bytes, from, nl - from, StandardCharsets.UTF_8);
            if (started == null) {
                started = header(line, fingerprint);
                if (started == null) {
                    break;
                }
            } else {
                Calibration.Evaluation e = parse(line, evaluations.size() + 1, setup);
                if (e == null) {
                    break;
                }
                evaluations.add(e);
            }
            from = nl + 1;
            ends.add((long) from);
        }
        if (started == null) {
            started = Instant.now();
            channel.truncate(0);
            write(channel, HEADER + fingerprint + " " + started + "\n");
            ends.add(channel.size());
        } else {
            channel.truncate(ends.get(ends.size() - 1)); // drops a torn last line and anything unreadable
        }
        channel.position(channel.size());
        return new CalibrationJournal(file, channel, lock, started, List.copyOf(evaluations), ends);
    }

    /** When the calibration began, if the line is this calibration's header; else null. */
    private static Instant header(String line, String fingerprint) {
        String prefix = HEADER + fingerprint + " ";
        if (!line.startsWith(prefix)) {
            return null;
        }
        try {
            return Instant.parse(line.substring(prefix.length()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** An evaluation line, or null if it is not a whole line of this calibration. */
    private static Calibration.Evaluation parse(String line, int index, CalibrationSetup setup) {
        String[] fields = line.split("\t", -1);
        int d = setup.parameters().size();
        int targets = setup.targets().targets().size();
        try {
            if (fields.length != 5 || Integer.parseInt(fields[0]) != index) {
                return null;
            }
            double[] point = numbers(fields[1], d);
            double[] values = numbers(fields[2], d);
            double loss = Double.parseDouble(fields[3]);
            String[] perTarget = fields[4].split(";", -1);
            if (point == null || values == null || perTarget.length != targets) {
                return null;
            }
            double[][] outcomes = new double[targets][];
            for (int k = 0; k < targets; k++) {
                outcomes[k] = numbers(perTarget[k], setup.replications());
                if (outcomes[k] == null) {
                    return null;
                }
            }
            return new Calibration.Evaluation(index, point, values, loss, outcomes);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double[] numbers(String field, int count) {
        String[] parts = field.split(",", -1);
        if (parts.length != count) {
            return null;
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = Double.parseDouble(parts[i]);
        }
        return out;
    }

    /** The key of a candidate: its positions, exactly. */
    static String key(double[] point) {
        return join(point);
    }

    private static String join(double[] xs) {
        StringJoiner j = new StringJoiner(",");
        for (double x : xs) {
            j.add(Double.toString(x));
        }
        return j.toString();
    }

    /** Appends one evaluation; it reaches the file (the operating system) before this returns. */
    void append(Calibration.Evaluation e) throws IOException {
        StringJoiner outcomes = new StringJoiner(";");
        for (double[] perRep : e.outcomes()) {
            outcomes.add(join(perRep));
        }
        write(channel, e.index() + "\t" + join(e.point()) + "\t" + join(e.values()) + "\t" + e.loss() + "\t"
                + outcomes + "\n");
        ends.add(channel.size());
    }

    /** Keeps the first {@code count} evaluations only. */
    void truncate(int count) throws IOException {
        channel.truncate(ends.get(count));
        channel.position(channel.size());
        ends.subList(count + 1, ends.size()).clear();
    }

    private static void write(FileChannel channel, String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /** The evaluations read when it was opened, in order. */
    public List<Calibration.Evaluation> evaluations() {
        return evaluations;
    }

    /** When the calibration first began (this run's start for a new journal). */
    public Instant started() {
        return started;
    }

    public Path file() {
        return file;
    }

    /** Closes and deletes the journal: the results folder now holds everything it did. */
    public void delete() throws IOException {
        close();
        Files.deleteIfExists(file);
    }

    @Override
    public void close() throws IOException {
        if (channel.isOpen()) {
            lock.release();
            channel.close();
        }
    }
}
