package marketsim.results.sweep;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import marketsim.results.Csv;
import marketsim.results.Provenance;
import marketsim.core.metrics.Metric;
import marketsim.results.experiment.ResultsFolder;

/**
 * The record of a sweep's finished runs, one line each, appended as each run finishes: how a
 * killed sweep resumes. A line is {@code run,value,value,...} with every metric of every entity
 * written by {@link Double#toString} (which reads back exactly), so resumed runs give the same
 * files as uninterrupted ones. The first line names the sweep (its plan's identity and the
 * shard); a journal of another sweep, or a torn last line left by a kill, is ignored. The file is
 * locked while open, so two processes never run the same sweep into one journal.
 */
public final class SweepJournal implements Closeable {
    private static final String MAGIC = "# marketsim sweep journal v1";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final SweepPlan plan;
    private final Map<Integer, double[][]> done = new HashMap<>();

    private SweepJournal(Path file, FileChannel channel, FileLock lock, SweepPlan plan) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.plan = plan;
    }

    /** A journal that keeps nothing (for tests and callers that need no resume). */
    public static SweepJournal none(SweepPlan plan) {
        return new SweepJournal(null, null, null, plan);
    }

    /** The journal file for a sweep: hidden, next to where its results go, named by the sweep's identity. */
    public static Path fileFor(Path resultsParent, SweepPlan plan, Sweep.Shard shard) {
        String name = ".sweep-" + Csv.fileName(plan.scenario()) + "-" + identity(plan).substring(0, 16)
                + (shard.whole() ? "" : "-shard-" + shard.index() + "-of-" + shard.count()) + ".journal";
        return resultsParent.resolve(name);
    }

    /**
     * Opens (or creates) the journal and reads the runs it holds. Throws {@link IllegalStateException}
     * if another process holds it.
     */
    public static SweepJournal open(Path file, SweepPlan plan, Sweep.Shard shard) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("another marketsim is running this sweep (its journal " + file
                    + " is locked); wait for it, or run a different sweep");
        }
        SweepJournal journal = new SweepJournal(file, channel, lock, plan);
        try {
            journal.load(header(plan, shard));
        } catch (IOException | RuntimeException e) {
            journal.close();
            throw e;
        }
        return journal;
    }

    private static String header(SweepPlan plan, Sweep.Shard shard) {
        return MAGIC + " " + identity(plan) + " shard " + shard + "\n";
    }

    /** The plan's identity with the engine's: another version or generator never resumes an old journal. */
    static String identity(SweepPlan plan) {
        return plan.identity() + "-" + Provenance.engine();
    }

    /** Reads complete lines of this sweep, truncates anything after the last one, or starts afresh. */
    private void load(String header) throws IOException {
        // Read through the locked channel itself (another handle may not read a locked file on some systems).
        ByteBuffer all = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE, channel.size()));
        channel.position(0);
        while (all.hasRemaining() && channel.read(all) >= 0) {
            // fill
        }
        String text = new String(all.array(), 0, all.position(), StandardCharsets.ISO_8859_1);
        long keep = 0;
        if (text.startsWith(header)) {
            keep = header.length();
            int at = header.length();
            while (true) {
                int end = text.indexOf('\n', at);
                if (end < 0) {
                    break; // a torn last line: dropped
                }
                if (!parse(text.substring(at, end))) {
                    break;
                }
                at = end + 1;
                keep = at;
            }
        }
        channel.truncate(keep);
        channel.position(keep);
        if (keep == 0) {
            write(header);
        }
    }

    private boolean parse(String line) {
        String[] cells = line.split(",", -1);
        try {
            int run = Integer.parseInt(cells[0]);
            if (run < 0 || run >= plan.runs()) {
                return false;
            }
            List<?> entities = plan.entities(run / plan.replications());
            int metrics = Metric.values().length;
            if (cells.length != 1 + entities.size() * metrics) {
                return false;
            }
            double[][] values = new double[entities.size()][metrics];
            for (int e = 0; e < entities.size(); e++) {
                for (int m = 0; m < metrics; m++) {
                    values[e][m] = Double.parseDouble(cells[1 + e * metrics + m]);
                }
            }
            done.put(run, values);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The values of {@code run} if the journal holds it, else null. */
    public double[][] get(int run) {
        return done.get(run);
    }

    public int size() {
        return done.size();
    }

    /** Records a finished run; the line is on disk (in the OS's hands) when this returns. */
    public synchronized void append(int run, double[][] values) throws IOException {
        if (channel == null) {
            return;
        }
        StringBuilder line = new StringBuilder().append(run);
        for (double[] entity : values) {
            for (double v : entity) {
                line.append(',').append(Double.toString(v));
            }
        }
        write(line.append('\n').toString());
    }

    private void write(String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        if (channel != null && channel.isOpen()) {
            lock.release();
            channel.close();
        }
    }

    /** Closes and removes the journal: the sweep's results are written. */
    public void delete() throws IOException {
        close();
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }
}
